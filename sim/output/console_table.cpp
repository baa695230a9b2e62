#include "sim/output/console_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

namespace hsim::output {

namespace {

std::string format_value(double value) {
  if (std::isnan(value)) return "NA";
  char buffer[64];
  const double magnitude = std::abs(value);
  if (magnitude >= 1000.0) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else if (magnitude >= 10.0) {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
  }
  return buffer;
}

}  // namespace

std::string format_interval(const analysis::Interval& interval) {
  if (std::isnan(interval.mean)) return "NA";
  return format_value(interval.mean) + " [" + format_value(interval.low) + ", " + format_value(interval.high) + "]";
}

std::string format_comparison_table(const std::string& title, const std::vector<analysis::SummaryRow>& rows,
                                    const std::vector<std::string>& metrics) {
  return format_scenarios_table(title, {{"", rows}}, metrics);
}

std::string format_scenarios_table(const std::string& title, const std::vector<ScenarioRows>& scenarios,
                                   const std::vector<std::string>& metrics) {
  const bool show_scenario = scenarios.size() > 1;
  std::vector<std::string> columns;
  // (scenario, metric) lines in display order, and their cells by column.
  std::vector<std::pair<std::string, std::string>> lines;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> cells;
  for (const auto& scenario : scenarios) {
    std::vector<std::string> metric_order;
    for (const auto& row : scenario.rows) {
      if (!metrics.empty() && std::find(metrics.begin(), metrics.end(), row.metric) == metrics.end()) continue;
      if (std::find(columns.begin(), columns.end(), row.policy) == columns.end()) columns.push_back(row.policy);
      if (std::find(metric_order.begin(), metric_order.end(), row.metric) == metric_order.end()) {
        metric_order.push_back(row.metric);
      }
      cells[{scenario.scenario, row.metric, row.policy}] = format_interval(row.interval);
    }
    const std::vector<std::string>& order = metrics.empty() ? metric_order : metrics;
    for (const auto& metric : order) {
      if (std::find(metric_order.begin(), metric_order.end(), metric) != metric_order.end()) {
        lines.emplace_back(scenario.scenario, metric);
      }
    }
  }

  std::size_t scenario_width = 8;
  std::size_t metric_width = 6;
  for (const auto& [scenario, metric] : lines) {
    scenario_width = std::max(scenario_width, scenario.size());
    metric_width = std::max(metric_width, metric.size());
  }
  std::vector<std::size_t> widths;
  for (const auto& column : columns) {
    std::size_t width = column.size();
    for (const auto& [scenario, metric] : lines) width = std::max(width, cells[{scenario, metric, column}].size());
    widths.push_back(width);
  }

  auto pad = [](const std::string& text, std::size_t width) {
    return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
  };
  std::string out = title + "\n";
  std::string header = show_scenario ? pad("scenario", scenario_width) + "  " : "";
  header += pad("metric", metric_width);
  for (std::size_t i = 0; i < columns.size(); ++i) header += "  " + pad(columns[i], widths[i]);
  while (!header.empty() && header.back() == ' ') header.pop_back();
  out += header + "\n" + std::string(header.size(), '-') + "\n";
  std::string previous_scenario;
  for (const auto& [scenario, metric] : lines) {
    std::string line;
    if (show_scenario) line = pad(scenario == previous_scenario ? "" : scenario, scenario_width) + "  ";
    previous_scenario = scenario;
    line += pad(metric, metric_width);
    for (std::size_t i = 0; i < columns.size(); ++i)
      line += "  " + pad(cells[{scenario, metric, columns[i]}], widths[i]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace hsim::output
