#include "sim/output/curve_reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

#include "sim/output/csv_reader.hpp"
#include "sim/output/html_report.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::output {

namespace {

using nlohmann::json;

// More charts than this make a page nobody reads; the tables hold every point.
constexpr std::size_t max_sweep_charts = 48;

json number_or_null(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

void write_page(const json& data, const std::filesystem::path& file) {
  std::ofstream out(file);
  out << html_report_page(data.at("title").get<std::string>(), data.dump());
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

json read_manifest(const std::filesystem::path& folder) {
  std::ifstream in(folder / "manifest.json");
  if (!in) throw std::runtime_error("cannot read " + (folder / "manifest.json").string());
  json manifest = json::parse(in, nullptr, false);
  if (!manifest.is_object()) throw std::runtime_error((folder / "manifest.json").string() + " is not a JSON object");
  return manifest;
}

}  // namespace

std::pair<double, double> wilson_interval(double share, std::size_t n) {
  if (n == 0) return {0.0, 1.0};
  const double z = 1.959963984540054;
  const double trials = static_cast<double>(n);
  const double centre = (share + z * z / (2.0 * trials)) / (1.0 + z * z / trials);
  const double half =
      z / (1.0 + z * z / trials) * std::sqrt(share * (1.0 - share) / trials + z * z / (4.0 * trials * trials));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

void write_sweep_report(const std::filesystem::path& folder, const std::filesystem::path& file) {
  const json manifest = read_manifest(folder);
  std::vector<std::string> parameters;
  std::map<long, std::vector<double>> coordinates;  // point -> parameter values, in points.csv's column order
  std::ifstream points_in(folder / "points.csv");
  std::string header_line;
  if (!points_in || !std::getline(points_in, header_line))
    throw std::runtime_error("cannot read " + (folder / "points.csv").string());
  const auto header = split_csv_line(header_line);
  parameters.assign(header.begin() + 1, header.end());
  for_each_csv_row(folder / "points.csv", [&](const CsvRow& row) {
    std::vector<double> values;
    for (const auto& parameter : parameters) values.push_back(row.number(parameter));
    coordinates[std::lround(row.number("point"))] = std::move(values);
  });
  if (coordinates.empty()) throw std::runtime_error((folder / "points.csv").string() + " has no points");

  struct Cell {
    double mean, low, high;
  };
  // metric -> policy -> point -> cell, policies and metrics in file order
  std::map<std::string, std::map<std::string, std::map<long, Cell>>> cells;
  std::vector<std::string> metrics;
  std::vector<std::string> policies;
  for_each_csv_row(folder / "aggregated.csv", [&](const CsvRow& row) {
    const std::string& metric = row["metric"];
    const std::string& policy = row["policy"];
    if (cells.find(metric) == cells.end()) metrics.push_back(metric);
    if (std::find(policies.begin(), policies.end(), policy) == policies.end()) policies.push_back(policy);
    cells[metric][policy][std::lround(row.number("point"))] = {row.number("mean"), row.number("ci_low"),
                                                               row.number("ci_high")};
  });

  if (metrics.empty()) throw std::runtime_error((folder / "aggregated.csv").string() + " has no results");
  json curves = json::array();
  std::size_t left_out = 0;
  for (const auto& metric : metrics) {
    for (std::size_t axis = 0; axis < parameters.size(); ++axis) {
      if (curves.size() >= max_sweep_charts) {
        ++left_out;
        continue;
      }
      json chart{{"title", metric + " against " + parameters[axis]},
                 {"x_label", parameters[axis]},
                 {"y_label", metric + " (mean over replicates, 95 % interval)"},
                 {"lines", false},
                 {"series", json::array()}};
      for (const auto& policy : policies) {
        json series{{"label", policy}, {"points", json::array()}};
        for (const auto& [point, cell] : cells[metric][policy]) {
          const auto at = coordinates.find(point);
          if (at == coordinates.end()) continue;
          series["points"].push_back({{"x", number_or_null(at->second[axis])},
                                      {"y", number_or_null(cell.mean)},
                                      {"low", number_or_null(cell.low)},
                                      {"high", number_or_null(cell.high)}});
        }
        chart["series"].push_back(series);
      }
      curves.push_back(chart);
    }
  }
  json data;
  data["title"] = "hsim sweep: " + folder.filename().string();
  data["subtitle"] = std::to_string(coordinates.size()) + " points, " +
                     std::to_string(manifest.value("replicates", 0)) + " replicates each, seed " +
                     std::to_string(manifest.value("seed", 0)) + "\n" + manifest.value("command_line", std::string());
  std::string note =
      "Each point's mean over its replicates with the 95 % interval. Every other parameter varies "
      "too, so the spread at one value is the effect of the rest (hsim sensitivity apportions it).";
  if (left_out > 0)
    note += " " + std::to_string(left_out) + " more metric-parameter pairs are in aggregated.csv and points.csv.";
  data["curves"] = curves;
  data["curves_note"] = note;
  write_page(data, file);
}

void write_goal_report(const GoalReport& report, const std::filesystem::path& file) {
  json series{{"label", "share of replicates meeting the target"}, {"points", json::array()}};
  for (const auto& point : report.curve) {
    const auto [low, high] = wilson_interval(point.probability, report.replicates);
    series["points"].push_back({{"x", point.lever}, {"y", point.probability}, {"low", low}, {"high", high}});
  }
  json chart{{"title", "Share of replicates meeting the target, by " + report.lever},
             {"x_label", report.lever},
             {"y_label", "share of replicates meeting the target"},
             {"y_share", true},
             {"lines", true},
             {"series", json::array({series})},
             {"reference", {{"y", report.required_probability}, {"label", "required share"}}}};
  if (report.smallest) chart["marker"] = {{"x", *report.smallest}, {"label", "smallest value meeting the goal"}};
  json rows = json::array();
  for (const auto& point : report.curve) {
    const auto [low, high] = wilson_interval(point.probability, report.replicates);
    char interval[64];
    std::snprintf(interval, sizeof interval, "%.1f-%.1f %%", 100.0 * low, 100.0 * high);
    char share[32];
    std::snprintf(share, sizeof share, "%.1f %%", 100.0 * point.probability);
    rows.push_back(
        {{"label", scenario::number_text(point.lever)},
         {"cells", json::array({share, interval, point.probability >= report.required_probability ? "yes" : "no"})}});
  }
  json data;
  data["title"] = "hsim goal: " + report.title;
  data["subtitle"] = (report.smallest ? "smallest value meeting the goal: " + scenario::number_text(*report.smallest)
                                      : std::string("not met anywhere in the range searched")) +
                     "\n" + report.subtitle;
  data["table"] = {{"title", "Every lever value evaluated"},
                   {"columns", json::array({"meeting the target", "95 % interval (Wilson)", "goal met"})},
                   {"rows", rows}};
  data["curves"] = json::array({chart});
  data["curves_note"] = "Each point is the share of " + std::to_string(report.replicates) +
                        " replicates (the same seeds at every value) that meet the target, with its 95 % Wilson "
                        "interval. The search assumes the share does not fall as the lever rises.";
  write_page(data, file);
}

}  // namespace hsim::output
