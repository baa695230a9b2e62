#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/design/design.hpp"
#include "analysis/design/parameter_space.hpp"

namespace hsim::analysis::sensitivity {

// One Morris (1991) trajectory in the unit cube: k + 1 points on a p-level grid, each moving one
// factor by +-delta from the one before, factors in random order.
struct MorrisTrajectory {
  std::vector<double> start;       // unit coordinates of the first point
  std::vector<std::size_t> order;  // factor moved at step s + 1
  std::vector<int> direction;      // per factor: +1 or -1
};

// r trajectories over p levels (p even, delta = p / (2 (p - 1))); point t (k + 1) + s is step s of
// trajectory t. Each trajectory is drawn from the stream keyed by (seed, trajectory).
class MorrisDesign : public design::Design {
 public:
  MorrisDesign(std::vector<design::Parameter> parameters, std::uint64_t trajectories, std::size_t levels,
               std::uint64_t seed);
  [[nodiscard]] std::uint64_t size() const override { return trajectories_ * (parameters_.size() + 1); }
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const override;
  [[nodiscard]] std::vector<double> unit_point(std::uint64_t index) const;

  [[nodiscard]] MorrisTrajectory trajectory(std::uint64_t index) const;
  [[nodiscard]] double delta() const noexcept;
  [[nodiscard]] std::uint64_t trajectories() const noexcept { return trajectories_; }

 private:
  std::vector<design::Parameter> parameters_;
  std::uint64_t trajectories_;
  std::size_t levels_;
  std::uint64_t seed_;
};

}  // namespace hsim::analysis::sensitivity
