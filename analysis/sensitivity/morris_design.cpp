#include "analysis/sensitivity/morris_design.hpp"

#include <numeric>
#include <stdexcept>

#include "analysis/design/stream_purposes.hpp"
#include "sim/engine/distributions.hpp"

namespace hsim::analysis::sensitivity {

MorrisDesign::MorrisDesign(std::vector<design::Parameter> parameters, std::uint64_t trajectories, std::size_t levels,
                           std::uint64_t seed)
    : parameters_(std::move(parameters)), trajectories_(trajectories), levels_(levels), seed_(seed) {
  if (levels_ < 2 || levels_ % 2 != 0) throw std::invalid_argument("Morris design: levels must be even and >= 2");
  if (parameters_.empty()) throw std::invalid_argument("Morris design: no parameters");
}

double MorrisDesign::delta() const noexcept {
  return static_cast<double>(levels_) / (2.0 * static_cast<double>(levels_ - 1));
}

MorrisTrajectory MorrisDesign::trajectory(std::uint64_t index) const {
  const std::size_t k = parameters_.size();
  engine::RandomStream stream(
      engine::StreamKey{seed_, index, 0, design::purpose_word(design::StreamPurpose::morris_trajectory)});
  MorrisTrajectory trajectory;
  const std::size_t half = levels_ / 2;
  const double spacing = 1.0 / static_cast<double>(levels_ - 1);
  for (std::size_t i = 0; i < k; ++i) {
    // A level in the lower half, so that the point delta (= half levels) above it is still on the grid.
    const auto level = static_cast<double>(engine::uniform_index(stream, half));
    const int direction = engine::bernoulli(stream, 0.5) ? 1 : -1;
    trajectory.start.push_back(direction > 0 ? level * spacing : level * spacing + delta());
    trajectory.direction.push_back(direction);
  }
  trajectory.order.resize(k);
  std::iota(trajectory.order.begin(), trajectory.order.end(), std::size_t{0});
  for (std::size_t i = k; i > 1; --i) {  // Fisher-Yates
    const auto j = static_cast<std::size_t>(engine::uniform_index(stream, i));
    std::swap(trajectory.order[i - 1], trajectory.order[j]);
  }
  return trajectory;
}

std::vector<double> MorrisDesign::unit_point(std::uint64_t index) const {
  const std::size_t k = parameters_.size();
  const MorrisTrajectory t = trajectory(index / (k + 1));
  const std::size_t step = static_cast<std::size_t>(index % (k + 1));
  std::vector<double> unit = t.start;
  for (std::size_t s = 0; s < step; ++s) {
    const std::size_t factor = t.order[s];
    unit[factor] += t.direction[factor] * delta();
  }
  return unit;
}

std::vector<double> MorrisDesign::point(std::uint64_t index) const {
  return design::map_unit_point(parameters_, unit_point(index));
}

}  // namespace hsim::analysis::sensitivity
