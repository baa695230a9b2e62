#include "analysis/confidence_interval.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hsim::analysis {

double student_t_quantile(double probability, double degrees_of_freedom) {
  const boost::math::students_t distribution(degrees_of_freedom);
  return boost::math::quantile(distribution, probability);
}

Interval truncated(Interval interval, double lowest, double highest) {
  if (!std::isnan(interval.low)) interval.low = std::clamp(interval.low, lowest, highest);
  if (!std::isnan(interval.high)) interval.high = std::clamp(interval.high, lowest, highest);
  return interval;
}

Interval mean_interval(const RunningStatistics& statistics, double confidence) {
  Interval interval;
  interval.mean = statistics.mean();
  interval.replicates = statistics.count();
  if (statistics.count() == 0) {
    interval.mean = interval.low = interval.high = std::numeric_limits<double>::quiet_NaN();
    return interval;
  }
  if (statistics.count() < 2) {
    interval.low = interval.high = interval.mean;
    return interval;
  }
  const double t = student_t_quantile(0.5 + confidence / 2.0, static_cast<double>(statistics.count() - 1));
  const double half_width = t * statistics.standard_error();
  interval.low = interval.mean - half_width;
  interval.high = interval.mean + half_width;
  return interval;
}

Interval ratio_interval(const RunningStatistics& numerator, const RunningStatistics& denominator, double covariance,
                        double confidence) {
  Interval interval;
  interval.replicates = numerator.count();
  if (denominator.mean() == 0.0) {
    interval.mean = interval.low = interval.high = std::numeric_limits<double>::quiet_NaN();
    return interval;
  }
  const double ratio = numerator.mean() / denominator.mean();
  interval.mean = ratio;
  if (numerator.count() < 2) {
    interval.low = interval.high = ratio;
    return interval;
  }
  const double n = static_cast<double>(numerator.count());
  const double variance = (numerator.variance() - 2.0 * ratio * covariance + ratio * ratio * denominator.variance()) /
                          (n * denominator.mean() * denominator.mean());
  const double t = student_t_quantile(0.5 + confidence / 2.0, n - 1.0);
  const double half_width = t * std::sqrt(std::max(variance, 0.0));
  interval.low = ratio - half_width;
  interval.high = ratio + half_width;
  return interval;
}

}  // namespace hsim::analysis
