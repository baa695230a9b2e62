#include "sim/scenario/cross_field_rules.hpp"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <map>

#include "sim/model/run.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::scenario {
namespace {

class RuleContext {
 public:
  RuleContext(const std::vector<ResolvedValue>& values, const std::set<std::string>& failed, Diagnostics& diagnostics)
      : failed_(failed), diagnostics_(diagnostics) {
    for (const auto& value : values) by_path_.emplace(value.path, &value);
  }

  bool usable(std::initializer_list<std::string> paths) const {
    for (const auto& path : paths) {
      if (failed_.count(path) != 0) return false;
    }
    return true;
  }

  const ResolvedValue* find(const std::string& path) const {
    const auto it = by_path_.find(path);
    return it == by_path_.end() ? nullptr : it->second;
  }

  Origin origin_of(const std::string& path) const {
    const ResolvedValue* value = find(path);
    return value == nullptr ? Origin{"default", 0, 0} : value->origin;
  }

  Origin origin_of_part(const std::string& path, const std::string& part) const {
    const ResolvedValue* value = find(path);
    if (value == nullptr) return Origin{"default", 0, 0};
    const auto it = value->part_origins.find(part);
    return it == value->part_origins.end() ? value->origin : it->second;
  }

  // The position of the group member most likely to be at fault: the last one written in a file or
  // override, else the first member's (default) origin.
  Origin origin_of_group(const std::vector<std::string>& paths) const {
    Origin chosen = origin_of(paths.front());
    for (const auto& path : paths) {
      const ResolvedValue* value = find(path);
      if (value != nullptr && value->origin_kind != ValueOrigin::default_value) chosen = value->origin;
    }
    return chosen;
  }

  // Where the value of `path` was set, for naming the other side of a rule: "set at file:7:3",
  // "set by --set ...", or "the default".
  std::string where_set(const std::string& path) const {
    const ResolvedValue* value = find(path);
    if (value == nullptr || value->origin_kind == ValueOrigin::default_value) return "the default";
    return "set at " + describe(value->origin);
  }

  void error(const Origin& origin, const std::string& path, const std::string& found, const std::string& expected) {
    diagnostics_.add_found_expected(origin, path, found, expected);
  }

 private:
  std::map<std::string, const ResolvedValue*> by_path_;
  const std::set<std::string>& failed_;
  Diagnostics& diagnostics_;
};

template <class Entries>
void check_years_inside_window(RuleContext& context, const std::string& path, const Entries& entries,
                               const model::WindowParameters& window) {
  if (!context.usable({path, "window.start_date", "window.status_date"})) return;
  const int first = window.start_date.year;
  const int last = window.status_date.year;
  for (const auto& [year, entry] : entries) {
    if (year >= first && year <= last) continue;
    context.error(context.origin_of_part(path, std::to_string(year)), path + "." + std::to_string(year),
                  "the year " + std::to_string(year) + ", outside the window " +
                      model::to_iso_string(window.start_date) + " to " + model::to_iso_string(window.status_date),
                  "a year from " + std::to_string(first) + " to " + std::to_string(last));
  }
}

void check_shares_sum_to_one(RuleContext& context, const std::string& group, std::initializer_list<std::string> names,
                             std::initializer_list<double> shares) {
  std::vector<std::string> paths;
  for (const auto& name : names) {
    paths.push_back(group + "." + name);
    if (!context.usable({paths.back()})) return;
  }
  double sum = 0.0;
  for (const double share : shares) sum += share;
  if (std::abs(sum - 1.0) <= share_sum_tolerance) return;
  char sum_text[32];
  std::snprintf(sum_text, sizeof sum_text, "%.12g", sum);
  context.error(context.origin_of_group(paths), group, std::string("shares summing to ") + sum_text,
                "shares summing to 1 (within 1e-9)");
}

// True when the window itself is usable by the rules that depend on it.
bool check_window(RuleContext& context, const model::WindowParameters& window) {
  if (!context.usable({"window.start_date", "window.status_date"})) return false;
  const auto days = model::days_between(window.start_date, window.status_date);
  if (days <= 0) {
    context.error(context.origin_of("window.status_date"), "window.status_date",
                  model::to_iso_string(window.status_date) + ", not after window.start_date " +
                      model::to_iso_string(window.start_date) + " (" + context.where_set("window.start_date") + ")",
                  "a status date after the start date");
    return false;
  }
  const auto limit_days =
      model::days_between(model::CivilDate{2000, 1, 1}, model::CivilDate{2000 + limits::max_horizon_years, 1, 1});
  if (days > limit_days) {
    context.error(context.origin_of("window.status_date"), "window.status_date",
                  "a window of " + std::to_string(days) + " days",
                  "at most " + std::to_string(limits::max_horizon_years) + " years from window.start_date");
    return false;
  }
  return true;
}

void check_people_bound(RuleContext& context, const model::CityParameters& parameters) {
  if (!context.usable({"population.intake_by_year", "city.initial_homeless_count", "city.homelessness_inflow_per_year",
                       "window.start_date", "window.status_date", "window.burn_in_days"})) {
    return;
  }
  const auto [initial, inflow, intake] = model::people_over_run(parameters);
  const double total = initial + inflow + intake;
  if (total <= static_cast<double>(limits::max_people)) return;
  std::string culprit = "population.intake_by_year";
  if (inflow >= intake && inflow >= initial) culprit = "city.homelessness_inflow_per_year";
  if (initial > intake && initial > inflow) culprit = "city.initial_homeless_count";
  context.error(context.origin_of(culprit), culprit,
                "about " + number_text(std::round(total)) + " simulated people over the run",
                "at most " + std::to_string(limits::max_people));
}

void check_districts(RuleContext& context, const model::CityParameters& parameters) {
  const std::string districts_path = "neighbourhoods.districts";
  if (!context.usable({districts_path})) return;
  const auto& districts = parameters.neighbourhoods.districts;
  if (districts.empty()) {
    context.error(context.origin_of(districts_path), districts_path, "an empty list", "at least one district");
    return;
  }
  std::map<std::string, std::size_t> index;
  bool any_covered = false;
  for (std::size_t i = 0; i < districts.size(); ++i) {
    any_covered = any_covered || districts[i].covered_by_programme;
    const auto [it, inserted] = index.emplace(districts[i].name, i);
    if (!inserted) {
      context.error(
          context.origin_of_part(districts_path, std::to_string(i) + ".name"),
          districts_path + "." + std::to_string(i) + ".name",
          "the district name \"" + districts[i].name + "\" again (first in entry " + std::to_string(it->second) + ")",
          "unique district names");
    }
  }
  if (context.usable({"policy.name"}) && parameters.policy.name != model::PolicyName::staircase && !any_covered) {
    context.error(context.origin_of(districts_path), districts_path, "no district with covered_by_programme: true",
                  "at least one district the programme places people in (policy " +
                      std::string(model::to_string(parameters.policy.name)) + ")");
  }
  const std::string links_path = "neighbourhoods.adjacency";
  if (!context.usable({links_path})) return;
  const auto& links = parameters.neighbourhoods.adjacency;
  for (std::size_t i = 0; i < links.size(); ++i) {
    for (const auto& [field, name] :
         {std::pair<std::string, std::string>{"from", links[i].from}, {"to", links[i].to}}) {
      if (index.count(name) != 0) continue;
      const std::string part = std::to_string(i) + "." + field;
      context.error(context.origin_of_part(links_path, part), links_path + "." + part,
                    "the district name \"" + name + "\"", "the name of a district in neighbourhoods.districts");
    }
    if (links[i].from == links[i].to) {
      context.error(context.origin_of_part(links_path, std::to_string(i)), links_path + "." + std::to_string(i),
                    "a link from \"" + links[i].from + "\" to itself", "a link between two different districts");
    }
  }
}

void check_at_most(RuleContext& context, const std::string& path, double value, const std::string& limit_path,
                   double limit, const std::string& what) {
  if (!context.usable({path, limit_path})) return;
  if (value <= limit) return;
  context.error(context.origin_of(path), path, number_text(value) + " " + what,
                "at most " + limit_path + " (" + number_text(limit) + ", " + context.where_set(limit_path) + ")");
}

void check_sum_at_most_one(RuleContext& context, const std::string& a_path, double a, const std::string& b_path,
                           double b) {
  if (!context.usable({a_path, b_path})) return;
  if (a + b <= 1.0 + share_sum_tolerance) return;
  context.error(
      context.origin_of_group({a_path, b_path}), b_path,
      number_text(a) + " + " + number_text(b) + " = " + number_text(a + b),
      a_path + " (" + context.where_set(a_path) + ") + " + b_path + " at most 1 (together they are one chance)");
}

}  // namespace

void check_cross_field_rules(const model::CityParameters& parameters, const std::vector<ResolvedValue>& values,
                             const std::set<std::string>& failed, Diagnostics& diagnostics) {
  RuleContext context(values, failed, diagnostics);
  const auto& p = parameters;

  const bool window_ok = check_window(context, p.window);
  if (window_ok) {
    check_years_inside_window(context, "population.intake_by_year", p.population.intake_by_year, p.window);
    check_years_inside_window(context, "teams.housing_first.fte_by_year", p.teams.housing_first.fte_by_year, p.window);
    const auto& hf = p.teams.housing_first;
    check_years_inside_window(context, "teams.housing_first.caseload_per_fte_by_year", hf.caseload_per_fte_by_year,
                              p.window);
    check_years_inside_window(context, "teams.housing_first.janitor_by_year", hf.janitor_by_year, p.window);
    check_years_inside_window(context, "teams.housing_first.extended_hours_by_year", hf.extended_hours_by_year,
                              p.window);
    check_years_inside_window(context, "city.homelessness_inflow_by_year", p.city.homelessness_inflow_by_year,
                              p.window);
  }

  const auto& route = p.population.entry_route;
  check_shares_sum_to_one(context, "population.entry_route",
                          {"street_or_friends_share", "temporary_accommodation_share", "treatment_discharge_share",
                           "prison_release_share", "risk_of_eviction_share"},
                          {route.street_or_friends_share, route.temporary_accommodation_share,
                           route.treatment_discharge_share, route.prison_release_share, route.risk_of_eviction_share});
  const auto level_group = [&](const std::string& group, const model::LevelShares& shares) {
    check_shares_sum_to_one(context, group, {"low_share", "medium_share", "high_share"},
                            {shares.low_share, shares.medium_share, shares.high_share});
  };
  level_group("population.substance_use_level", p.population.substance_use_level);
  level_group("population.mental_health_level", p.population.mental_health_level);
  level_group("city.substance_use_level", p.city.substance_use_level);
  level_group("city.mental_health_level", p.city.mental_health_level);

  check_at_most(context, "housing.municipal_flats_reserved_for_programme_per_year",
                p.housing.municipal_flats_reserved_for_programme_per_year, "housing.municipal_vacancies_per_year",
                p.housing.municipal_vacancies_per_year, "flats reserved per year");
  check_at_most(context, "population.age.min_years", p.population.age.min_years, "population.age.mean_years",
                p.population.age.mean_years, "years");
  check_at_most(context, "population.age.mean_years", p.population.age.mean_years, "population.age.max_years",
                p.population.age.max_years, "years");
  check_sum_at_most_one(context, "teams.housing_first.eviction_prevention_base_share",
                        p.teams.housing_first.eviction_prevention_base_share,
                        "teams.housing_first.eviction_prevention_capacity_share",
                        p.teams.housing_first.eviction_prevention_capacity_share);
  check_sum_at_most_one(
      context, "behaviour.landlords.base_willingness_share", p.behaviour.landlords.base_willingness_share,
      "behaviour.landlords.reputation_willingness_gain_share", p.behaviour.landlords.reputation_willingness_gain_share);

  check_districts(context, p);
  if (window_ok) check_people_bound(context, p);
}

}  // namespace hsim::scenario
