#include "analysis/sweep/analytic_models.hpp"

#include <chrono>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "analysis/design/stream_purposes.hpp"
#include "sim/engine/distributions.hpp"
#include "sim/engine/random_stream.hpp"

namespace hsim::analysis::sweep {

using design::purpose_word;
using design::StreamPurpose;

AnalyticModel::AnalyticModel(std::size_t inputs, AnalyticOptions options) : inputs_(inputs), options_(options) {}

std::vector<std::string> AnalyticModel::required_parameters() const {
  std::vector<std::string> names;
  for (std::size_t i = 1; i <= inputs_; ++i) {
    std::string name("x");  // built piecewise: GCC 12 warns falsely on "x" + std::string
    name += std::to_string(i);
    names.push_back(std::move(name));
  }
  return names;
}

std::vector<double> AnalyticModel::evaluate(const std::vector<double>& parameter_values, std::uint64_t seed,
                                            std::uint64_t replicate, const std::string& /*policy*/) const {
  if (parameter_values.size() != inputs_) throw std::logic_error("analytic model: wrong number of inputs");
  if (options_.evaluation_delay_microseconds > 0) {
    // Busy wait rather than sleep so that the delay behaves like computation under the thread pool.
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::microseconds(options_.evaluation_delay_microseconds);
    while (std::chrono::steady_clock::now() < until) {
    }
  }
  double y = function(parameter_values);
  if (options_.noise_sd > 0.0) {
    engine::RandomStream stream(engine::StreamKey{seed, replicate, 0, purpose_word(StreamPurpose::analytic_noise)});
    y += engine::normal(stream, 0.0, options_.noise_sd);
  }
  return {y};
}

IshigamiModel::IshigamiModel(double a, double b, AnalyticOptions options) : AnalyticModel(3, options), a_(a), b_(b) {}

double IshigamiModel::function(const std::vector<double>& x) const {
  const double sin_x2 = std::sin(x[1]);
  return std::sin(x[0]) * (1.0 + b_ * std::pow(x[2], 4)) + a_ * sin_x2 * sin_x2;
}

namespace {
struct IshigamiVariances {
  double v1, v2, v13, total;
};
IshigamiVariances ishigami_variances(double a, double b) {
  const double pi4 = std::pow(std::numbers::pi, 4);
  const double pi8 = pi4 * pi4;
  const double v1 = 0.5 * std::pow(1.0 + b * pi4 / 5.0, 2);
  const double v2 = a * a / 8.0;
  const double v13 = b * b * pi8 * (1.0 / 18.0 - 1.0 / 50.0);
  return {v1, v2, v13, v1 + v2 + v13};
}
}  // namespace

std::array<double, 3> IshigamiModel::first_order(double a, double b) {
  const auto v = ishigami_variances(a, b);
  return {v.v1 / v.total, v.v2 / v.total, 0.0};
}

std::array<double, 3> IshigamiModel::total(double a, double b) {
  const auto v = ishigami_variances(a, b);
  return {(v.v1 + v.v13) / v.total, v.v2 / v.total, v.v13 / v.total};
}

GFunctionModel::GFunctionModel(std::vector<double> a, AnalyticOptions options)
    : AnalyticModel(a.size(), options), a_(std::move(a)) {}

double GFunctionModel::function(const std::vector<double>& x) const {
  double product = 1.0;
  for (std::size_t i = 0; i < a_.size(); ++i) product *= (std::abs(4.0 * x[i] - 2.0) + a_[i]) / (1.0 + a_[i]);
  return product;
}

namespace {
std::vector<double> g_partial_variances(const std::vector<double>& a) {
  std::vector<double> v;
  for (double coefficient : a) v.push_back(1.0 / (3.0 * (1.0 + coefficient) * (1.0 + coefficient)));
  return v;
}
double g_total_variance(const std::vector<double>& v) {
  double product = 1.0;
  for (double vi : v) product *= 1.0 + vi;
  return product - 1.0;
}
}  // namespace

std::vector<double> GFunctionModel::first_order(const std::vector<double>& a) {
  const auto v = g_partial_variances(a);
  const double total = g_total_variance(v);
  std::vector<double> s;
  for (double vi : v) s.push_back(vi / total);
  return s;
}

std::vector<double> GFunctionModel::total(const std::vector<double>& a) {
  const auto v = g_partial_variances(a);
  const double total = g_total_variance(v);
  std::vector<double> s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    double others = 1.0;
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (j != i) others *= 1.0 + v[j];
    }
    s.push_back(v[i] * others / total);
  }
  return s;
}

MorrisModel::MorrisModel(std::uint64_t coefficient_seed, AnalyticOptions options) : AnalyticModel(inputs, options) {
  engine::RandomStream stream(
      engine::StreamKey{coefficient_seed, 0, 0, purpose_word(StreamPurpose::analytic_coefficients)});
  beta0_ = engine::normal(stream, 0.0, 1.0);
  for (std::size_t i = 0; i < inputs; ++i) beta1_[i] = i < 10 ? 20.0 : engine::normal(stream, 0.0, 1.0);
  for (std::size_t i = 0; i < inputs; ++i) {
    for (std::size_t j = i + 1; j < inputs; ++j) beta2_[i][j] = j < 6 ? -15.0 : engine::normal(stream, 0.0, 1.0);
  }
}

double MorrisModel::function(const std::vector<double>& x) const {
  std::array<double, inputs> w{};
  for (std::size_t i = 0; i < inputs; ++i) {
    // Inputs 3, 5 and 7 (1-based) enter through a nonlinear transform.
    const bool curved = i == 2 || i == 4 || i == 6;
    w[i] = curved ? 2.0 * (1.1 * x[i] / (x[i] + 0.1) - 0.5) : 2.0 * (x[i] - 0.5);
  }
  double y = beta0_;
  for (std::size_t i = 0; i < inputs; ++i) {
    y += beta1_[i] * w[i];
    for (std::size_t j = i + 1; j < inputs; ++j) y += beta2_[i][j] * w[i] * w[j];
  }
  for (std::size_t i = 0; i < 5; ++i) {
    for (std::size_t j = i + 1; j < 5; ++j) {
      for (std::size_t l = j + 1; l < 5; ++l) y -= 10.0 * w[i] * w[j] * w[l];
    }
  }
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = i + 1; j < 4; ++j) {
      for (std::size_t l = j + 1; l < 4; ++l) {
        for (std::size_t s = l + 1; s < 4; ++s) y += 5.0 * w[i] * w[j] * w[l] * w[s];
      }
    }
  }
  return y;
}

}  // namespace hsim::analysis::sweep
