#include "sim/scenario/scenario_loader.hpp"

#include <set>

#include "sim/scenario/composition.hpp"
#include "sim/scenario/cross_field_rules.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/scenario/model_checks.hpp"
#include "sim/scenario/provenance.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/value_conversion.hpp"

namespace hsim::scenario {
namespace {

// The innermost section of `path` that the files opened, for pointing at a missing key.
Origin origin_for_missing(const std::string& path, const Composition& composition, const std::filesystem::path& file) {
  std::string section = path;
  while (true) {
    const auto dot = section.rfind('.');
    if (dot == std::string::npos) break;
    section.resize(dot);
    if (const auto it = composition.section_origins.find(section); it != composition.section_origins.end()) {
      return it->second;
    }
  }
  return Origin{file.string(), 1, 1};
}

bool every_part_annotated(const ResolvedValue& value) {
  const bool records = std::holds_alternative<RecordList>(value.value);
  for (const auto& [part, origin] : value.part_origins) {
    // A record entry itself ("0") carries no value; its fields ("0.name") do.
    if (records && part.find('.') == std::string::npos) continue;
    if (value.part_provenance.count(part) == 0) return false;
  }
  return true;
}

}  // namespace

LoadResult load_scenario(const std::filesystem::path& file, const std::vector<std::string>& set_overrides,
                         const LoadOptions& options) {
  const KeyRegistry& keys = scenario_keys();
  LoadResult result;
  Diagnostics& diagnostics = result.diagnostics;

  Composition composition;
  compose_file(file, keys, composition, diagnostics);
  if (set_overrides.size() > limits::max_set_overrides) {
    diagnostics.add_found_expected(Origin{"--set", 0, 0}, "", std::to_string(set_overrides.size()) + " overrides",
                                   "at most " + std::to_string(limits::max_set_overrides));
  } else {
    for (const auto& argument : set_overrides) apply_set_override(argument, keys, composition, diagnostics);
  }

  model::CityParameters parameters;
  std::vector<ResolvedValue> values;
  std::set<std::string> failed;
  for (const KeySpec& spec : keys.keys()) {
    ResolvedValue resolved;
    resolved.path = spec.path;
    resolved.value = spec.default_value;
    resolved.origin = Origin{"default", 0, 0};
    resolved.provenance = Provenance{spec.source, spec.assumption};
    const auto written = composition.values.find(spec.path);
    if (written == composition.values.end()) {
      if (spec.required && !composition.metadata.fragment && composition.all_files_read) {
        diagnostics.add_found_expected(origin_for_missing(spec.path, composition, file), spec.path, "no value",
                                       describe_expected(spec) + " (this key is required)");
        failed.insert(spec.path);
      }
      values.push_back(std::move(resolved));
      continue;
    }
    const Unwrapped unwrapped = unwrap_annotation(written->second.node, spec.path, diagnostics);
    std::optional<ConvertedValue> converted;
    if (unwrapped.value != nullptr) converted = convert_value(*unwrapped.value, spec, spec.path, diagnostics);
    if (!converted) {
      failed.insert(spec.path);
      values.push_back(std::move(resolved));
      continue;
    }
    resolved.value = std::move(converted->value);
    resolved.origin_kind = written->second.origin_kind;
    resolved.origin = unwrapped.value->origin;
    resolved.provenance = unwrapped.provenance;
    resolved.part_provenance = std::move(converted->part_provenance);
    resolved.part_origins = std::move(converted->part_origins);
    if (options.require_provenance && resolved.origin_kind == ValueOrigin::file && resolved.provenance.empty() &&
        !(!resolved.part_origins.empty() && every_part_annotated(resolved))) {
      diagnostics.add_found_expected(resolved.origin, spec.path, "a value without a source or assumption",
                                     "{value: ..., source: \"NNN:line\"} or {value: ..., assumption: \"why\"}");
    }
    spec.bind(parameters, resolved.value);
    values.push_back(std::move(resolved));
  }

  // Rules over a half-read chain would report values that were never meant.
  if (composition.all_files_read) check_cross_field_rules(parameters, values, failed, diagnostics);
  // The model's own checks last, and only on otherwise clean input, so that no mistake is reported twice.
  if (diagnostics.empty()) check_with_model(parameters, values, diagnostics);
  diagnostics.sort_by_position();
  if (diagnostics.empty()) {
    result.scenario.emplace(std::move(composition.metadata), std::move(parameters), std::move(values));
  }
  return result;
}

Scenario load_scenario_or_throw(const std::filesystem::path& file, const std::vector<std::string>& set_overrides,
                                const LoadOptions& options) {
  LoadResult result = load_scenario(file, set_overrides, options);
  if (!result.ok()) throw ScenarioError(std::move(result.diagnostics));
  return std::move(*result.scenario);
}

}  // namespace hsim::scenario
