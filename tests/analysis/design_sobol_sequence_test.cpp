#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <vector>

#include "analysis/design/sobol_sequence.hpp"

using hsim::analysis::design::SobolSequence;

TEST_CASE("Sobol sequence reproduces Joe and Kuo's first points", "[unit][design]") {
  // First eight points of dimensions 1 to 3 as printed by Joe and Kuo's reference generator (sobol.cc)
  // with new-joe-kuo-6.21201, Gray-code order, point 0 the origin.
  const std::vector<std::vector<double>> published{{0.0, 0.0, 0.0},       {0.5, 0.5, 0.5},       {0.75, 0.25, 0.25},
                                                   {0.25, 0.75, 0.75},    {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125},
                                                   {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  const SobolSequence sequence(3);
  for (std::size_t i = 0; i < published.size(); ++i) {
    const auto point = sequence.point(i);
    for (std::size_t d = 0; d < 3; ++d) {
      INFO("point " << i << " dimension " << d + 1);
      CHECK(point[d] == published[i][d]);
    }
  }
}

TEST_CASE("Every dimension of the first 2^m Sobol points fills each dyadic interval once", "[unit][design]") {
  const SobolSequence sequence(SobolSequence::max_dimensions);
  constexpr std::uint64_t count = 256;
  for (std::size_t d = 0; d < SobolSequence::max_dimensions; ++d) {
    std::set<std::uint64_t> cells;
    for (std::uint64_t i = 0; i < count; ++i) cells.insert(static_cast<std::uint64_t>(sequence.point(i)[d] * count));
    INFO("dimension " << d + 1);
    CHECK(cells.size() == count);
  }
}

TEST_CASE("Two-dimensional projections of Sobol points are (0, m, 2) nets for the first dimensions", "[unit][design]") {
  // Dimensions 1 and 2 of the first 2^m points put one point in every elementary 2^-a x 2^-(m-a) box.
  const SobolSequence sequence(2);
  constexpr unsigned m = 6;
  for (unsigned a = 0; a <= m; ++a) {
    std::set<std::pair<std::uint64_t, std::uint64_t>> boxes;
    for (std::uint64_t i = 0; i < (1U << m); ++i) {
      const auto p = sequence.point(i);
      boxes.insert({static_cast<std::uint64_t>(p[0] * (1U << a)), static_cast<std::uint64_t>(p[1] * (1U << (m - a)))});
    }
    CHECK(boxes.size() == (1U << m));
  }
}

TEST_CASE("A digital shift keeps the stratification and depends only on the seed", "[unit][design]") {
  const SobolSequence plain(4);
  const SobolSequence shifted(4, 99);
  const SobolSequence same(4, 99);
  const SobolSequence other(4, 100);
  constexpr std::uint64_t count = 128;
  bool differs = false;
  for (std::size_t d = 0; d < 4; ++d) {
    std::set<std::uint64_t> cells;
    for (std::uint64_t i = 0; i < count; ++i) {
      const double x = shifted.point(i)[d];
      cells.insert(static_cast<std::uint64_t>(x * count));
      CHECK(x == same.point(i)[d]);
      differs = differs || x != other.point(i)[d] || x != plain.point(i)[d];
    }
    CHECK(cells.size() == count);
  }
  CHECK(differs);
}

TEST_CASE("Sobol sequence refuses dimensions it has no direction numbers for", "[unit][design]") {
  CHECK_THROWS_AS(SobolSequence(0), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(SobolSequence::max_dimensions + 1), std::invalid_argument);
}
