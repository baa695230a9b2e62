#pragma once

#include <cstdint>
#include <vector>

#include "analysis/design/design.hpp"
#include "analysis/design/parameter_space.hpp"

namespace hsim::analysis::design {

// A random bijection of [0, n) evaluated one index at a time: a balanced Feistel network on the
// smallest even bit width covering n, with cycle walking. Memory does not depend on n.
class KeyedPermutation {
 public:
  KeyedPermutation(std::uint64_t n, std::uint64_t seed, std::uint64_t stream);
  [[nodiscard]] std::uint64_t operator()(std::uint64_t index) const;

 private:
  [[nodiscard]] std::uint64_t network(std::uint64_t value) const;

  std::uint64_t n_;
  std::uint64_t seed_;
  std::uint64_t stream_;
  unsigned half_bits_;
};

// Latin hypercube of n points: in every dimension each of the n strata [j/n, (j+1)/n) holds exactly
// one point, placed uniformly inside its stratum; the strata are matched across dimensions by
// independent keyed permutations.
class LatinHypercubeDesign : public Design {
 public:
  LatinHypercubeDesign(std::vector<Parameter> parameters, std::uint64_t points, std::uint64_t seed);
  [[nodiscard]] std::uint64_t size() const override { return points_; }
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const override;
  // The point in the unit cube before the inverse CDFs.
  [[nodiscard]] std::vector<double> unit_point(std::uint64_t index) const;

 private:
  std::vector<Parameter> parameters_;
  std::uint64_t points_;
  std::uint64_t seed_;
  std::vector<KeyedPermutation> permutations_;
};

}  // namespace hsim::analysis::design
