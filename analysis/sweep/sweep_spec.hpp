#pragma once

// A sweep or sensitivity specification read from YAML: which model, which parameters vary and how,
// the design, replicates, metrics, policies and seed. Validated once, with located errors.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/design/parameter_space.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/raw_node.hpp"

namespace hsim::analysis::sweep {

enum class DesignType { grid, latin_hypercube, sobol_sequence };

struct DesignSpec {
  DesignType type = DesignType::sobol_sequence;
  std::uint64_t points = 0;  // latin_hypercube, sobol_sequence
  std::size_t levels = 3;    // grid: default levels of a range parameter
  bool shift = false;        // sobol_sequence: random digital shift keyed by the seed
  scenario::Origin origin;
};

struct SensitivitySpec {
  std::uint64_t samples = 1024;     // Sobol: base rows N of the Saltelli matrices
  std::uint64_t trajectories = 20;  // Morris: r
  std::size_t levels = 4;           // Morris: p (even)
  std::size_t bootstrap = 200;      // resamples for the confidence intervals
  bool second_order = false;
  bool shift = false;  // digital shift of the Saltelli sequence
};

struct SweepSpec {
  std::filesystem::path file;
  std::string text;  // the file's contents, recorded in the manifest and the resume fingerprint

  std::string model;  // analytic/ishigami, analytic/g_function, analytic/morris or city
  scenario::Origin model_origin;
  std::string base_scenario;  // model: city
  scenario::Origin base_scenario_origin;

  std::vector<design::Parameter> parameters;
  std::vector<scenario::Origin> parameter_origins;  // of each parameter's key
  scenario::Origin parameters_origin;

  std::optional<DesignSpec> design;
  std::uint64_t replicates = 1;
  std::vector<std::string> metrics;  // empty: every metric the model reports
  std::vector<scenario::Origin> metric_origins;
  std::vector<std::string> policies{"default"};
  std::vector<scenario::Origin> policy_origins;
  std::uint64_t seed = 0;
  SensitivitySpec sensitivity;
  scenario::RawNode model_options;  // checked by the model's factory
  scenario::Origin root_origin;
};

// Reads and validates a spec; every problem found goes to `diagnostics` and the result is empty if
// there was any.
std::optional<SweepSpec> read_sweep_spec(const std::filesystem::path& file, scenario::Diagnostics& diagnostics);
std::optional<SweepSpec> parse_sweep_spec(const std::string& text, const std::string& where,
                                          scenario::Diagnostics& diagnostics);

// Upper bound on design points, evaluations and replicates a spec may ask for.
inline constexpr std::uint64_t max_design_points = 100'000'000;
inline constexpr std::uint64_t max_replicates = 1'000'000;

}  // namespace hsim::analysis::sweep
