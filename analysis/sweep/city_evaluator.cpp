#include "analysis/sweep/city_evaluator.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "sim/model/metrics.hpp"
#include "sim/model/run.hpp"
#include "sim/scenario/cross_field_rules.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/model_checks.hpp"
#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/raw_node.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/value_conversion.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::analysis::sweep {
namespace {

namespace fs = std::filesystem;
using scenario::Diagnostics;
using scenario::KeySpec;
using scenario::Origin;
using scenario::ValueKind;

// Above this many parameters the 2^k corners are not all checked before the run.
constexpr std::size_t max_corner_check_parameters = 14;

bool holds_a_number(const KeySpec& spec) {
  return spec.kind == ValueKind::integer || spec.kind == ValueKind::real;
}

std::vector<std::string> numeric_key_paths() {
  std::vector<std::string> paths;
  for (const auto& spec : scenario::scenario_keys().keys()) {
    if (holds_a_number(spec)) paths.push_back(spec.path);
  }
  return paths;
}

std::optional<model::PolicyName> policy_by_name(const std::string& name) {
  for (const auto& [policy, spelling] : model::policy_name_spellings) {
    if (spelling == name) return policy;
  }
  return std::nullopt;
}

fs::path base_scenario_path(const SweepSpec& spec) {
  const fs::path base(spec.base_scenario);
  if (base.is_absolute() || spec.file.empty()) return base;
  return spec.file.parent_path() / base;
}

std::optional<scenario::Scenario> load_base(const SweepSpec& spec, Diagnostics& diagnostics) {
  const fs::path file = base_scenario_path(spec);
  std::error_code error;
  if (!fs::is_regular_file(file, error)) {
    diagnostics.add_found_expected(spec.base_scenario_origin, "base_scenario",
                                   "'" + spec.base_scenario + "' (no file " + file.string() + ")",
                                   "a city scenario file, its path relative to the spec's folder");
    return std::nullopt;
  }
  scenario::LoadResult loaded = scenario::load_scenario(file, {});
  if (!loaded.ok()) {
    diagnostics.append(loaded.diagnostics);
    diagnostics.add_found_expected(spec.base_scenario_origin, "base_scenario",
                                   "'" + spec.base_scenario + "' with " + std::to_string(loaded.diagnostics.size()) +
                                       (loaded.diagnostics.size() == 1 ? " error" : " errors") + " in its files",
                                   "a valid city scenario");
    return std::nullopt;
  }
  if (loaded.scenario->fragment()) {
    diagnostics.add_found_expected(spec.base_scenario_origin, "base_scenario",
                                   "'" + spec.base_scenario + "', a fragment (fragment: true)",
                                   "a complete city scenario (a fragment is meant to be extended)");
    return std::nullopt;
  }
  return std::move(loaded.scenario);
}

// The declared key a parameter names, or a located error with a suggestion.
const KeySpec* parameter_key(const SweepSpec& spec, std::size_t index, const std::vector<std::string>& numeric_paths,
                             Diagnostics& diagnostics) {
  const std::string& key = spec.parameters[index].key;
  const Origin& origin = spec.parameter_origins[index];
  const std::string where = "parameters." + std::to_string(index) + ".key";
  const auto& keys = scenario::scenario_keys();
  const KeySpec* declared = keys.find(key);
  if (declared != nullptr && holds_a_number(*declared)) return declared;

  std::string found = "'" + key + "'";
  std::string expected = "a scenario key holding a number (see hsim params)";
  if (declared != nullptr) {
    found += ", a key holding " + scenario::describe_kind(declared->kind);
    if (declared->kind == ValueKind::integer_by_year || declared->kind == ValueKind::real_by_year) {
      expected += "; year maps cannot be varied yet";
    }
  } else if (keys.is_section(key)) {
    found += ", a section";
  } else {
    found += ", not a scenario key";
  }
  if (const auto near = scenario::nearest_name(key, numeric_paths); near && *near != key) {
    expected += " (did you mean '" + *near + "'?)";
  }
  diagnostics.add_found_expected(origin, where, found, expected);
  return nullptr;
}

// Checks one value of one parameter with every other key at its base value, and moves any problem
// to the parameter's place in the spec.
void check_single_value(const CityEvaluator& evaluator, const std::vector<double>& base_point, std::size_t index,
                        const std::string& parameter_key_path, double value, const std::string& where,
                        const Origin& origin, Diagnostics& diagnostics) {
  std::vector<double> point = base_point;
  point[index] = value;
  Diagnostics problems;
  if (evaluator.parameters_at(point, problems)) return;
  for (const auto& problem : problems.entries()) {
    const std::string key = problem.key_path == parameter_key_path ? "" : problem.key_path + ": ";
    diagnostics.add(
        origin, where,
        scenario::number_text(value) + " for " + parameter_key_path + " is rejected: " + key + problem.message);
  }
}

// Rules between keys (shares adding up, capacities, ordered dates) are linear or monotone in the
// values, so a combination of values that breaks one breaks it at a corner of the box the parameters span. Every
// corner is checked when there are few enough; the first one that fails is reported.
void check_corners(const CityEvaluator& evaluator, const SweepSpec& spec,
                   const std::vector<std::pair<double, double>>& extremes, Diagnostics& diagnostics) {
  const std::size_t count = extremes.size();
  if (count < 2 || count > max_corner_check_parameters) return;
  for (std::uint64_t corner = 0; corner < (std::uint64_t{1} << count); ++corner) {
    std::vector<double> point;
    for (std::size_t i = 0; i < count; ++i) {
      point.push_back(((corner >> i) & 1U) != 0 ? extremes[i].second : extremes[i].first);
    }
    Diagnostics problems;
    if (evaluator.parameters_at(point, problems)) continue;
    std::string values;
    for (std::size_t i = 0; i < count; ++i) {
      values += (i == 0 ? "" : ", ") + spec.parameters[i].key + " = " + scenario::number_text(point[i]);
    }
    const auto& problem = problems.entries().front();
    diagnostics.add(spec.parameters_origin, "parameters",
                    "values within the ranges break a scenario rule together (" + values + "): " + problem.key_path +
                        ": " + problem.message);
    return;
  }
}

const std::vector<std::string>& city_policies() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& [policy, spelling] : model::policy_name_spellings) list.emplace_back(spelling);
    list.emplace_back(city_default_policy);
    return list;
  }();
  return names;
}

const std::vector<std::string>& city_metrics() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const auto& declaration : model::metric_declarations) list.emplace_back(declaration.name);
    return list;
  }();
  return names;
}

// Reported here rather than by the registry so that one pass lists every problem of the spec.
void check_names(const std::vector<std::string>& names, const std::vector<Origin>& origins, const std::string& list,
                 const std::string& what, const std::vector<std::string>& allowed, Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < names.size() && i < origins.size(); ++i) {
    if (std::find(allowed.begin(), allowed.end(), names[i]) != allowed.end()) continue;
    std::string expected = "one of " + scenario::join_alternatives(allowed) + " for the city";
    if (const auto near = scenario::nearest_name(names[i], allowed)) expected += " (did you mean '" + *near + "'?)";
    diagnostics.add_found_expected(origins[i], list + "." + std::to_string(i), what + " '" + names[i] + "'", expected);
  }
}

}  // namespace

CityEvaluator::CityEvaluator(scenario::Scenario base, std::vector<std::string> keys) : base_(std::move(base)) {
  const auto& values = base_.values();
  for (const auto& key : keys) {
    const KeySpec* spec = scenario::scenario_keys().find(key);
    if (spec == nullptr || !holds_a_number(*spec)) throw std::invalid_argument("not a numeric scenario key: " + key);
    const auto at = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.path == key; });
    if (at == values.end()) throw std::invalid_argument("scenario has no value for " + key);
    specs_.push_back(spec);
    value_index_.push_back(static_cast<std::size_t>(at - values.begin()));
  }
}

std::vector<std::string> CityEvaluator::metric_names() const {
  return city_metrics();
}

std::vector<std::string> CityEvaluator::known_policies() const {
  return city_policies();
}

std::vector<std::string> CityEvaluator::set_overrides(const std::vector<double>& parameter_values) const {
  std::vector<std::string> overrides;
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    overrides.push_back(specs_[i]->path + "=" + scenario::number_text(parameter_values.at(i)));
  }
  return overrides;
}

std::optional<model::CityParameters> CityEvaluator::parameters_at(const std::vector<double>& parameter_values,
                                                                  Diagnostics& diagnostics) const {
  if (parameter_values.size() != specs_.size()) {
    throw std::invalid_argument("city point has " + std::to_string(parameter_values.size()) + " values for " +
                                std::to_string(specs_.size()) + " keys");
  }
  model::CityParameters parameters = base_.parameters();
  std::vector<scenario::ResolvedValue> values = base_.values();
  std::set<std::string> failed;
  const std::size_t before = diagnostics.size();
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    const KeySpec& spec = *specs_[i];
    const std::string text = scenario::number_text(parameter_values[i]);
    scenario::RawNode node;
    node.kind = scenario::RawNode::Kind::scalar;
    node.text = text;
    node.origin = Origin{"--set " + spec.path + "=" + text, 0, 0};
    auto converted = scenario::convert_value(node, spec, spec.path, diagnostics);
    if (!converted) {
      failed.insert(spec.path);
      continue;
    }
    scenario::ResolvedValue& resolved = values[value_index_[i]];
    resolved.value = std::move(converted->value);
    resolved.origin_kind = scenario::ValueOrigin::set_override;
    resolved.origin = node.origin;
    resolved.provenance = {};
    spec.bind(parameters, resolved.value);
  }
  scenario::check_cross_field_rules(parameters, values, failed, diagnostics);
  if (diagnostics.size() == before) scenario::check_with_model(parameters, values, diagnostics);
  if (diagnostics.size() != before) return std::nullopt;
  return parameters;
}

std::vector<double> CityEvaluator::evaluate(const std::vector<double>& parameter_values, std::uint64_t seed,
                                            std::uint64_t replicate, const std::string& policy) const {
  Diagnostics problems;
  const auto parameters = parameters_at(parameter_values, problems);
  if (!parameters) {
    throw std::invalid_argument("the city model cannot run this point:\n" + problems.to_string());
  }
  std::optional<model::PolicyName> policy_name =
      policy == city_default_policy ? std::optional(base_.parameters().policy.name) : policy_by_name(policy);
  if (!policy_name) throw std::invalid_argument("unknown city policy '" + policy + "'");
  const model::ReplicateResult result =
      model::simulate_replicate(*parameters, *policy_name, seed, replicate, 1, model::EventDraws::all);
  return {result.summary.values.begin(), result.summary.values.end()};
}

std::unique_ptr<PointEvaluator> make_city_evaluator(const SweepSpec& spec, Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.size();
  for (const auto& entry : spec.model_options.entries) {
    diagnostics.add_found_expected(entry.key_origin, "model_options." + entry.key, "unknown key '" + entry.key + "'",
                                   "no model_options for the city (vary scenario keys under parameters)");
  }
  // Parameters whose key is usable; their values are checked below even when others are not.
  const std::vector<std::string> numeric_paths = numeric_key_paths();
  std::vector<std::size_t> usable;
  for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
    const KeySpec* declared = parameter_key(spec, i, numeric_paths, diagnostics);
    if (declared == nullptr) continue;
    const auto& parameter = spec.parameters[i];
    if (declared->kind == ValueKind::integer && !parameter.is_list()) {
      diagnostics.add_found_expected(spec.parameter_origins[i], "parameters." + std::to_string(i) + ".range",
                                     "a range for " + parameter.key + ", which holds a whole number",
                                     "values: [...] listing the whole numbers to try");
      continue;
    }
    usable.push_back(i);
  }
  check_names(spec.metrics, spec.metric_origins, "metrics", "unknown metric", city_metrics(), diagnostics);
  check_names(spec.policies, spec.policy_origins, "policies", "unknown policy", city_policies(), diagnostics);
  auto base = load_base(spec, diagnostics);
  if (!base) {
    diagnostics.sort_by_position();
    return nullptr;
  }

  std::vector<std::string> usable_keys;
  for (std::size_t i : usable) usable_keys.push_back(spec.parameters[i].key);
  const CityEvaluator checker(*base, usable_keys);
  std::vector<double> base_point;
  for (const auto& key : usable_keys) {
    const auto& value = checker.base().find(key)->value;
    const auto* whole = std::get_if<std::int64_t>(&value);
    base_point.push_back(whole != nullptr ? static_cast<double>(*whole) : std::get<double>(value));
  }
  for (std::size_t u = 0; u < usable.size(); ++u) {
    const auto& parameter = spec.parameters[usable[u]];
    const Origin& origin = spec.parameter_origins[usable[u]];
    const std::string prefix = "parameters." + std::to_string(usable[u]);
    if (parameter.is_list()) {
      for (std::size_t j = 0; j < parameter.values.size(); ++j) {
        check_single_value(checker, base_point, u, parameter.key, parameter.values[j],
                           prefix + ".values." + std::to_string(j), origin, diagnostics);
      }
    } else {
      check_single_value(checker, base_point, u, parameter.key, parameter.low, prefix + ".range", origin, diagnostics);
      check_single_value(checker, base_point, u, parameter.key, parameter.high, prefix + ".range", origin, diagnostics);
    }
  }
  if (diagnostics.size() == before && usable.size() == spec.parameters.size()) {
    std::vector<std::pair<double, double>> extremes;
    for (const auto& parameter : spec.parameters) {
      if (parameter.is_list()) {
        const auto [low, high] = std::minmax_element(parameter.values.begin(), parameter.values.end());
        extremes.emplace_back(*low, *high);
      } else {
        extremes.emplace_back(parameter.low, parameter.high);
      }
    }
    check_corners(checker, spec, extremes, diagnostics);
  }
  if (diagnostics.size() != before) {
    diagnostics.sort_by_position();
    return nullptr;
  }
  return std::make_unique<CityEvaluator>(std::move(*base), std::move(usable_keys));
}

EvaluatorRegistry evaluator_registry_with_city() {
  EvaluatorRegistry registry = default_evaluator_registry();
  registry.add(city_model_name, make_city_evaluator);
  return registry;
}

}  // namespace hsim::analysis::sweep
