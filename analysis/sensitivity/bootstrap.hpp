#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hsim::analysis::sensitivity {

struct Estimate {
  double value = 0.0;
  double low = 0.0;  // NaN without bootstrap resamples
  double high = 0.0;
};

// Row indices of bootstrap resample `resample`: n draws with replacement from [0, n), from the stream
// keyed by (seed, resample, purpose bootstrap). The same resamples serve every metric.
std::vector<std::size_t> bootstrap_rows(std::uint64_t seed, std::uint64_t resample, std::size_t n);

// Quantile (linear interpolation between order statistics, R's type 7) of values; sorts them.
double quantile(std::vector<double>& values, double probability);

// The estimate with a 95% percentile interval from its bootstrap replicates (NaN ends when empty).
Estimate percentile_interval(double estimate, std::vector<double> replicates);

}  // namespace hsim::analysis::sensitivity
