#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/design/design.hpp"
#include "analysis/design/parameter_space.hpp"

namespace hsim::analysis::design {

// Full factorial grid over each parameter's levels (see grid_levels); the first parameter varies
// slowest, the last fastest.
class GridDesign : public Design {
 public:
  GridDesign(const std::vector<Parameter>& parameters, std::size_t default_levels);
  [[nodiscard]] std::uint64_t size() const override { return size_; }
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const override;

  // Points of the grid, or 0 when it would exceed `limit`.
  static std::uint64_t count_points(const std::vector<Parameter>& parameters, std::size_t default_levels,
                                    std::uint64_t limit);

 private:
  std::vector<std::vector<double>> levels_;
  std::uint64_t size_ = 1;
};

}  // namespace hsim::analysis::design
