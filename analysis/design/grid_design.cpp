#include "analysis/design/grid_design.hpp"

#include <stdexcept>

namespace hsim::analysis::design {

GridDesign::GridDesign(const std::vector<Parameter>& parameters, std::size_t default_levels) {
  for (const auto& parameter : parameters) {
    levels_.push_back(grid_levels(parameter, default_levels));
    if (levels_.back().empty()) throw std::invalid_argument("grid: parameter " + parameter.key + " has no levels");
    size_ *= levels_.back().size();
  }
}

std::vector<double> GridDesign::point(std::uint64_t index) const {
  if (index >= size_) throw std::out_of_range("grid: point index out of range");
  std::vector<double> values(levels_.size());
  for (std::size_t d = levels_.size(); d-- > 0;) {
    const std::uint64_t count = levels_[d].size();
    values[d] = levels_[d][index % count];
    index /= count;
  }
  return values;
}

std::uint64_t GridDesign::count_points(const std::vector<Parameter>& parameters, std::size_t default_levels,
                                       std::uint64_t limit) {
  std::uint64_t count = 1;
  for (const auto& parameter : parameters) {
    const std::uint64_t levels =
        parameter.is_list() ? parameter.values.size() : (parameter.levels > 0 ? parameter.levels : default_levels);
    if (levels == 0 || count > limit / levels) return 0;
    count *= levels;
  }
  return count;
}

}  // namespace hsim::analysis::design
