#include "sim/server/board_export.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

#include "sim/output/html_report.hpp"

namespace hsim::server {

namespace {

using nlohmann::json;

// The headline metrics every board entry carries (whatif_service.cpp), and how the report shows them.
struct BoardMetric {
  std::string name;
  std::string title;
  std::string unit;
  double scale;
};
const std::vector<BoardMetric> board_metrics{
    {"stably_housed_days_share", "Days stably housed: change from the baseline", "percentage points", 100.0},
    {"in_ordinary_housing_share", "In ordinary housing at the status date: change", "percentage points", 100.0},
    {"evictions", "Evictions: change", "evictions", 1.0},
    {"cost_per_person_year_nok", "Cost per person-year: change", "NOK", 1.0}};

// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// "teams.housing_first.fte_by_year +2; housing.municipal_vacancies_per_year +10", or "" for none.
std::string changes_text(const json& request) {
  std::string changes;
  for (const auto& [path, amount] : request.at("changes").items()) {
    changes += (changes.empty() ? "" : "; ") + path + (amount.get<double>() > 0 ? " +" : " ") + amount.dump();
  }
  return changes;
}

const json& paired_difference(const json& summary, const std::string& metric) {
  return summary.at("headline").at(metric).at("what-if-baseline");
}

json number_or_null(const json& value, double scale) {
  return value.is_number() && std::isfinite(value.get<double>()) ? json(value.get<double>() * scale) : json(nullptr);
}

}  // namespace

std::string board_json(const std::string& code, const std::vector<BoardEntry>& entries, const BoardState& state) {
  json board{{"code", code},
             {"locked", state.locked},
             {"step_by_step", state.step_by_step},
             {"revealed", state.revealed},
             {"entries", json::array()}};
  for (const auto& entry : entries) {
    json item = json::parse(entry.summary_json);
    item["group"] = entry.group;
    item["key"] = entry.result_key;
    board["entries"].push_back(item);
  }
  return board.dump();
}

std::string board_csv(const std::vector<BoardEntry>& entries) {
  std::string csv = "group,scenario,policy,replicates,seed,changes";
  for (const auto& metric : board_metrics) {
    csv += "," + metric.name + "_difference," + metric.name + "_low," + metric.name + "_high";
  }
  csv += ",key\n";
  for (const auto& entry : entries) {
    const json summary = json::parse(entry.summary_json);
    const json& request = summary.at("request");
    csv += csv_field(entry.group) + "," + request.at("scenario").get<std::string>() + "," +
           request.at("policy").get<std::string>() + "," + request.at("replicates").dump() + "," +
           request.at("seed").dump() + "," + csv_field(changes_text(request));
    for (const auto& metric : board_metrics) {
      const json& difference = paired_difference(summary, metric.name);
      csv +=
          "," + difference.at("mean").dump() + "," + difference.at("low").dump() + "," + difference.at("high").dump();
    }
    csv += "," + entry.result_key + "\n";
  }
  return csv;
}

std::string board_report_html(const std::string& code, const std::vector<BoardEntry>& entries) {
  json rows = json::array();
  json forests = json::array();
  std::vector<json> forest_rows(board_metrics.size(), json::array());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const json summary = json::parse(entries[i].summary_json);
    const json& request = summary.at("request");
    const std::string changes = changes_text(request);
    // Numbered, so that two runs of one group with the same changes stay apart.
    const std::string label = std::to_string(i + 1) + ". " + entries[i].group + ": " +
                              request.at("scenario").get<std::string>() + (changes.empty() ? "" : ", " + changes);
    rows.push_back(
        {{"label", std::to_string(i + 1) + ". " + entries[i].group},
         {"cells", json::array({request.at("scenario").get<std::string>(), request.at("policy").get<std::string>(),
                                changes.empty() ? std::string("none") : changes, request.at("replicates").dump(),
                                request.at("seed").dump()})}});
    for (std::size_t m = 0; m < board_metrics.size(); ++m) {
      const json& difference = paired_difference(summary, board_metrics[m].name);
      const json mean = number_or_null(difference.at("mean"), board_metrics[m].scale);
      if (mean.is_null()) continue;
      forest_rows[m].push_back({{"label", label},
                                {"mean", mean},
                                {"low", number_or_null(difference.at("low"), board_metrics[m].scale)},
                                {"high", number_or_null(difference.at("high"), board_metrics[m].scale)}});
    }
  }
  for (std::size_t m = 0; m < board_metrics.size(); ++m) {
    if (forest_rows[m].empty()) continue;
    forests.push_back({{"title", board_metrics[m].title},
                       {"unit", board_metrics[m].unit},
                       {"rows", forest_rows[m]},
                       {"note",
                        "Each run's what-if minus its baseline over the same people and random streams, "
                        "mean and 95 % interval."}});
  }
  json data;
  data["title"] = "hsim workshop board, room " + code;
  data["subtitle"] = std::to_string(entries.size()) + (entries.size() == 1 ? " run" : " runs") +
                     "; each run's scenario, levers and seed are in the table, so any run can be repeated with "
                     "hsim whatif";
  data["table"] = {{"title", "Runs on the board"},
                   {"columns", json::array({"scenario", "policy", "changes", "replicates", "seed"})},
                   {"rows", rows}};
  data["forests"] = forests;
  return output::html_report_page(data["title"].get<std::string>(), data.dump());
}

}  // namespace hsim::server
