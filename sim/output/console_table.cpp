#include "sim/output/console_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string_view>
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

enum class Unit { share, nok, number };

// How a metric reads in words, and in what unit.
struct Label {
  std::string_view text;
  Unit unit;
};

const std::map<std::string, Label, std::less<>>& labels() {
  static const std::map<std::string, Label, std::less<>> table{
      {"entrants", {"people who entered", Unit::number}},
      {"in_ordinary_housing_share", {"in ordinary housing at the status date", Unit::share}},
      {"still_in_first_flat_share", {"still in their first flat", Unit::share}},
      {"ever_lost_housing_share", {"lost a flat at least once", Unit::share}},
      {"evictions", {"evictions", Unit::number}},
      {"evictions_prevented", {"evictions prevented by the team", Unit::number}},
      {"days_to_housing_mean", {"days from entry to a flat", Unit::number}},
      {"stably_housed_days_share", {"days housed, of days followed", Unit::share}},
      {"tenure_survival_12m", {"first stay housed 12 months", Unit::share}},
      {"residential_stay_survival_12m", {"first stay in a residence or flat 12 months", Unit::share}},
      {"retention_12m_after_move_in_share", {"housed 12 months after moving in", Unit::share}},
      {"housed_none_final_6m_share", {"unhoused the whole final 6 months", Unit::share}},
      {"still_enrolled_share", {"still followed by the team", Unit::share}},
      {"homeless_point_in_time", {"homeless in the city at the status date", Unit::number}},
      {"cost_per_person_year_nok", {"cost per person-year, NOK", Unit::nok}},
      {"cost_total_nok", {"total cost, NOK", Unit::nok}},
      {"cost_by_payer_municipality_nok", {"  paid by the municipality, NOK", Unit::nok}},
      {"cost_by_payer_state_nok", {"  paid by the state, NOK", Unit::nok}},
      {"cost_by_payer_health_trust_nok", {"  paid by the health trust, NOK", Unit::nok}},
      {"cost_by_payer_correctional_service_nok", {"  paid by the prisons, NOK", Unit::nok}},
      {"cost_by_payer_police_nok", {"  paid by the police, NOK", Unit::nok}},
      {"cost_programme_nok", {"of which the programme, NOK", Unit::nok}},
      {"cost_city_staircase_places_nok", {"city's staircase places, fixed cost, NOK", Unit::nok}},
      {"cost_per_extra_stable_day_nok", {"cost per extra day housed, NOK", Unit::nok}},
      {"cost_offset_share", {"programme cost paid back elsewhere", Unit::share}},
  };
  return table;
}

std::string with_thousands(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f", std::abs(value));
  const std::string digits = buffer;
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (value < 0.0 && grouped != "0" ? "-" : "") + grouped;
}

std::string format_in(double value, Unit unit) {
  if (std::isnan(value)) return "NA";
  char buffer[64];
  switch (unit) {
    case Unit::share:
      std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * value);
      return buffer;
    case Unit::nok:
      return with_thousands(value);
    default:
      return format_value(value);
  }
}

}  // namespace

std::string metric_label(const std::string& metric) {
  const auto found = labels().find(metric);
  return found == labels().end() ? metric : std::string(found->second.text);
}

std::string format_interval(const analysis::Interval& interval) {
  if (std::isnan(interval.mean)) return "NA";
  return format_value(interval.mean) + " [" + format_value(interval.low) + ", " + format_value(interval.high) + "]";
}

std::string format_interval(const analysis::Interval& interval, const std::string& metric) {
  const auto found = labels().find(metric);
  if (found == labels().end()) return format_interval(interval);
  const Unit unit = found->second.unit;
  if (std::isnan(interval.mean)) return "NA";
  return format_in(interval.mean, unit) + " [" + format_in(interval.low, unit) + ", " + format_in(interval.high, unit) +
         "]";
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
      cells[{scenario.scenario, row.metric, row.policy}] = format_interval(row.interval, row.metric);
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
    metric_width = std::max(metric_width, metric_label(metric).size());
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
    line += pad(metric_label(metric), metric_width);
    for (std::size_t i = 0; i < columns.size(); ++i)
      line += "  " + pad(cells[{scenario, metric, columns[i]}], widths[i]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace hsim::output
