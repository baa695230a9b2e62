// A hazard clock holds an Exp(1) budget of integrated hazard. A clock restarted without a budget draws
// it when it first runs, and only then: the draws, and so the due days, are those of a clock given the
// same budget at the restart.

#include <catch2/catch.hpp>

#include <vector>

#include "sim/model/city_state.hpp"

namespace {

using hsim::model::detail::HazardClock;
using hsim::model::detail::never;

struct CountingDraws {
  std::vector<double> budgets;
  std::size_t taken = 0;
  double operator()() { return budgets.at(taken++); }
};

}  // namespace

TEST_CASE("a clock restarted without a budget draws it when it first runs, once", "[unit][model][clock]") {
  CountingDraws draws{{0.8, 2.5}};
  HazardClock clock;
  clock.restart();
  clock.set_rate(0.0, 3.0, [&] { return draws(); });
  CHECK(draws.taken == 0);
  CHECK(clock.due_day(1e9) == never);

  clock.set_rate(0.5, 10.0, [&] { return draws(); });
  REQUIRE(draws.taken == 1);
  CHECK(clock.due_day(1e9) == Approx(10.0 + 0.8 / 0.5));

  // A new rate keeps the hazard still to run: 0.8 - 0.5 * 1 = 0.3 left at day 11.
  clock.set_rate(0.25, 11.0, [&] { return draws(); });
  CHECK(draws.taken == 1);
  CHECK(clock.due_day(1e9) == Approx(11.0 + 0.3 / 0.25));

  // Paused and resumed: the budget left is kept, nothing is drawn.
  clock.set_rate(0.0, 11.4, [&] { return draws(); });
  CHECK(clock.due_day(1e9) == never);
  clock.set_rate(1.0, 20.0, [&] { return draws(); });
  CHECK(draws.taken == 1);
  CHECK(clock.due_day(1e9) == Approx(20.0 + (0.3 - 0.25 * 0.4) / 1.0));
}

TEST_CASE("a clock restarted with a budget never draws", "[unit][model][clock]") {
  CountingDraws draws{{5.0}};
  HazardClock clock;
  clock.restart(1.2);
  clock.set_rate(0.4, 2.0, [&] { return draws(); });
  CHECK(draws.taken == 0);
  CHECK(clock.due_day(1e9) == Approx(2.0 + 1.2 / 0.4));
  CHECK(clock.due_day(4.0) == never);  // due beyond the end of the run
}

TEST_CASE("drawing the budget late gives the due days of drawing it at the restart", "[unit][model][clock]") {
  const std::vector<std::pair<double, double>> rate_changes{{0.0, 1.0}, {0.3, 4.0}, {0.0, 5.5}, {0.7, 9.0}, {0.2, 9.5}};
  CountingDraws draws{{1.7}};
  HazardClock late, early;
  late.restart();
  early.restart(1.7);
  for (const auto& [rate, day] : rate_changes) {
    late.set_rate(rate, day, [&] { return draws(); });
    early.set_rate(rate, day, [] { return -1.0; });
    CHECK(late.due_day(1e9) == early.due_day(1e9));
  }
  CHECK(draws.taken == 1);
}
