#include "analysis/sensitivity/noise_decomposition.hpp"

#include <cmath>

#include "analysis/running_statistics.hpp"

namespace hsim::analysis::sensitivity {

NoiseDecomposition decompose_noise(const std::vector<double>& point_means, const std::vector<double>& point_sds,
                                   std::size_t replicates) {
  NoiseDecomposition result;
  result.replicates = replicates;
  RunningStatistics means;
  for (double mean : point_means) means.add(mean);
  result.parameter_variance = means.variance();
  if (replicates < 2) {
    result.noise_variance = NAN;
    result.noise_share = NAN;
    return result;
  }
  RunningStatistics within;
  for (double sd : point_sds) within.add(sd * sd);
  result.noise_variance = within.mean();
  const double total = result.noise_variance + result.parameter_variance;
  result.noise_share = total > 0.0 ? result.noise_variance / total : 0.0;
  return result;
}

}  // namespace hsim::analysis::sensitivity
