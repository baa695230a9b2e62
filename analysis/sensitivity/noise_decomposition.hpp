#pragma once

#include <cstddef>
#include <vector>

namespace hsim::analysis::sensitivity {

// How much of a metric's spread is replicate noise and how much comes from the parameters.
struct NoiseDecomposition {
  double noise_variance = 0.0;      // mean over points of the within-point (between-replicate) variance
  double parameter_variance = 0.0;  // variance over points of the point means
  double noise_share = 0.0;         // noise / (noise + parameter); NaN with a single replicate
  std::size_t replicates = 0;
};

// From each point's mean and replicate standard deviation (NaN when there was one replicate).
NoiseDecomposition decompose_noise(const std::vector<double>& point_means, const std::vector<double>& point_sds,
                                   std::size_t replicates);

}  // namespace hsim::analysis::sensitivity
