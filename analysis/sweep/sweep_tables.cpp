#include "analysis/sweep/sweep_tables.hpp"

#include <sstream>
#include <type_traits>

namespace hsim::analysis::sweep {

output::TableSchema points_schema(const std::vector<std::string>& parameter_keys) {
  output::TableSchema schema{"points.csv",
                             "One row per design point with the value of every varied parameter.",
                             {{"point", "Design point index, from 0."}}};
  for (const auto& key : parameter_keys) schema.columns.push_back({key, "Value of the parameter " + key + "."});
  return schema;
}

output::TableSchema results_schema() {
  return {"results.csv",
          "One row per design point, replicate, policy and metric (tidy long format).",
          {{"point", "Design point index (points.csv)."},
           {"replicate", "Replicate index, from 0; the random streams are keyed by (seed, replicate)."},
           {"policy", "Policy the model ran under."},
           {"metric", "Metric name."},
           {"value", "Metric value; NA when the model gave no number."}}};
}

output::TableSchema aggregated_schema() {
  return {"aggregated.csv",
          "One row per design point, policy and metric: the mean over replicates with a 95% Student-t interval.",
          {{"point", "Design point index (points.csv)."},
           {"policy", "Policy."},
           {"metric", "Metric name."},
           {"mean", "Mean over replicates."},
           {"sd", "Sample standard deviation over replicates (replicate noise); NA with one replicate."},
           {"ci_low", "Lower end of the 95% interval for the mean."},
           {"ci_high", "Upper end of the 95% interval for the mean."},
           {"reps", "Number of replicates."}}};
}

std::string csv_header(const output::TableSchema& schema) {
  std::ostringstream text;
  output::CsvWriter writer(text, schema);
  return text.str();
}

std::string csv_line(const std::vector<output::CsvCell>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    std::visit(
        [&line](const auto& cell) {
          using Cell = std::decay_t<decltype(cell)>;
          if constexpr (std::is_same_v<Cell, std::string_view>) {
            line += output::quote_csv_field(cell);
          } else if constexpr (std::is_same_v<Cell, double>) {
            line += output::format_number(cell);
          } else {
            line += std::to_string(cell);
          }
        },
        cells[i]);
  }
  line += '\n';
  return line;
}

}  // namespace hsim::analysis::sweep
