#pragma once

// The public entry point: a scenario file (plus `--set key.path=value` overrides) in, a validated
// Scenario or every problem found out.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/scenario.hpp"

namespace hsim::scenario {

struct LoadOptions {
  // Reject every value written in a file without a source or an assumption.
  bool require_provenance = false;
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set exactly when diagnostics is empty
  Diagnostics diagnostics;

  bool ok() const { return scenario.has_value(); }
};

LoadResult load_scenario(const std::filesystem::path& file, const std::vector<std::string>& set_overrides,
                         const LoadOptions& options = {});

// As load_scenario, throwing ScenarioError with every problem instead.
Scenario load_scenario_or_throw(const std::filesystem::path& file, const std::vector<std::string>& set_overrides,
                                const LoadOptions& options = {});

}  // namespace hsim::scenario
