#pragma once

// A validated, fully typed and immutable city scenario: the model parameters plus where every value
// came from. Model code takes `parameters()` and never sees YAML.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sim/model/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/key_spec.hpp"
#include "sim/scenario/provenance.hpp"

namespace hsim::scenario {

enum class ValueOrigin { file, set_override, default_value };

// One declared key after composition: its value and its provenance.
struct ResolvedValue {
  std::string path;
  Value value;
  ValueOrigin origin_kind = ValueOrigin::default_value;
  Origin origin;                                      // file position, "--set key=value", or "default"
  Provenance provenance;                              // from the annotation, or from the declaration for defaults
  std::map<std::string, Provenance> part_provenance;  // year-map entries ("2015"), record fields ("0.name")
  std::map<std::string, Origin> part_origins;
};

struct ScenarioMetadata {
  std::string name;
  std::string description;
  bool fragment = false;                     // a partial file meant to be extended
  std::vector<std::filesystem::path> files;  // the loaded file first, then the files it extends, in order
  std::vector<std::string> overrides;        // the --set arguments, as given
};

class Scenario {
 public:
  Scenario(ScenarioMetadata metadata, model::CityParameters parameters, std::vector<ResolvedValue> values)
      : metadata_(std::move(metadata)), parameters_(std::move(parameters)), values_(std::move(values)) {}

  const model::CityParameters& parameters() const { return parameters_; }
  const std::string& name() const { return metadata_.name; }
  const std::string& description() const { return metadata_.description; }
  bool fragment() const { return metadata_.fragment; }
  const std::vector<std::filesystem::path>& files() const { return metadata_.files; }
  const std::vector<std::string>& overrides() const { return metadata_.overrides; }
  // Every declared key, in declaration order.
  const std::vector<ResolvedValue>& values() const { return values_; }
  const ResolvedValue* find(const std::string& path) const;

 private:
  ScenarioMetadata metadata_;
  model::CityParameters parameters_;
  std::vector<ResolvedValue> values_;
};

// Every declared field of the two parameter sets is equal (compared through the key declarations).
bool parameters_equal(const model::CityParameters& a, const model::CityParameters& b);

// Same name, description, parameters and provenance of every value; where the values were read from
// (files, positions, overrides) is not compared.
bool equivalent(const Scenario& a, const Scenario& b);

}  // namespace hsim::scenario
