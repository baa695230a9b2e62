#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hsim::analysis::sweep {

// Runs the model once at a parameter point. Implementations are called from several threads at once
// and must be pure functions of their arguments: any randomness is keyed by (seed, replicate).
class PointEvaluator {
 public:
  virtual ~PointEvaluator() = default;
  // Names of the metrics evaluate() returns, in its order.
  [[nodiscard]] virtual std::vector<std::string> metric_names() const = 0;
  // Names the parameters must have, in any order; empty when any key path is accepted.
  [[nodiscard]] virtual std::vector<std::string> required_parameters() const { return {}; }
  // Policies the model knows; empty when any name is accepted.
  [[nodiscard]] virtual std::vector<std::string> known_policies() const { return {}; }
  [[nodiscard]] virtual std::vector<double> evaluate(const std::vector<double>& parameter_values, std::uint64_t seed,
                                                     std::uint64_t replicate, const std::string& policy) const = 0;
};

}  // namespace hsim::analysis::sweep
