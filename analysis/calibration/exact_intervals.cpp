#include "analysis/calibration/exact_intervals.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/chi_squared.hpp>

#include <stdexcept>

namespace hsim::analysis::calibration {

Bounds clopper_pearson(double successes, double trials, double level) {
  if (!(trials > 0.0) || successes < 0.0 || successes > trials || !(level > 0.0 && level < 1.0)) {
    throw std::invalid_argument("clopper_pearson: need 0 <= successes <= trials, trials > 0, 0 < level < 1");
  }
  const double alpha = 1.0 - level;
  Bounds bounds{0.0, 1.0};
  if (successes > 0.0) {
    bounds.low =
        boost::math::quantile(boost::math::beta_distribution<double>(successes, trials - successes + 1.0), alpha / 2.0);
  }
  if (successes < trials) {
    bounds.high = boost::math::quantile(boost::math::beta_distribution<double>(successes + 1.0, trials - successes),
                                        1.0 - alpha / 2.0);
  }
  return bounds;
}

Bounds poisson_interval(double count, double level) {
  if (count < 0.0 || !(level > 0.0 && level < 1.0)) {
    throw std::invalid_argument("poisson_interval: need count >= 0 and 0 < level < 1");
  }
  const double alpha = 1.0 - level;
  Bounds bounds{0.0, 0.0};
  if (count > 0.0) {
    bounds.low = boost::math::quantile(boost::math::chi_squared_distribution<double>(2.0 * count), alpha / 2.0) / 2.0;
  }
  bounds.high =
      boost::math::quantile(boost::math::chi_squared_distribution<double>(2.0 * count + 2.0), 1.0 - alpha / 2.0) / 2.0;
  return bounds;
}

double chi_square_upper_tail(double statistic, double degrees_of_freedom) {
  if (!(degrees_of_freedom > 0.0)) throw std::invalid_argument("chi_square_upper_tail: degrees of freedom must be > 0");
  if (statistic <= 0.0) return 1.0;
  return boost::math::cdf(
      boost::math::complement(boost::math::chi_squared_distribution<double>(degrees_of_freedom), statistic));
}

}  // namespace hsim::analysis::calibration
