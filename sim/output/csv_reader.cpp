#include "sim/output/csv_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace hsim::output {

const std::string& CsvRow::operator[](const std::string& column) const {
  const auto at = std::find(header_->begin(), header_->end(), column);
  if (at == header_->end()) throw std::runtime_error("table has no column " + column);
  const auto index = static_cast<std::size_t>(at - header_->begin());
  static const std::string empty;
  return index < fields_.size() ? fields_[index] : empty;
}

double CsvRow::number(const std::string& column) const {
  const std::string& text = (*this)[column];
  if (text.empty() || text == "NA") return std::numeric_limits<double>::quiet_NaN();
  return std::stod(text);
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

void for_each_csv_row(const std::filesystem::path& file, const std::function<void(const CsvRow&)>& row) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(file.string() + " is empty");
  const std::vector<std::string> header = split_csv_line(line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    row(CsvRow(header, split_csv_line(line)));
  }
}

}  // namespace hsim::output
