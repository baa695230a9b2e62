#pragma once

// The three-level severity chains (substance use, mental health) as continuous-time Markov chains:
// generator matrix and stationary distribution. Levels: 0 low, 1 medium, 2 high. Rates per year.

#include <Eigen/Dense>

#include "sim/model/parameters.hpp"

namespace hsim::model {

inline constexpr int severity_levels = 3;

// Q with Q(i, j) the rate from level i to level j (i != j) and rows summing to zero.
[[nodiscard]] Eigen::Matrix3d generator_matrix(const SeverityChain& chain);

// The distribution pi with pi * Q = 0 and sum(pi) = 1 (the long-run share of time at each level).
[[nodiscard]] Eigen::Vector3d stationary_distribution(const SeverityChain& chain);

// Total rate of leaving `level`, per year.
[[nodiscard]] double leaving_rate_per_year(const SeverityChain& chain, int level);

// Rate of moving from `level` one step up (worse), per year; the rest of leaving_rate is one step down.
[[nodiscard]] double worsening_rate_per_year(const SeverityChain& chain, int level);

[[nodiscard]] inline double rate_at(const LevelRates& rates, int level) {
  return level == 0 ? rates.low_per_year : level == 1 ? rates.medium_per_year : rates.high_per_year;
}
[[nodiscard]] inline double share_at(const LevelShares& shares, int level) {
  return level == 0 ? shares.low_share : level == 1 ? shares.medium_share : shares.high_share;
}

}  // namespace hsim::model
