#pragma once

// Reads the CSV tables hsim writes (RFC 4180 quoting), row by row, so that large tables need not fit
// in memory.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hsim::output {

class CsvRow {
 public:
  CsvRow(const std::vector<std::string>& header, std::vector<std::string> fields)
      : header_(&header), fields_(std::move(fields)) {}
  // The field of a column; throws std::runtime_error when the table has no such column.
  [[nodiscard]] const std::string& operator[](const std::string& column) const;
  [[nodiscard]] double number(const std::string& column) const;  // NaN for NA or empty

 private:
  const std::vector<std::string>* header_;
  std::vector<std::string> fields_;
};

// Calls `row` for every data row of `file`; throws std::runtime_error when it cannot be read.
void for_each_csv_row(const std::filesystem::path& file, const std::function<void(const CsvRow&)>& row);

// The fields of one CSV line.
std::vector<std::string> split_csv_line(const std::string& line);

}  // namespace hsim::output
