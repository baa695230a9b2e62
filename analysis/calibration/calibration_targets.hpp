#pragma once

// Calibration targets as data: what a city's programme reported, with its denominator, source line and
// the statistic of a simulated replicate that corresponds to it (scenarios/calibration/targets.yaml).

#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"

namespace hsim::analysis::calibration {

// How the observation is compared with the model.
enum class ObservationKind {
  share,  // `count` of `n` people (or leases): binomial
  count,  // a count without a denominator: Poisson
  range,  // a printed range of a quantity (e.g. weeks to housing): inside or outside only
  none,   // not modelled and no number printed
};

// Which people (or leases) a statistic is computed over, beyond "entrants".
struct TargetFilter {
  std::optional<double> entry_day_from;         // entry_day >= this (days since window.start_date)
  std::optional<double> entry_day_to;           // entry_day < this
  std::vector<model::EntryRoute> entry_routes;  // empty: every route
  std::optional<model::Tenure> tenure;          // lease statistics only
  double days = 0.0;                            // threshold or horizon of the statistics that take filter.days
};

struct CalibrationTarget {
  std::string city;
  std::string name;
  std::string statistic;  // a name from target_statistic_names(); empty when not modelled
  std::string definition;
  std::string source;
  ObservationKind kind = ObservationKind::share;
  double count = 0.0;  // share: successes (may be fractional when only a percentage is printed); count: the count
  double n = 0.0;      // share only
  double low = 0.0;    // range only
  double high = 0.0;
  std::optional<model::PolicyName> policy;  // default: the scenario's policy.name
  TargetFilter filter;
  std::string not_modelled;  // the reason, when the model cannot compute it

  [[nodiscard]] bool modelled() const { return not_modelled.empty(); }
  [[nodiscard]] double observed_value() const {
    if (kind == ObservationKind::share) return count / n;
    if (kind == ObservationKind::count) return count;
    if (kind == ObservationKind::range) return 0.5 * (low + high);
    return std::numeric_limits<double>::quiet_NaN();
  }
};

struct CityTargets {
  std::string city;
  std::filesystem::path scenario;  // resolved against the targets file's folder
  std::vector<CalibrationTarget> targets;
};

struct TargetSet {
  std::filesystem::path file;
  std::vector<CityTargets> cities;
  // Behaviour parameters calibrated to all these targets (top-level `fitted_parameters`): the fit of the
  // committed scenarios on every city loses this many degrees of freedom.
  int fitted_parameters = 0;

  [[nodiscard]] const CityTargets* find(const std::string& city) const;
  [[nodiscard]] std::vector<std::string> city_names() const;
  // The requested cities, or every city when none is requested. Throws std::invalid_argument naming the
  // file, the unknown city and the known ones.
  [[nodiscard]] std::vector<std::string> select_cities(const std::vector<std::string>& requested) const;
};

// Reads and checks a targets file. Throws std::invalid_argument naming file, line, key and what was
// expected.
[[nodiscard]] TargetSet load_target_set(const std::filesystem::path& file);

}  // namespace hsim::analysis::calibration
