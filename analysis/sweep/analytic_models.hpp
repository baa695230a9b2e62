#pragma once

// Test functions with known sensitivity indices, run through the same sweep and sensitivity pipeline
// as the city so that the pipeline itself can be checked against exact answers.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/sweep/point_evaluator.hpp"

namespace hsim::analysis::sweep {

// Options shared by the analytic models.
struct AnalyticOptions {
  // Standard deviation of additive normal noise drawn from the stream keyed by (seed, replicate): the
  // same draw at every point of a replicate (common random numbers, as the city model has).
  double noise_sd = 0.0;
  // Busy time per evaluation, to stand in for an expensive model (progress and resumption tests).
  std::uint64_t evaluation_delay_microseconds = 0;
};

// Base class: parameters named x1..xk, one metric `y`, policies ignored.
class AnalyticModel : public PointEvaluator {
 public:
  AnalyticModel(std::size_t inputs, AnalyticOptions options);
  [[nodiscard]] std::vector<std::string> metric_names() const override { return {"y"}; }
  [[nodiscard]] std::vector<std::string> required_parameters() const override;
  [[nodiscard]] std::vector<double> evaluate(const std::vector<double>& parameter_values, std::uint64_t seed,
                                             std::uint64_t replicate, const std::string& policy) const override;
  // The noise-free function.
  [[nodiscard]] virtual double function(const std::vector<double>& x) const = 0;

 private:
  std::size_t inputs_;
  AnalyticOptions options_;
};

// Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, inputs U(-pi, pi).
class IshigamiModel : public AnalyticModel {
 public:
  IshigamiModel(double a, double b, AnalyticOptions options);
  [[nodiscard]] double function(const std::vector<double>& x) const override;
  // Exact first-order and total indices for the given a and b.
  static std::array<double, 3> first_order(double a, double b);
  static std::array<double, 3> total(double a, double b);

 private:
  double a_;
  double b_;
};

// Sobol' g-function: prod (|4 x_i - 2| + a_i) / (1 + a_i), inputs U(0, 1).
class GFunctionModel : public AnalyticModel {
 public:
  GFunctionModel(std::vector<double> a, AnalyticOptions options);
  [[nodiscard]] double function(const std::vector<double>& x) const override;
  // Exact S_i = V_i / V and total indices, V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1.
  static std::vector<double> first_order(const std::vector<double>& a);
  static std::vector<double> total(const std::vector<double>& a);

 private:
  std::vector<double> a_;
};

// Morris (1991) 20-input screening function, inputs U(0, 1). Coefficients: beta_i = 20 for i <= 10,
// beta_ij = -15 for i, j <= 6, beta_ijl = -10 for i, j, l <= 5, beta_ijls = 5 for i, j, l, s <= 4;
// the other first- and second-order coefficients (and beta_0) are standard normal draws from the
// stream keyed by `coefficient_seed`, the other third- and fourth-order ones zero.
class MorrisModel : public AnalyticModel {
 public:
  static constexpr std::size_t inputs = 20;
  MorrisModel(std::uint64_t coefficient_seed, AnalyticOptions options);
  [[nodiscard]] double function(const std::vector<double>& x) const override;

 private:
  double beta0_ = 0.0;
  std::array<double, inputs> beta1_{};
  std::array<std::array<double, inputs>, inputs> beta2_{};
};

}  // namespace hsim::analysis::sweep
