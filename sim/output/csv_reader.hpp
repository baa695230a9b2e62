#pragma once

// Reads the CSV tables hsim writes (RFC 4180 quoting), row by row, so that large tables need not fit
// in memory.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hsim::output {

// The columns of a table by name, built once from its header line.
class CsvHeader {
 public:
  explicit CsvHeader(std::vector<std::string> names);
  // The column's index; throws std::runtime_error when the table has no such column.
  [[nodiscard]] std::size_t index(const std::string& column) const;
  [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> index_;
};

class CsvRow {
 public:
  CsvRow(const CsvHeader& header, const std::vector<std::string>& fields) : header_(&header), fields_(&fields) {}
  // The field of a column; throws std::runtime_error when the table has no such column.
  [[nodiscard]] const std::string& operator[](const std::string& column) const;
  [[nodiscard]] double number(const std::string& column) const;  // NaN for NA or empty

 private:
  const CsvHeader* header_;
  const std::vector<std::string>* fields_;
};

// Calls `row` for every data row of `file`; throws std::runtime_error when it cannot be read.
void for_each_csv_row(const std::filesystem::path& file, const std::function<void(const CsvRow&)>& row);
// The same for the rows whose raw line passes `may_match`, a cheap test that must accept every row the
// caller wants (a text the wanted rows contain): the others are not split into fields.
void for_each_csv_row(const std::filesystem::path& file, const std::function<void(const CsvRow&)>& row,
                      const std::function<bool(std::string_view line)>& may_match);

// The fields of one CSV line.
std::vector<std::string> split_csv_line(const std::string& line);
// The same into `fields`, reusing its strings' storage (for reading a table line by line).
void split_csv_line(const std::string& line, std::vector<std::string>& fields);

}  // namespace hsim::output
