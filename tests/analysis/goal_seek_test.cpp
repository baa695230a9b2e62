// Goal-seeking on known curves: the smallest lever meeting the probability, to the bisection's width.

#include "analysis/goal_seek.hpp"

#include <catch2/catch.hpp>

using hsim::analysis::seek_smallest_lever;

TEST_CASE("goal-seeking finds where a rising curve crosses the target", "[unit][analysis]") {
  // probability = lever / 10 crosses 0.9 at 9; a grid of 11 points on 0..10 hits it exactly.
  const auto linear = [](double lever) { return lever / 10.0; };
  const auto exact = seek_smallest_lever(linear, 0.0, 10.0, 0.9, 11, 0);
  REQUIRE(exact.smallest);
  CHECK(*exact.smallest == Approx(9.0));
  // A coarse grid and bisections: the answer is within (10 / 3) / 2^6 above the crossing at 7.3.
  const auto step = [](double lever) { return lever >= 7.3 ? 1.0 : 0.0; };
  const auto bisected = seek_smallest_lever(step, 0.0, 10.0, 0.5, 4, 6);
  REQUIRE(bisected.smallest);
  CHECK(*bisected.smallest >= 7.3);
  CHECK(*bisected.smallest <= 7.3 + 10.0 / 3.0 / 64.0);
  CHECK(bisected.curve.size() == 4 + 6);
  for (std::size_t i = 1; i < bisected.curve.size(); ++i) CHECK(bisected.curve[i - 1].lever <= bisected.curve[i].lever);
  // Met at the bottom of the range, and never met.
  CHECK(*seek_smallest_lever(step, 8.0, 10.0, 0.5, 3, 5).smallest == 8.0);
  CHECK_FALSE(seek_smallest_lever(step, 0.0, 5.0, 0.5, 3, 5).smallest);
  CHECK_THROWS(seek_smallest_lever(step, 5.0, 5.0, 0.5, 3, 5));
}
