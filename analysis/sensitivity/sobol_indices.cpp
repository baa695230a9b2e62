#include "analysis/sensitivity/sobol_indices.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <stdexcept>

namespace hsim::analysis::sensitivity {
namespace {

using OutputMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct PointEstimates {
  std::vector<double> first;
  std::vector<double> total;
  std::vector<double> second;  // pairs (i < j) in row order
};

// Columns of y: f(A), f(B), f(A_B^1..k), then f(B_A^1..k) with second order.
PointEstimates point_estimates(const OutputMatrix& y, std::size_t k, bool second_order) {
  const auto n = static_cast<double>(y.rows());
  // Every estimator below is unbiased under a shift of f, but its variance grows with f's mean
  // (a cost near 400,000 NOK swamps its spread), so outputs are centred on the A-and-B mean first.
  const double mean = (y.col(0).sum() + y.col(1).sum()) / (2.0 * n);
  const Eigen::ArrayXXd centred = y.array() - mean;
  const Eigen::ArrayXd f_a = centred.col(0);
  const Eigen::ArrayXd f_b = centred.col(1);
  // Variance of all A and B outputs together (denominator 2N).
  const double variance = (f_a.square().sum() + f_b.square().sum()) / (2.0 * n);
  PointEstimates estimates;
  for (std::size_t i = 0; i < k; ++i) {
    const Eigen::ArrayXd f_ab = centred.col(static_cast<Eigen::Index>(2 + i));
    estimates.first.push_back((f_b * (f_ab - f_a)).mean() / variance);
    estimates.total.push_back(0.5 * (f_a - f_ab).square().mean() / variance);
  }
  if (second_order) {
    // Saltelli (2002): V_ij = E[f(B_A^i) f(A_B^j) - f(A) f(B)], minus the first-order parts.
    for (std::size_t i = 0; i < k; ++i) {
      const Eigen::ArrayXd f_ba_i = centred.col(static_cast<Eigen::Index>(2 + k + i));
      for (std::size_t j = i + 1; j < k; ++j) {
        const Eigen::ArrayXd f_ab_j = centred.col(static_cast<Eigen::Index>(2 + j));
        const double closed = (f_ba_i * f_ab_j - f_a * f_b).mean() / variance;
        estimates.second.push_back(closed - estimates.first[i] - estimates.first[j]);
      }
    }
  }
  return estimates;
}

}  // namespace

SobolIndices estimate_sobol_indices(const std::vector<double>& outputs, std::size_t parameters, std::size_t base_rows,
                                    bool second_order, std::size_t bootstrap, std::uint64_t seed) {
  const std::size_t stride = second_order ? 2 * parameters + 2 : parameters + 2;
  if (outputs.size() != base_rows * stride) throw std::invalid_argument("Sobol indices: wrong number of outputs");
  const Eigen::Map<const OutputMatrix> y(outputs.data(), static_cast<Eigen::Index>(base_rows),
                                         static_cast<Eigen::Index>(stride));
  const PointEstimates estimates = point_estimates(y, parameters, second_order);

  std::vector<std::vector<double>> first_draws(parameters);
  std::vector<std::vector<double>> total_draws(parameters);
  std::vector<std::vector<double>> second_draws(estimates.second.size());
  for (std::size_t b = 0; b < bootstrap; ++b) {
    const std::vector<std::size_t> rows = bootstrap_rows(seed, b, base_rows);
    const OutputMatrix resampled = y(rows, Eigen::all);
    const PointEstimates draw = point_estimates(resampled, parameters, second_order);
    for (std::size_t i = 0; i < parameters; ++i) {
      first_draws[i].push_back(draw.first[i]);
      total_draws[i].push_back(draw.total[i]);
    }
    for (std::size_t p = 0; p < draw.second.size(); ++p) second_draws[p].push_back(draw.second[p]);
  }

  SobolIndices indices;
  for (std::size_t i = 0; i < parameters; ++i) {
    indices.first_order.push_back(percentile_interval(estimates.first[i], std::move(first_draws[i])));
    indices.total.push_back(percentile_interval(estimates.total[i], std::move(total_draws[i])));
  }
  std::size_t pair = 0;
  for (std::size_t i = 0; i < parameters && second_order; ++i) {
    for (std::size_t j = i + 1; j < parameters; ++j, ++pair) {
      indices.second_order.push_back(
          {i, j, percentile_interval(estimates.second[pair], std::move(second_draws[pair]))});
    }
  }
  return indices;
}

}  // namespace hsim::analysis::sensitivity
