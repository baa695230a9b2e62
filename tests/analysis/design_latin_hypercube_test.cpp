#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "analysis/design/latin_hypercube.hpp"

using hsim::analysis::design::KeyedPermutation;
using hsim::analysis::design::LatinHypercubeDesign;
using hsim::analysis::design::Parameter;

namespace {
std::vector<Parameter> unit_parameters(std::size_t count) {
  std::vector<Parameter> parameters(count);
  for (std::size_t i = 0; i < count; ++i) parameters[i].key = "x" + std::to_string(i + 1);
  return parameters;
}
}  // namespace

TEST_CASE("Keyed permutation is a bijection for awkward sizes", "[unit][design]") {
  for (std::uint64_t n : {1ULL, 2ULL, 3ULL, 7ULL, 64ULL, 65ULL, 1000ULL}) {
    const KeyedPermutation permutation(n, 42, 0);
    std::set<std::uint64_t> images;
    for (std::uint64_t i = 0; i < n; ++i) images.insert(permutation(i));
    INFO("n = " << n);
    CHECK(images.size() == n);
    CHECK(*images.rbegin() == n - 1);
  }
}

TEST_CASE("Latin hypercube has exactly one point per stratum in every dimension", "[unit][design]") {
  constexpr std::uint64_t n = 97;
  const LatinHypercubeDesign design(unit_parameters(5), n, 2026);
  std::vector<std::set<std::uint64_t>> strata(5);
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto point = design.unit_point(i);
    for (std::size_t d = 0; d < 5; ++d) {
      REQUIRE(point[d] >= 0.0);
      REQUIRE(point[d] < 1.0);
      strata[d].insert(static_cast<std::uint64_t>(point[d] * static_cast<double>(n)));
    }
  }
  for (std::size_t d = 0; d < 5; ++d) CHECK(strata[d].size() == n);
}

TEST_CASE("Latin hypercube points depend on the seed only, and dimensions are not aligned", "[unit][design]") {
  const LatinHypercubeDesign first(unit_parameters(2), 50, 1);
  const LatinHypercubeDesign again(unit_parameters(2), 50, 1);
  const LatinHypercubeDesign other(unit_parameters(2), 50, 2);
  int same_stratum = 0;
  bool seed_matters = false;
  for (std::uint64_t i = 0; i < 50; ++i) {
    const auto p = first.unit_point(i);
    CHECK(p == again.unit_point(i));
    seed_matters = seed_matters || p != other.unit_point(i);
    if (static_cast<int>(p[0] * 50) == static_cast<int>(p[1] * 50)) ++same_stratum;
  }
  CHECK(seed_matters);
  // Independent permutations agree at about one index; all 50 would mean the dimensions are copies.
  CHECK(same_stratum < 10);
}
