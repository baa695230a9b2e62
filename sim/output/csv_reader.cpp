#include "sim/output/csv_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace hsim::output {

CsvHeader::CsvHeader(std::vector<std::string> names) : names_(std::move(names)) {
  for (std::size_t i = 0; i < names_.size(); ++i) index_.emplace(names_[i], i);
}

std::size_t CsvHeader::index(const std::string& column) const {
  const auto at = index_.find(column);
  if (at == index_.end()) throw std::runtime_error("table has no column " + column);
  return at->second;
}

const std::string& CsvRow::operator[](const std::string& column) const {
  const std::size_t index = header_->index(column);
  static const std::string empty;
  return index < fields_->size() ? (*fields_)[index] : empty;
}

double CsvRow::number(const std::string& column) const {
  const std::string& text = (*this)[column];
  if (text.empty() || text == "NA") return std::numeric_limits<double>::quiet_NaN();
  return std::stod(text);
}

void split_csv_line(const std::string& line, std::vector<std::string>& fields) {
  std::size_t count = 0;
  const auto next_field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& field = fields[count++];
    field.clear();
    return field;
  };
  std::string* field = &next_field();
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '"') {
      // A quoted field: "" stands for one quote; commas and line breaks inside are text.
      for (++i; i < line.size(); ++i) {
        if (line[i] != '"') {
          *field += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          *field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
    } else if (c == ',') {
      field = &next_field();
      ++i;
    } else {
      // An unquoted run up to the next comma or quote, copied at once.
      std::size_t end = i;
      while (end < line.size() && line[end] != ',' && line[end] != '"') ++end;
      std::size_t stop = end;
      if (stop > i && line[stop - 1] == '\r') --stop;
      field->append(line, i, stop - i);
      i = end;
    }
  }
  fields.resize(count);
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  split_csv_line(line, fields);
  return fields;
}

void for_each_csv_row(const std::filesystem::path& file, const std::function<void(const CsvRow&)>& row) {
  for_each_csv_row(file, row, {});
}

void for_each_csv_row(const std::filesystem::path& file, const std::function<void(const CsvRow&)>& row,
                      const std::function<bool(std::string_view line)>& may_match) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(file.string() + " is empty");
  const CsvHeader header(split_csv_line(line));
  std::vector<std::string> fields;
  while (std::getline(in, line)) {
    if (line.empty() || (may_match && !may_match(line))) continue;
    split_csv_line(line, fields);
    row(CsvRow(header, fields));
  }
}

}  // namespace hsim::output
