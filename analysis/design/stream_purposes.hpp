#pragma once

#include <cstdint>

namespace hsim::analysis::design {

// The `purpose` word of the random-stream keys used by designs and sensitivity analysis, so that no
// two uses of the same (seed, replicate, entity) ever share draws.
enum class StreamPurpose : std::uint64_t {
  sobol_shift = 0x5e0'0001,
  latin_permutation = 0x5e0'0002,
  latin_jitter = 0x5e0'0003,
  morris_trajectory = 0x5e0'0004,
  bootstrap = 0x5e0'0005,
  analytic_noise = 0x5e0'0006,
  analytic_coefficients = 0x5e0'0007,
};

constexpr std::uint64_t purpose_word(StreamPurpose purpose) {
  return static_cast<std::uint64_t>(purpose);
}

}  // namespace hsim::analysis::design
