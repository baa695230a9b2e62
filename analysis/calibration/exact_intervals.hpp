#pragma once

// Exact intervals for an observed count and the chi-square tail probability used by the fit report.

namespace hsim::analysis::calibration {

struct Bounds {
  double low = 0.0;
  double high = 0.0;
  [[nodiscard]] bool contains(double value) const { return low <= value && value <= high; }
};

// Clopper-Pearson interval for a share from `successes` of `trials` at confidence `level` (e.g. 0.95).
// `successes` may be fractional when a source prints only a percentage (Beta quantiles accept it).
[[nodiscard]] Bounds clopper_pearson(double successes, double trials, double level);

// Exact (Garwood) interval for the mean of a Poisson count.
[[nodiscard]] Bounds poisson_interval(double count, double level);

// P(X >= statistic) for X chi-square with `degrees_of_freedom` (> 0).
[[nodiscard]] double chi_square_upper_tail(double statistic, double degrees_of_freedom);

}  // namespace hsim::analysis::calibration
