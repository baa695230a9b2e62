#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/output/table_schema.hpp"

namespace hsim::output {

using CsvCell = std::variant<std::string_view, double, std::int64_t>;

// Writes a CSV table whose header comes from its schema. Numbers are written in the shortest form
// that reads back to the same double (so files are byte-identical whenever the values are), NaN as
// NA (read as missing by R and pandas); text is quoted when it holds a comma, quote or newline.
class CsvWriter {
 public:
  CsvWriter(std::ostream& out, const TableSchema& schema);
  void write_row(const std::vector<CsvCell>& cells);

 private:
  std::ostream& out_;
  std::size_t column_count_;
};

std::string format_number(double value);
std::string quote_csv_field(std::string_view text);

}  // namespace hsim::output
