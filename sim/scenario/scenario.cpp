#include "sim/scenario/scenario.hpp"

#include "sim/scenario/key_registry.hpp"

namespace hsim::scenario {

const ResolvedValue* Scenario::find(const std::string& path) const {
  for (const auto& value : values_) {
    if (value.path == path) return &value;
  }
  return nullptr;
}

bool parameters_equal(const model::CityParameters& a, const model::CityParameters& b) {
  for (const auto& key : scenario_keys().keys()) {
    if (!(key.read(a) == key.read(b))) return false;
  }
  return true;
}

bool equivalent(const Scenario& a, const Scenario& b) {
  if (a.name() != b.name() || a.description() != b.description() || a.fragment() != b.fragment()) return false;
  if (!parameters_equal(a.parameters(), b.parameters())) return false;
  if (a.values().size() != b.values().size()) return false;
  for (std::size_t i = 0; i < a.values().size(); ++i) {
    const auto& x = a.values()[i];
    const auto& y = b.values()[i];
    if (x.path != y.path || !(x.value == y.value) || x.provenance != y.provenance ||
        x.part_provenance != y.part_provenance) {
      return false;
    }
  }
  return true;
}

}  // namespace hsim::scenario
