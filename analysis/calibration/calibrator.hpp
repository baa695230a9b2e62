#pragma once

// Fits parameters by minimising an objective (the chi-square of the fit table): the best of a Halton
// start design, then NLopt's BOBYQA within bounds; then estimates each parameter's standard error from a central
// finite-difference Hessian of the objective: for a deviance D = -2 log L + const, the covariance is 2 H^-1.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analysis/calibration/calibration_targets.hpp"
#include "analysis/calibration/target_simulation.hpp"

namespace hsim::analysis::calibration {

struct CalibrationParameter {
  std::string key;  // scenario key path, set with `--set key=value`
  double lower = 0.0;
  double upper = 1.0;
  double start = 0.5;  // hsim calibrate takes it from the scenario
};

// The behaviour parameters fitted when none are named, with bounds; start values come from the
// scenario.
[[nodiscard]] std::vector<CalibrationParameter> default_calibration_parameters();

struct CalibrationOptions {
  std::size_t max_evaluations = 60;                  // start design and optimiser together; the Hessian adds 2p^2 + 1
  std::size_t start_design_points = 12;              // Halton points tried before the local optimiser (at most half)
  double initial_step = 0.15;                        // of each parameter's range
  double hessian_step = 0.08;                        // of each parameter's range
  bool estimate_standard_errors = true;              // false skips the Hessian (leave-one-out checks)
  std::function<void(const std::string&)> progress;  // one line per evaluation
};

struct CalibrationResult {
  std::vector<double> values;
  std::vector<double> standard_errors;  // NaN when the Hessian is not positive definite
  double objective = 0.0;
  double start_objective = 0.0;
  std::size_t evaluations = 0;  // start design and optimiser evaluations, Hessian excluded
  std::size_t restarts = 0;     // local optimiser runs after the first that improved the objective
  bool standard_errors_estimated = false;
  bool hessian_positive_definite = false;
  std::string stop_reason;
};

using Objective = std::function<double(const std::vector<double>& values)>;

[[nodiscard]] CalibrationResult minimise_objective(const Objective& objective,
                                                   const std::vector<CalibrationParameter>& parameters,
                                                   const CalibrationOptions& options);

// The chi-square of the named cities' targets with `values` applied as overrides on top of
// settings.overrides (the same seed and replicates at every point).
[[nodiscard]] Objective chi_square_objective(const TargetSet& set, const std::vector<std::string>& cities,
                                             const std::vector<CalibrationParameter>& parameters,
                                             const SimulationSettings& settings);

// The chi-square at the start and at the fitted values on random numbers the optimiser never saw (seed
// `settings.seed`, which the caller sets apart from the fit's). The optimiser keeps any point that is
// lower on its own seed, so part of its gain can be that seed's simulation noise. The difference on the
// fresh seed has a Monte Carlo standard error, estimated by resampling replicates (the same resample at
// both points, which share their random numbers); only a gain of more than two standard errors counts.
struct FreshSeedCheck {
  std::uint64_t seed = 0;
  std::size_t replicates = 0;
  double start_objective = 0.0;
  double fitted_objective = 0.0;
  double difference_standard_error = 0.0;  // of fitted - start, bootstrap over replicates
  [[nodiscard]] double difference() const { return fitted_objective - start_objective; }
  [[nodiscard]] bool improvement_holds() const { return difference() < -2.0 * difference_standard_error; }
  [[nodiscard]] bool worse() const { return difference() > 2.0 * difference_standard_error; }
};
[[nodiscard]] FreshSeedCheck check_on_fresh_seed(const TargetSet& set, const std::vector<std::string>& cities,
                                                 const std::vector<CalibrationParameter>& parameters,
                                                 const std::vector<double>& fitted, const SimulationSettings& settings,
                                                 std::size_t bootstrap_resamples = 200);

// `key=value` overrides for a point.
[[nodiscard]] std::vector<std::string> parameter_overrides(const std::vector<CalibrationParameter>& parameters,
                                                           const std::vector<double>& values);

// A scenario fragment with the fitted values (each annotated with its standard error and the
// command), extending `base_file`; written so that a city file can extend it instead of the base.
[[nodiscard]] std::string fitted_values_yaml(const std::vector<CalibrationParameter>& parameters,
                                             const CalibrationResult& result, const std::string& base_file,
                                             const std::string& how);

}  // namespace hsim::analysis::calibration
