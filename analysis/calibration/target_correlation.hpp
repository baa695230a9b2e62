#pragma once

// How strongly a city's targets move together. Targets of one city are read off the same cohort: a
// status partition sums to one, and "ever lost housing", "rehoused once" and "in the same flat" count
// many of the same people. The sum of their squared standardised residuals z is then not chi-square
// with one degree of freedom per target: with R the targets' correlation, z'z is distributed as
// Σ λᵢ χ²₁ over the eigenvalues λ of R, which has the same mean (trace R = k) but a wider spread.
// Satterthwaite's approximation matches it by c χ²(ν) with c = ‖R‖²/k and ν = k²/‖R‖², where ‖R‖² is
// the squared Frobenius norm Σλᵢ² = k + 2 Σ_{i<j} ρᵢⱼ². Independent targets give c = 1 and ν = k.

#include <vector>

#include "analysis/calibration/fit_table.hpp"

namespace hsim::analysis::calibration {

// ‖R‖² of the correlation between simulated statistics that come from the same replicates. Each ρ is
// taken over the replicates where both statistics are defined; a statistic that does not vary is
// uncorrelated with the others. Each ρ² is reduced by (1 - ρ²)/(N - 2), N the replicates of the pair,
// the small-sample correction that keeps independent statistics from looking correlated by chance.
[[nodiscard]] double correlation_norm_squared(const std::vector<const SimulatedStatistic*>& simulated);

// Satterthwaite's number of independent targets that `targets` correlated ones are worth, k² / ‖R‖².
[[nodiscard]] inline double effective_targets(double targets, double correlation_norm) {
  return targets * targets / correlation_norm;
}

}  // namespace hsim::analysis::calibration
