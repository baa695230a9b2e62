#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/sweep/point_evaluator.hpp"
#include "analysis/sweep/sweep_spec.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace hsim::analysis::sweep {

// Builds an evaluator for a spec, reporting bad model options to `diagnostics` (and returning null).
using EvaluatorFactory =
    std::function<std::unique_ptr<PointEvaluator>(const SweepSpec& spec, scenario::Diagnostics& diagnostics)>;

// The models a spec may name under `model:`, each with its factory. Passed to the sweep and
// sensitivity commands as an object, so tests and tools can add their own.
class EvaluatorRegistry {
 public:
  void add(std::string model, EvaluatorFactory factory);
  [[nodiscard]] std::vector<std::string> models() const;

  // The evaluator for spec.model, with the spec's parameters, metrics and policies checked against
  // what it offers. Null (with diagnostics) when anything does not fit.
  [[nodiscard]] std::unique_ptr<PointEvaluator> make(const SweepSpec& spec, scenario::Diagnostics& diagnostics) const;

 private:
  std::map<std::string, EvaluatorFactory> factories_;
};

// The analytic models only (analytic/ishigami, analytic/g_function, analytic/morris): a spec naming
// `model: city` gets a clear "not available" error from this registry. The `hsim` command uses
// evaluator_registry_with_city() (analysis/sweep/city_evaluator.hpp), which adds the city model.
EvaluatorRegistry default_evaluator_registry();

// Model name the city adapter registers under.
inline constexpr const char* city_model_name = "city";

}  // namespace hsim::analysis::sweep
