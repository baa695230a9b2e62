#pragma once

#include <string>
#include <vector>

#include "analysis/policy_experiment.hpp"

namespace hsim::output {

// "0.694 [0.671, 0.717]" with a precision suited to the magnitude.
std::string format_interval(const analysis::Interval& interval);
// The same in the metric's unit for people: shares as percentages, NOK with thousands separators.
std::string format_interval(const analysis::Interval& interval, const std::string& metric);
// The metric in words ("in ordinary housing at the status date"); its name when it has no label.
std::string metric_label(const std::string& metric);

// A table with one line per metric (in words) and one column per arm and paired difference, each
// "mean [ci_low, ci_high]" in the metric's unit. Only `metrics` are shown, in that order (all when empty).
std::string format_comparison_table(const std::string& title, const std::vector<analysis::SummaryRow>& rows,
                                    const std::vector<std::string>& metrics = {});

struct ScenarioRows {
  std::string scenario;
  std::vector<analysis::SummaryRow> rows;
};

// One combined table over several scenarios: a line per scenario and metric.
std::string format_scenarios_table(const std::string& title, const std::vector<ScenarioRows>& scenarios,
                                   const std::vector<std::string>& metrics);

}  // namespace hsim::output
