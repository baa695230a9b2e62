#include "sim/output/html_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "analysis/policy_experiment.hpp"
#include "sim/model/continuous_housing.hpp"
#include "sim/model/kaplan_meier.hpp"
#include "sim/model/records.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/csv_reader.hpp"
#include "sim/output/report_assets.hpp"

namespace hsim::output {

namespace {

using nlohmann::json;

constexpr double days_per_month = 365.25 / 12.0;

// The metrics of the report's table, in its order.
const std::vector<std::string> table_metrics{"entrants",
                                             "in_ordinary_housing_share",
                                             "still_in_first_flat_share",
                                             "ever_lost_housing_share",
                                             "evictions",
                                             "days_to_housing_mean",
                                             "stably_housed_days_share",
                                             "housed_none_final_6m_share",
                                             "homeless_point_in_time",
                                             "cost_per_person_year_nok",
                                             "cost_by_payer_municipality_nok",
                                             "cost_by_payer_state_nok",
                                             "cost_by_payer_health_trust_nok",
                                             "cost_by_payer_correctional_service_nok",
                                             "cost_by_payer_police_nok",
                                             "cost_per_extra_stable_day_nok",
                                             "cost_offset_share"};
const std::vector<std::string> share_differences{"in_ordinary_housing_share", "still_in_first_flat_share",
                                                 "ever_lost_housing_share", "stably_housed_days_share",
                                                 "housed_none_final_6m_share"};
const std::vector<std::string> cost_differences{
    "cost_per_person_year_nok",       "cost_by_payer_municipality_nok",         "cost_by_payer_state_nok",
    "cost_by_payer_health_trust_nok", "cost_by_payer_correctional_service_nok", "cost_by_payer_police_nok"};

// people.csv's end_reason as the model's end reason (ongoing for a name it does not know), so that the
// report applies the model's own rules for losses and stays.
model::EndReason end_reason_named(const std::string& reason) {
  const auto& names = model::end_reason_names;
  const auto at = std::find(names.begin(), names.end(), reason);
  return at == names.end() ? model::EndReason::ongoing : static_cast<model::EndReason>(at - names.begin());
}
// The q-quantile of values sorted in increasing order, interpolated between neighbours.
double quantile_of_sorted(const std::vector<double>& values, double q) {
  if (values.empty()) return std::nan("");
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, values.size() - 1);
  return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

json number_or_null(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

struct SummaryCell {
  std::string metric;
  std::string arm;
  double mean, low, high;
};

std::vector<SummaryCell> read_summary(const std::filesystem::path& folder) {
  std::vector<SummaryCell> cells;
  for_each_csv_row(folder / "summary.csv", [&](const CsvRow& row) {
    cells.push_back({row["metric"], row["policy"], row.number("mean"), row.number("ci_low"), row.number("ci_high")});
  });
  return cells;
}

json main_table(const std::vector<SummaryCell>& cells, const std::vector<std::string>& columns) {
  json rows = json::array();
  for (const auto& metric : table_metrics) {
    json line{{"label", metric_label(metric)}, {"cells", json::array()}};
    bool any = false;
    for (const auto& column : columns) {
      std::string text;
      for (const auto& cell : cells) {
        if (cell.metric == metric && cell.arm == column) {
          text = format_interval({cell.mean, cell.low, cell.high, 0}, metric);
          any = true;
        }
      }
      line["cells"].push_back(text);
    }
    if (any) rows.push_back(line);
  }
  return {{"columns", columns}, {"rows", rows}};
}

json forest(const std::vector<SummaryCell>& cells, const std::vector<std::string>& metrics,
            const std::vector<std::string>& differences, const std::string& title, const std::string& unit,
            double scale) {
  json rows = json::array();
  for (const auto& difference : differences) {
    for (const auto& metric : metrics) {
      for (const auto& cell : cells) {
        if (cell.metric != metric || cell.arm != difference || !std::isfinite(cell.mean)) continue;
        const std::string label = metric_label(metric) + (differences.size() > 1 ? " (" + difference + ")" : "");
        rows.push_back({{"label", label},
                        {"mean", cell.mean * scale},
                        {"low", number_or_null(cell.low * scale)},
                        {"high", number_or_null(cell.high * scale)}});
      }
    }
  }
  return {{"title", title},
          {"unit", unit},
          {"rows", rows},
          {"note", "Paired differences over the same people and random streams, mean and 95 % interval."}};
}

struct FanSeries {
  std::string column;
  std::string title;
  std::string unit;
  bool scale_to_city;  // multiply by the run's pool scale (city-pool counts)
};

// One chart per series, from one pass over timeseries.csv.
json fan_charts(const std::filesystem::path& folder, const std::vector<std::string>& arms,
                const std::vector<FanSeries>& fans) {
  // values[fan][arm][day] = one value per replicate
  std::vector<std::map<std::string, std::map<double, std::vector<double>>>> values(fans.size());
  for_each_csv_row(folder / "timeseries.csv", [&](const CsvRow& row) {
    const double day = row.number("day");
    if (day < 0.0) return;
    const std::string& policy = row["policy"];
    for (std::size_t f = 0; f < fans.size(); ++f) {
      const double value = row.number(fans[f].column) * (fans[f].scale_to_city ? row.number("pool_scale") : 1.0);
      values[f][policy][day].push_back(value);
    }
  });
  json charts = json::array();
  for (std::size_t f = 0; f < fans.size(); ++f) {
    json chart{{"title", fans[f].title}, {"unit", fans[f].unit}, {"arms", json::array()}};
    json months = json::array();
    bool first = true;
    for (const auto& arm : arms) {
      json series{{"label", arm}};
      for (const char* name : {"p05", "p25", "p50", "p75", "p95"}) series[name] = json::array();
      for (auto& [day, replicate_values] : values[f][arm]) {
        if (first) months.push_back(std::round(day / days_per_month * 10.0) / 10.0);
        std::sort(replicate_values.begin(), replicate_values.end());
        series["p05"].push_back(quantile_of_sorted(replicate_values, 0.05));
        series["p25"].push_back(quantile_of_sorted(replicate_values, 0.25));
        series["p50"].push_back(quantile_of_sorted(replicate_values, 0.5));
        series["p75"].push_back(quantile_of_sorted(replicate_values, 0.75));
        series["p95"].push_back(quantile_of_sorted(replicate_values, 0.95));
      }
      first = false;
      chart["arms"].push_back(series);
    }
    chart["months"] = months;
    chart["note"] = "Median over replicates with the 50 % and 90 % bands.";
    charts.push_back(chart);
  }
  return charts;
}

json first_stay_survival(const std::filesystem::path& folder, const std::vector<std::string>& arms) {
  // Each cohort member's tenancies, by policy, replicate and person.
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<model::SpellRecord>> tenancies;
  if (std::filesystem::exists(folder / "people.csv")) {
    const auto may_be_tenancy = [](std::string_view line) { return line.find("tenancy") != std::string_view::npos; };
    for_each_csv_row(
        folder / "people.csv",
        [&](const CsvRow& row) {
          if (row["spell_type"] != "tenancy" || row["cohort"] != "1") return;
          model::SpellRecord tenancy;
          tenancy.type = model::SpellType::tenancy;
          tenancy.start_day = row.number("start_day");
          tenancy.end_day = row.number("end_day");
          tenancy.end_reason = end_reason_named(row["end_reason"]);
          tenancy.flat_number = static_cast<std::uint16_t>(row.number("flat_number"));
          tenancies[{row["policy"], row["replicate"], row["person"]}].push_back(tenancy);
        },
        may_be_tenancy);
  }
  std::map<std::string, std::vector<std::pair<double, bool>>> observations;
  double longest = 0.0;
  for (const auto& [key, person_tenancies] : tenancies) {
    const auto first = std::find_if(person_tenancies.begin(), person_tenancies.end(),
                                    [](const model::SpellRecord& t) { return t.flat_number == 1; });
    if (first == person_tenancies.end()) continue;
    const model::SpellRecord& last = model::last_tenancy_of_stay(person_tenancies, *first);
    const double months = (last.end_day - first->start_day) / days_per_month;
    if (!(months >= 0.0)) continue;
    observations[std::get<0>(key)].emplace_back(months, model::is_housing_loss(last.end_reason));
    longest = std::max(longest, months);
  }
  json chart{{"arms", json::array()},
             {"note",
              "Share of the cohort still in the housing they first moved into, or in a flat they moved straight "
              "on to, by months since moving in; a stay ends when a flat is lost (evicted, moved out or lapsed). "
              "Stays still running at the status date, or ended by death or moving away, are censored."}};
  std::vector<double> horizons;
  for (double month = 0.0; month <= longest; month += 1.0) horizons.push_back(month);
  for (const auto& arm : arms) {
    if (observations[arm].empty()) continue;
    const auto survival = model::kaplan_meier(observations[arm], horizons);
    json series{{"label", arm}, {"months", json::array()}, {"survival", json::array()}};
    for (std::size_t i = 0; i < horizons.size(); ++i) {
      if (!std::isfinite(survival[i])) break;
      series["months"].push_back(horizons[i]);
      series["survival"].push_back(survival[i]);
    }
    chart["arms"].push_back(series);
  }
  return chart["arms"].empty() ? json(nullptr) : chart;
}

json costs_by_payer_and_year(const std::filesystem::path& folder, const std::vector<std::string>& arms) {
  std::map<std::string, std::map<std::string, std::map<int, double>>> amounts;  // arm, payer, year
  std::map<std::string, std::set<std::string>> replicates;
  std::set<int> years;
  std::vector<std::string> payers;
  for_each_csv_row(
      folder / "costs.csv",
      [&](const CsvRow& row) {
        if (row["group"] != "cohort") return;
        const int year = static_cast<int>(row.number("year"));
        const std::string& payer = row["payer"];
        if (std::find(payers.begin(), payers.end(), payer) == payers.end()) payers.push_back(payer);
        amounts[row["policy"]][payer][year] += row.number("amount_nok");
        replicates[row["policy"]].insert(row["replicate"]);
        years.insert(year);
      },
      [](std::string_view line) { return line.find("cohort") != std::string_view::npos; });
  json chart{{"years", json::array()},
             {"arms", json::array()},
             {"note", "Undiscounted NOK at the scenario's price year, the cohort's use of every service."}};
  for (int year : years) chart["years"].push_back(year);
  for (const auto& arm : arms) {
    const double count = static_cast<double>(std::max<std::size_t>(1, replicates[arm].size()));
    json series{{"label", arm}, {"payers", json::array()}};
    for (const auto& payer : payers) {
      json by_year = json::array();
      for (int year : years) by_year.push_back(amounts[arm][payer][year] / count);
      series["payers"].push_back({{"payer", payer}, {"amounts", by_year}});
    }
    chart["arms"].push_back(series);
  }
  return chart;
}

json acceptability(const std::filesystem::path& folder) {
  if (!std::filesystem::exists(folder / "ceac.csv")) return nullptr;
  std::map<std::string, json> curves;
  for_each_csv_row(folder / "ceac.csv", [&](const CsvRow& row) {
    curves[row["policy"]].push_back(
        {{"x", row.number("wtp_nok_per_stable_day")}, {"y", row.number("probability_cost_effective")}});
  });
  json chart{{"rows", json::array()},
             {"note", "Share of paired replicates in which the arm is cost-effective at each willingness to pay."}};
  for (const auto& [label, points] : curves) chart["rows"].push_back({{"label", label}, {"points", points}});
  return chart;
}

// JSON inside a <script> element must not close it.
std::string script_safe(std::string text) {
  std::string::size_type at = 0;
  while ((at = text.find("</", at)) != std::string::npos) {
    text.replace(at, 2, "<\\/");
    at += 3;
  }
  return text;
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string html_report_page(const std::string& title, const std::string& data_json) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     html_escape(title) + "</title>\n<style>\n" + report_style() + "\n</style>\n<script>\n" +
                     script_safe(report_chart_library()) + "\n</script>\n<script>\n" + script_safe(report_script()) +
                     "\n</script>\n</head>\n<body>\n<h1 id=\"title\"></h1>\n<p id=\"subtitle\"></p>\n"
                     "<div id=\"figures\"></div>\n<script type=\"application/json\" id=\"hsim-data\">" +
                     script_safe(data_json) + "</script>\n</body>\n</html>\n";
  return page;
}

void write_fit_report(const std::filesystem::path& fit_csv, const std::filesystem::path& file, const std::string& title,
                      const std::string& verdict) {
  json rows = json::array();
  json table_rows = json::array();
  const auto text = [](double value) {
    if (!std::isfinite(value)) return std::string();
    std::ostringstream out;
    out << std::setprecision(3) << value;
    return out.str();
  };
  for_each_csv_row(fit_csv, [&](const CsvRow& row) {
    const std::string label = row["city"] + " " + row["target"];
    const bool modelled = row["not_modelled"].empty();
    const double observed = row.number("observed");
    table_rows.push_back(
        {{"label", label},
         {"cells", json::array({text(observed), text(row.number("ci95_low")) + "-" + text(row.number("ci95_high")),
                                modelled ? text(row.number("sim_mean")) : "not modelled",
                                modelled ? text(row.number("sim_p05")) + "-" + text(row.number("sim_p95")) : "",
                                modelled ? text(row.number("residual")) : "", modelled ? row["inside_95"] : ""})}});
    if (!modelled || !(observed >= 0.0 && observed <= 1.0) || !(row.number("ci95_high") <= 1.0)) return;
    rows.push_back({{"label", label},
                    {"observed", observed},
                    {"low", row.number("ci95_low")},
                    {"high", row.number("ci95_high")},
                    {"sim", row.number("sim_mean")},
                    {"sim_low", row.number("sim_p05")},
                    {"sim_high", row.number("sim_p95")}});
  });
  json data;
  data["title"] = "hsim fit";
  data["subtitle"] = title + "\n" + verdict;
  data["table"] = {{"title", "Every target"},
                   {"columns", json::array({"observed", "95 % interval", "simulated mean", "simulated 90 %", "residual",
                                            "inside 95 %"})},
                   {"rows", table_rows}};
  data["fit"] = {{"title", "Share targets: observation against simulation"},
                 {"rows", rows},
                 {"note",
                  "Blue: the observed share and its 95 % interval (Clopper-Pearson); red: the simulated mean "
                  "and the middle 90 % of replicates. Counts and durations are in the table."}};
  std::ofstream out(file);
  out << html_report_page("hsim fit", data.dump());
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

void write_sensitivity_report(const std::filesystem::path& folder, const std::filesystem::path& file) {
  struct Bar {
    double estimate, low, high;
  };
  // (method, policy, metric) -> index -> parameter -> bar, in file order
  std::map<std::string, std::map<std::string, std::vector<std::pair<std::string, Bar>>>> charts;
  std::vector<std::string> order;
  std::string method;
  for_each_csv_row(folder / "indices.csv", [&](const CsvRow& row) {
    method = row["method"];
    const std::string& index = row["index"];
    if (index == "S2" || index == "mu") return;  // second order and signed mu stay in the table file
    const std::string key = row["policy"] + ": " + row["metric"];
    if (charts.find(key) == charts.end()) order.push_back(key);
    charts[key][index].push_back(
        {row["parameter"], {row.number("estimate"), row.number("ci_low"), row.number("ci_high")}});
  });
  json sensitivity = json::array();
  for (const auto& key : order) {
    json chart{{"title", key}, {"series", json::array()}};
    for (const auto& [index, bars] : charts[key]) {
      json series{
          {"index", index}, {"parameters", json::array()}, {"estimates", json::array()}, {"intervals", json::array()}};
      for (const auto& [parameter, bar] : bars) {
        series["parameters"].push_back(parameter);
        series["estimates"].push_back(number_or_null(bar.estimate));
        series["intervals"].push_back(
            std::isfinite(bar.low) && std::isfinite(bar.high) ? json::array({bar.low, bar.high}) : json(nullptr));
      }
      chart["series"].push_back(series);
    }
    sensitivity.push_back(chart);
  }
  std::ifstream manifest_in(folder / "manifest.json");
  const json manifest = manifest_in ? json::parse(manifest_in, nullptr, false) : json::object();
  json data;
  data["title"] = "hsim sensitivity (" + method + "): " + folder.filename().string();
  data["subtitle"] = manifest.is_object() ? manifest.value("command_line", std::string()) : std::string();
  data["sensitivity"] = {
      {"charts", sensitivity},
      {"note", method == "morris" ? "Morris: mu* (mean absolute elementary effect) and sigma per parameter, with "
                                    "95 % bootstrap intervals where computed."
                                  : "Sobol': first-order (S1) and total (ST) indices per parameter, with 95 % "
                                    "bootstrap intervals where computed."}};
  std::ofstream out(file);
  out << html_report_page(data["title"].get<std::string>(), data.dump());
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

std::string report_data_json(const std::filesystem::path& folder) {
  std::ifstream manifest_in(folder / "manifest.json");
  if (!manifest_in) throw std::runtime_error("cannot read " + (folder / "manifest.json").string());
  const json manifest = json::parse(manifest_in);
  std::vector<std::string> arms = manifest.at("policies").get<std::vector<std::string>>();
  std::vector<std::string> differences;
  for (std::size_t i = 1; i < arms.size(); ++i) differences.push_back(analysis::difference_label(arms[i], arms[0]));
  std::vector<std::string> columns = arms;
  columns.insert(columns.end(), differences.begin(), differences.end());

  const auto cells = read_summary(folder);
  std::string name = manifest.value("scenario_files", std::vector<std::string>{}).empty()
                         ? folder.filename().string()
                         : std::filesystem::path(manifest["scenario_files"][0].get<std::string>()).stem().string();
  json data;
  data["title"] = "hsim: " + name;
  data["subtitle"] = std::to_string(manifest.value("replicates", 0)) + " paired replicates, seed " +
                     std::to_string(manifest.value("seed", 0)) + "\n" + manifest.value("command_line", std::string());
  data["table"] = main_table(cells, columns);
  data["fans"] = fan_charts(
      folder, arms,
      {{"cohort_in_ordinary_housing", "Cohort in ordinary housing over time", "people", false},
       {"homeless_point_in_time", "Homeless in the city over time (simulated count x pool scale)", "people", true}});
  const json survival = first_stay_survival(folder, arms);
  if (!survival.is_null()) data["survival"] = survival;
  if (!differences.empty()) {
    data["forests"] = json::array(
        {forest(cells, share_differences, differences, "Paired differences: housing", "percentage points", 100.0),
         forest(cells, cost_differences, differences, "Paired differences: cost by payer", "NOK", 1.0)});
  }
  data["costs"] = costs_by_payer_and_year(folder, arms);
  const json curves = acceptability(folder);
  if (!curves.is_null()) data["acceptability"] = curves;
  return data.dump();
}

void write_html_report(const std::filesystem::path& folder, const std::filesystem::path& file) {
  const std::string data = report_data_json(folder);
  std::ofstream out(file);
  out << html_report_page(json::parse(data).at("title").get<std::string>(), data);
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

}  // namespace hsim::output
