#pragma once

// The city model as a sweep model (`model: city`): every point's parameter values override keys of a
// base scenario, exactly as `--set key.path=value` would, and one replicate of the city runs per
// (seed, replicate, policy).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/sweep/evaluator_registry.hpp"
#include "analysis/sweep/point_evaluator.hpp"
#include "analysis/sweep/sweep_spec.hpp"
#include "sim/model/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/key_spec.hpp"
#include "sim/scenario/scenario.hpp"

namespace hsim::analysis::sweep {

// The policy that runs the base scenario's own `policy.name`.
inline constexpr const char* city_default_policy = "default";

class CityEvaluator : public PointEvaluator {
 public:
  // `keys` are declared scenario keys holding a whole number or a number, in the order of the values
  // evaluate() receives.
  CityEvaluator(scenario::Scenario base, std::vector<std::string> keys);

  // Every metric of model::metric_declarations, in declaration order.
  [[nodiscard]] std::vector<std::string> metric_names() const override;
  // staircase, housing_first, mixed and default (the base scenario's policy.name).
  [[nodiscard]] std::vector<std::string> known_policies() const override;
  // Throws std::invalid_argument when the values break a scenario rule (listing every problem).
  [[nodiscard]] std::vector<double> evaluate(const std::vector<double>& parameter_values, std::uint64_t seed,
                                             std::uint64_t replicate, const std::string& policy) const override;

  // The base parameters with the values applied: each value is converted and range-checked by the
  // scenario layer as a file value is, then the cross-field rules and the model's own checks run on the
  // result. Problems go to `diagnostics` (placed at "--set key=value") and the result is then empty.
  [[nodiscard]] std::optional<model::CityParameters> parameters_at(const std::vector<double>& parameter_values,
                                                                   scenario::Diagnostics& diagnostics) const;
  // The same point as `--set` arguments ("key.path=value", numbers in their shortest exact text).
  [[nodiscard]] std::vector<std::string> set_overrides(const std::vector<double>& parameter_values) const;

  [[nodiscard]] const scenario::Scenario& base() const { return base_; }

 private:
  scenario::Scenario base_;
  std::vector<const scenario::KeySpec*> specs_;
  std::vector<std::size_t> value_index_;  // position of each key in base_.values()
};

// Factory for `model: city`. Loads spec.base_scenario (relative to the spec's folder) once, and checks
// before any run that every parameter key is a declared numeric scenario key (with a "did you mean"
// otherwise), that whole-number keys are given as lists of whole numbers, that metric and policy names
// exist, that every list value and both ends of every range pass the scenario's checks, and that every
// corner of the parameter box does; problems are reported located in the spec (and in the base files)
// and the result is then null.
std::unique_ptr<PointEvaluator> make_city_evaluator(const SweepSpec& spec, scenario::Diagnostics& diagnostics);

// The analytic models plus the city.
EvaluatorRegistry evaluator_registry_with_city();

}  // namespace hsim::analysis::sweep
