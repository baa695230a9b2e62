#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/design/design.hpp"
#include "analysis/design/parameter_space.hpp"

namespace hsim::analysis::design {

// Sobol' low-discrepancy points in Gray-code order, with the Joe and Kuo (2008) direction numbers, 32
// bits per coordinate. Point 0 is the origin. An optional random digital shift (each coordinate's
// bits XORed with a word drawn from a stream keyed by the seed) keeps the equidistribution of the
// sequence while making the points random.
class SobolSequence {
 public:
  static constexpr std::size_t max_dimensions = 32;
  static constexpr std::uint64_t max_points = std::uint64_t{1} << 32;

  explicit SobolSequence(std::size_t dimensions, std::optional<std::uint64_t> shift_seed = std::nullopt);

  [[nodiscard]] std::size_t dimensions() const noexcept { return directions_.size(); }
  // Coordinates of point `index` (< max_points), each in [0, 1).
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const;

 private:
  std::vector<std::array<std::uint32_t, 32>> directions_;  // V_1..V_32 scaled by 2^32
  std::vector<std::uint32_t> shifts_;
};

// A sweep design taking the first `points` Sobol' points through the parameters' inverse CDFs.
class SobolDesign : public Design {
 public:
  SobolDesign(std::vector<Parameter> parameters, std::uint64_t points, std::optional<std::uint64_t> shift_seed);
  [[nodiscard]] std::uint64_t size() const override { return points_; }
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const override;

 private:
  std::vector<Parameter> parameters_;
  std::uint64_t points_;
  SobolSequence sequence_;
};

}  // namespace hsim::analysis::design
