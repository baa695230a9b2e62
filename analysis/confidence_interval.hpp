#pragma once

#include <cstddef>

#include "analysis/running_statistics.hpp"

namespace hsim::analysis {

struct Interval {
  double mean = 0.0;
  double low = 0.0;
  double high = 0.0;
  std::size_t replicates = 0;
};

// Two-sided Student-t interval for the mean over replicates. With one replicate (or none) the
// interval collapses to the mean: there is no spread to estimate it from.
Interval mean_interval(const RunningStatistics& statistics, double confidence = 0.95);

// The interval cut to [lowest, highest], for quantities that cannot leave that range (shares, their
// differences): with few replicates the t interval of a share can reach below 0 or above 1.
Interval truncated(Interval interval, double lowest, double highest);

// Quantile of Student's t distribution with the given degrees of freedom.
double student_t_quantile(double probability, double degrees_of_freedom);

// Interval for the ratio of two means, mean(numerator) / mean(denominator), by the delta method
// from paired replicates; `covariance` is the sample covariance of the pairs. Not a number when the
// denominator's mean is zero.
Interval ratio_interval(const RunningStatistics& numerator, const RunningStatistics& denominator, double covariance,
                        double confidence = 0.95);

}  // namespace hsim::analysis
