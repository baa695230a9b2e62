#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/calibration/exact_intervals.hpp"

using hsim::analysis::calibration::chi_square_upper_tail;
using hsim::analysis::calibration::clopper_pearson;
using hsim::analysis::calibration::poisson_interval;

// Published values: Clopper & Pearson (1934) / Newcombe (1998, Stat Med 17:857, Table I) for 5 of 10
// and 0 of 10; docs/calibration-targets.md (three decimals) for the Bergen and Drammen targets.
TEST_CASE("Clopper-Pearson intervals match published values", "[unit][calibration]") {
  const auto half = clopper_pearson(5, 10, 0.95);
  CHECK(half.low == Approx(0.1871).margin(5e-5));
  CHECK(half.high == Approx(0.8129).margin(5e-5));

  const auto none = clopper_pearson(0, 10, 0.95);
  CHECK(none.low == 0.0);
  CHECK(none.high == Approx(1.0 - std::pow(0.025, 0.1)).epsilon(1e-10));  // closed form, 0.3085
  CHECK(none.high == Approx(0.3085).margin(5e-5));

  const auto all = clopper_pearson(10, 10, 0.95);
  CHECK(all.high == 1.0);
  CHECK(all.low == Approx(std::pow(0.025, 0.1)).epsilon(1e-10));

  const auto bergen_same_flat = clopper_pearson(15, 36, 0.95);
  CHECK(bergen_same_flat.low == Approx(0.255).margin(5e-4));
  CHECK(bergen_same_flat.high == Approx(0.592).margin(5e-4));
  const auto drammen_evicted = clopper_pearson(9, 53, 0.95);
  CHECK(drammen_evicted.low == Approx(0.081).margin(5e-4));
  CHECK(drammen_evicted.high == Approx(0.298).margin(5e-4));

  const auto wide = clopper_pearson(15, 36, 0.99);
  CHECK(wide.low < bergen_same_flat.low);
  CHECK(wide.high > bergen_same_flat.high);
  CHECK_THROWS_AS(clopper_pearson(11, 10, 0.95), std::invalid_argument);
}

// Exact Poisson limits as tabulated by Garwood (1936) and in Ulm (1990, Am J Epidemiol 131:373).
TEST_CASE("Poisson intervals match published values", "[unit][calibration]") {
  const auto zero = poisson_interval(0, 0.95);
  CHECK(zero.low == 0.0);
  CHECK(zero.high == Approx(3.689).margin(5e-4));
  const auto one = poisson_interval(1, 0.95);
  CHECK(one.low == Approx(0.0253).margin(5e-5));
  CHECK(one.high == Approx(5.572).margin(5e-4));
  const auto ten = poisson_interval(10, 0.95);
  CHECK(ten.low == Approx(4.795).margin(5e-4));
  CHECK(ten.high == Approx(18.390).margin(5e-4));
  const auto ten_99 = poisson_interval(10, 0.99);
  CHECK(ten_99.low == Approx(3.717).margin(1e-3));
  CHECK(ten_99.high == Approx(21.40).margin(5e-3));
}

TEST_CASE("chi-square upper tail matches table critical values", "[unit][calibration]") {
  CHECK(chi_square_upper_tail(3.841459, 1) == Approx(0.05).margin(1e-6));
  CHECK(chi_square_upper_tail(6.634897, 1) == Approx(0.01).margin(1e-6));
  CHECK(chi_square_upper_tail(18.307038, 10) == Approx(0.05).margin(1e-6));
  CHECK(chi_square_upper_tail(43.772972, 30) == Approx(0.05).margin(1e-6));
  CHECK(chi_square_upper_tail(2.0, 2) == Approx(std::exp(-1.0)).epsilon(1e-10));  // df 2: exp(-x/2)
  CHECK(chi_square_upper_tail(0.0, 5) == 1.0);
  CHECK_THROWS_AS(chi_square_upper_tail(1.0, 0), std::invalid_argument);
}
