#pragma once

#include <string>
#include <vector>

namespace hsim::output {

struct Column {
  std::string name;
  std::string description;
};

// A table's columns, declared once: the CSV header and the documentation both come from here.
struct TableSchema {
  std::string file_name;
  std::string description;
  std::vector<Column> columns;
};

}  // namespace hsim::output
