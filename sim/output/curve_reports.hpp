#pragma once

// Reports drawn as x-y curves: a sweep folder (each metric's point means against each varied parameter,
// one series per policy) and a goal search (the share of replicates meeting the target against the
// lever, with its interval, the required share and the answer). Same page and front end as report.html.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hsim::output {

// From a sweep folder's points.csv, aggregated.csv and manifest.json. Throws std::runtime_error when a
// table is missing or unreadable.
void write_sweep_report(const std::filesystem::path& folder, const std::filesystem::path& file);

struct GoalCurvePoint {
  double lever = 0.0;
  double probability = 0.0;  // share of the replicates meeting the target
};

struct GoalReport {
  std::string title;     // e.g. "in_ordinary_housing_share>=0.8 in at least 90 % of 100 replicates"
  std::string subtitle;  // the command line
  std::string lever;     // the scenario key varied
  std::size_t replicates = 0;
  double required_probability = 0.0;
  std::optional<double> smallest;
  std::vector<GoalCurvePoint> curve;
};

void write_goal_report(const GoalReport& report, const std::filesystem::path& file);

// The 95 % Wilson score interval of a share of n trials (stays inside [0, 1], sensible at 0 and n).
std::pair<double, double> wilson_interval(double share, std::size_t n);

}  // namespace hsim::output
