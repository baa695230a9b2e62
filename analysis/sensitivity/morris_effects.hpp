#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/sensitivity/bootstrap.hpp"
#include "analysis/sensitivity/morris_design.hpp"

namespace hsim::analysis::sensitivity {

struct MorrisMeasures {
  Estimate mu;       // mean elementary effect
  Estimate mu_star;  // mean absolute elementary effect (Campolongo et al. 2007)
  Estimate sigma;    // standard deviation of the elementary effects
};

// Elementary effects (change in output per unit-cube step delta) from outputs in the design's point
// order, one set of measures per parameter; 95% percentile intervals by resampling trajectories.
std::vector<MorrisMeasures> estimate_morris_measures(const MorrisDesign& design, const std::vector<double>& outputs,
                                                     std::size_t parameters, std::size_t bootstrap, std::uint64_t seed);

}  // namespace hsim::analysis::sensitivity
