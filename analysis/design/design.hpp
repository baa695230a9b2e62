#pragma once

#include <cstdint>
#include <vector>

namespace hsim::analysis::design {

// A finite, ordered set of parameter points with random access, so a run can start (or resume) at any
// point without holding the whole design in memory.
class Design {
 public:
  virtual ~Design() = default;
  [[nodiscard]] virtual std::uint64_t size() const = 0;
  // Parameter values of point `index` (< size()), in the order the parameters were declared.
  [[nodiscard]] virtual std::vector<double> point(std::uint64_t index) const = 0;
};

}  // namespace hsim::analysis::design
