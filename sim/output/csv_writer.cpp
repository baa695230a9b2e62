#include "sim/output/csv_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace hsim::output {

std::string format_number(double value) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  if (value == 0.0) return "0";  // also folds -0
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string quote_csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

CsvWriter::CsvWriter(std::ostream& out, const TableSchema& schema) : out_(out), column_count_(schema.columns.size()) {
  for (std::size_t i = 0; i < schema.columns.size(); ++i) {
    if (i > 0) out_ << ',';
    out_ << quote_csv_field(schema.columns[i].name);
  }
  out_ << '\n';
}

void CsvWriter::write_row(const std::vector<CsvCell>& cells) {
  if (cells.size() != column_count_) {
    throw std::logic_error("csv: a row has " + std::to_string(cells.size()) + " cells for " +
                           std::to_string(column_count_) + " columns");
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_ << ',';
    std::visit(
        [this](const auto& cell) {
          using Cell = std::decay_t<decltype(cell)>;
          if constexpr (std::is_same_v<Cell, std::string_view>) {
            out_ << quote_csv_field(cell);
          } else if constexpr (std::is_same_v<Cell, double>) {
            out_ << format_number(cell);
          } else {
            out_ << cell;
          }
        },
        cells[i]);
  }
  out_ << '\n';
}

}  // namespace hsim::output
