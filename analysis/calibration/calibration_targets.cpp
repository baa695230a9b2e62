#include "analysis/calibration/calibration_targets.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "analysis/calibration/target_statistics.hpp"

namespace hsim::analysis::calibration {

namespace {

class TargetFileReader {
 public:
  explicit TargetFileReader(std::filesystem::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& expected) const {
    std::ostringstream message;
    message << file_.string();
    if (node.IsDefined() && node.Mark().line >= 0) message << ':' << node.Mark().line + 1;
    message << ": key '" << key << "': expected " << expected;
    throw std::invalid_argument(message.str());
  }

  std::string text(const YAML::Node& parent, const std::string& key, const std::string& path, bool required) const {
    const YAML::Node node = parent[key];
    if (!node) {
      if (required) fail(parent, path + key, "a text value (missing)");
      return {};
    }
    if (!node.IsScalar()) fail(node, path + key, "a text value");
    return node.as<std::string>();
  }

  double number(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, key, "a number");
    try {
      return node.as<double>();
    } catch (const YAML::Exception&) {
      fail(node, key, "a number, got '" + node.Scalar() + "'");
    }
  }

  CalibrationTarget target(const YAML::Node& node, const std::string& city, const std::string& path) const {
    if (!node.IsMap()) fail(node, path, "a mapping with name, statistic, observed and source");
    CalibrationTarget target;
    target.city = city;
    target.name = text(node, "name", path, true);
    const std::string here = path + target.name + ".";
    target.definition = text(node, "definition", here, false);
    target.source = text(node, "source", here, true);
    target.not_modelled = text(node, "not_modelled", here, false);
    target.statistic = text(node, "statistic", here, target.not_modelled.empty());
    if (!target.statistic.empty()) {
      const auto names = target_statistic_names();
      if (std::find(names.begin(), names.end(), target.statistic) == names.end()) {
        std::string list;
        for (const auto& name : names) list += (list.empty() ? "" : ", ") + std::string(name);
        fail(node["statistic"], here + "statistic", "one of " + list + "; got '" + target.statistic + "'");
      }
    }
    const YAML::Node observed = node["observed"];
    if (!observed && !target.not_modelled.empty()) {
      target.kind = ObservationKind::none;
      return target;
    }
    if (!observed || !observed.IsMap())
      fail(node, here + "observed", "a mapping: {count, n}, {share, n}, {count} or {low, high}");
    if (observed["low"] || observed["high"]) {
      if (!observed["low"] || !observed["high"]) fail(observed, here + "observed", "both low and high");
      target.kind = ObservationKind::range;
      target.low = number(observed["low"], here + "observed.low");
      target.high = number(observed["high"], here + "observed.high");
      if (!(target.low <= target.high)) fail(observed, here + "observed", "low <= high");
    } else if (observed["n"]) {
      target.kind = ObservationKind::share;
      target.n = number(observed["n"], here + "observed.n");
      if (!(target.n > 0.0)) fail(observed["n"], here + "observed.n", "a positive denominator");
      if (observed["count"]) {
        target.count = number(observed["count"], here + "observed.count");
      } else if (observed["share"]) {
        target.count = number(observed["share"], here + "observed.share") * target.n;
      } else {
        fail(observed, here + "observed", "count or share beside n");
      }
      if (target.count < 0.0 || target.count > target.n) fail(observed, here + "observed", "0 <= count <= n");
    } else if (observed["count"]) {
      target.kind = ObservationKind::count;
      target.count = number(observed["count"], here + "observed.count");
      if (target.count < 0.0) fail(observed["count"], here + "observed.count", "a count >= 0");
    } else {
      fail(observed, here + "observed", "{count, n}, {share, n}, {count} or {low, high}");
    }
    if (!target.statistic.empty() && target.not_modelled.empty()) {
      const bool share_statistic = statistic_is_share(target.statistic);
      // A printed range is only compared inside or outside, so it fits a share or a value alike.
      if (target.kind != ObservationKind::range && share_statistic != (target.kind == ObservationKind::share)) {
        fail(node["statistic"], here + "statistic",
             share_statistic ? "an observation with n for a share statistic"
                             : "an observation without n for a count or value statistic");
      }
    }
    if (const YAML::Node policy = node["policy"]) {
      const auto parsed = model::parse_spelling(text(node, "policy", here, true), model::policy_name_spellings);
      if (!parsed) fail(policy, here + "policy", "staircase, usual_services, housing_first or mixed");
      target.policy = *parsed;
    }
    if (const YAML::Node filter = node["filter"]) {
      if (!filter.IsMap()) fail(filter, here + "filter", "a mapping");
      for (const auto& item : filter) {
        const std::string key = item.first.as<std::string>();
        const std::string key_path = here + "filter." + key;
        if (key == "entry_day_from") {
          target.filter.entry_day_from = number(item.second, key_path);
        } else if (key == "entry_day_to") {
          target.filter.entry_day_to = number(item.second, key_path);
        } else if (key == "days") {
          target.filter.days = number(item.second, key_path);
        } else if (key == "tenure") {
          const auto tenure = model::parse_spelling(item.second.as<std::string>(), model::tenure_spellings);
          if (!tenure) fail(item.second, key_path, "private_rental or municipal");
          target.filter.tenure = *tenure;
        } else if (key == "entry_routes") {
          if (!item.second.IsSequence()) fail(item.second, key_path, "a list of entry routes");
          for (const auto& route_node : item.second) {
            const std::string route = route_node.as<std::string>();
            const auto found = std::find(model::entry_route_names.begin(), model::entry_route_names.end(), route);
            if (found == model::entry_route_names.end())
              fail(route_node, key_path, "an entry route, got '" + route + "'");
            target.filter.entry_routes.push_back(
                static_cast<model::EntryRoute>(std::distance(model::entry_route_names.begin(), found)));
          }
        } else {
          fail(item.first, key_path, "one of entry_day_from, entry_day_to, entry_routes, tenure, days");
        }
      }
    }
    return target;
  }

 private:
  std::filesystem::path file_;
};

}  // namespace

const CityTargets* TargetSet::find(const std::string& city) const {
  for (const auto& entry : cities) {
    if (entry.city == city) return &entry;
  }
  return nullptr;
}

std::vector<std::string> TargetSet::city_names() const {
  std::vector<std::string> names;
  for (const auto& entry : cities) names.push_back(entry.city);
  return names;
}

std::vector<std::string> TargetSet::select_cities(const std::vector<std::string>& requested) const {
  for (const auto& city : requested) {
    if (find(city) != nullptr) continue;
    std::string known;
    for (const auto& name : city_names()) known += " " + name;
    throw std::invalid_argument(file.string() + ": no city '" + city + "'; expected one of:" + known);
  }
  return requested.empty() ? city_names() : requested;
}

TargetSet load_target_set(const std::filesystem::path& file) {
  TargetFileReader reader(file);
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw std::invalid_argument(file.string() + ": cannot read the targets file");
  } catch (const YAML::Exception& error) {
    throw std::invalid_argument(file.string() + ":" + std::to_string(error.mark.line + 1) + ": " + error.msg);
  }
  if (!root.IsMap()) reader.fail(root, "(top level)", "a mapping with schema_version and cities");
  if (!root["schema_version"] || root["schema_version"].as<std::string>() != "1") {
    reader.fail(root["schema_version"], "schema_version", "1");
  }
  const YAML::Node cities = root["cities"];
  if (!cities || !cities.IsMap()) reader.fail(root, "cities", "a mapping from city name to its scenario and targets");
  TargetSet set;
  set.file = file;
  if (const YAML::Node fitted = root["fitted_parameters"]) {
    const double value = reader.number(fitted, "fitted_parameters");
    if (value < 0 || value > 1000 || value != std::floor(value)) {
      reader.fail(fitted, "fitted_parameters", "a whole number from 0 to 1000, got '" + fitted.Scalar() + "'");
    }
    set.fitted_parameters = static_cast<int>(value);
  }
  for (const auto& item : cities) {
    CityTargets city;
    city.city = item.first.as<std::string>();
    const std::string path = "cities." + city.city + ".";
    const std::string scenario = reader.text(item.second, "scenario", path, true);
    city.scenario = file.parent_path() / scenario;
    const YAML::Node targets = item.second["targets"];
    if (!targets || !targets.IsSequence()) reader.fail(item.second, path + "targets", "a list of targets");
    for (const auto& node : targets) city.targets.push_back(reader.target(node, city.city, path + "targets."));
    set.cities.push_back(std::move(city));
  }
  return set;
}

}  // namespace hsim::analysis::calibration
