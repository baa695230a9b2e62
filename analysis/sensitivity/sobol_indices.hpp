#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/sensitivity/bootstrap.hpp"

namespace hsim::analysis::sensitivity {

struct SecondOrderEstimate {
  std::size_t first = 0;
  std::size_t second = 0;
  Estimate estimate;
};

struct SobolIndices {
  std::vector<Estimate> first_order;              // S_i, Saltelli et al. (2010)
  std::vector<Estimate> total;                    // S_Ti, Jansen (1999)
  std::vector<SecondOrderEstimate> second_order;  // S_ij for i < j, when the design has B_A^i
};

// Sobol' indices from model outputs laid out as SaltelliDesign lists its points (`outputs` has
// base_rows * stride values), with 95% percentile bootstrap intervals from `bootstrap` resamples of
// the base rows.
SobolIndices estimate_sobol_indices(const std::vector<double>& outputs, std::size_t parameters, std::size_t base_rows,
                                    bool second_order, std::size_t bootstrap, std::uint64_t seed);

}  // namespace hsim::analysis::sensitivity
