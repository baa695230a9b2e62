#include "analysis/sensitivity/morris_effects.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <stdexcept>

namespace hsim::analysis::sensitivity {
namespace {

struct Measures {
  std::vector<double> mu, mu_star, sigma;
};

// effects: one row per trajectory, one column per parameter.
Measures measures_of(const Eigen::MatrixXd& effects) {
  Measures m;
  const auto r = static_cast<double>(effects.rows());
  for (Eigen::Index i = 0; i < effects.cols(); ++i) {
    const Eigen::ArrayXd column = effects.col(i).array();
    const double mean = column.mean();
    m.mu.push_back(mean);
    m.mu_star.push_back(column.abs().mean());
    m.sigma.push_back(r > 1 ? std::sqrt((column - mean).square().sum() / (r - 1)) : NAN);
  }
  return m;
}

}  // namespace

std::vector<MorrisMeasures> estimate_morris_measures(const MorrisDesign& design, const std::vector<double>& outputs,
                                                     std::size_t parameters, std::size_t bootstrap,
                                                     std::uint64_t seed) {
  const std::uint64_t r = design.trajectories();
  if (outputs.size() != r * (parameters + 1)) throw std::invalid_argument("Morris measures: wrong number of outputs");
  Eigen::MatrixXd effects(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(parameters));
  for (std::uint64_t t = 0; t < r; ++t) {
    const MorrisTrajectory trajectory = design.trajectory(t);
    for (std::size_t s = 0; s < parameters; ++s) {
      const std::size_t factor = trajectory.order[s];
      const double change = outputs[t * (parameters + 1) + s + 1] - outputs[t * (parameters + 1) + s];
      effects(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(factor)) =
          change / (trajectory.direction[factor] * design.delta());
    }
  }
  const Measures estimate = measures_of(effects);
  std::vector<std::vector<double>> mu(parameters), mu_star(parameters), sigma(parameters);
  for (std::size_t b = 0; b < bootstrap; ++b) {
    const std::vector<std::size_t> rows = bootstrap_rows(seed, b, static_cast<std::size_t>(r));
    const Eigen::MatrixXd resampled = effects(rows, Eigen::all);
    const Measures draw = measures_of(resampled);
    for (std::size_t i = 0; i < parameters; ++i) {
      mu[i].push_back(draw.mu[i]);
      mu_star[i].push_back(draw.mu_star[i]);
      sigma[i].push_back(draw.sigma[i]);
    }
  }
  std::vector<MorrisMeasures> result;
  for (std::size_t i = 0; i < parameters; ++i) {
    result.push_back({percentile_interval(estimate.mu[i], std::move(mu[i])),
                      percentile_interval(estimate.mu_star[i], std::move(mu_star[i])),
                      percentile_interval(estimate.sigma[i], std::move(sigma[i]))});
  }
  return result;
}

}  // namespace hsim::analysis::sensitivity
