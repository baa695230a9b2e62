// An arm reused from the kept results of an earlier run gives what simulating it again gives.

#include "analysis/policy_experiment.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include "tests/model/test_city.hpp"

using namespace hsim;

namespace {

bool same_value(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

TEST_CASE("an arm reused from kept results gives the summary of the arm simulated again", "[unit][experiment]") {
  const model::CityParameters base = model::testing::small_city();
  model::CityParameters more_staff = base;
  for (auto& [year, fte] : more_staff.teams.housing_first.fte_by_year) fte += 2.0;
  const auto policy = model::PolicyName::housing_first;
  analysis::ExperimentSettings settings;
  settings.seed = 3;
  settings.replicates = 6;
  settings.threads = 2;

  std::vector<model::ReplicateResult> kept;
  const auto simulated = analysis::run_arm_experiment(
      {{"baseline", &base, policy, nullptr, &kept}, {"what-if", &more_staff, policy}}, settings, nullptr);
  REQUIRE(kept.size() == settings.replicates);
  for (std::size_t r = 0; r < kept.size(); ++r) CHECK(kept[r].replicate == r);

  const auto reused = analysis::run_arm_experiment(
      {{"baseline", &base, policy, &kept, nullptr}, {"what-if", &more_staff, policy}}, settings, nullptr);
  const auto a = simulated.rows();
  const auto b = reused.rows();
  REQUIRE(a.size() == b.size());
  std::size_t differences = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(a[i].metric << " " << a[i].policy);
    CHECK(a[i].metric == b[i].metric);
    CHECK(a[i].policy == b[i].policy);
    CHECK(same_value(a[i].interval.mean, b[i].interval.mean));
    CHECK(same_value(a[i].interval.low, b[i].interval.low));
    CHECK(same_value(a[i].interval.high, b[i].interval.high));
    if (a[i].policy == "what-if-baseline" && a[i].interval.mean != 0.0) ++differences;
  }
  CHECK(differences > 0);  // the arms really differ, so a swapped or shifted replicate would show

  // Reused results of other replicates would pair the wrong people: the summary must change.
  std::vector<model::ReplicateResult> shifted(kept.begin() + 1, kept.end());
  shifted.push_back(kept.front());
  const auto mispaired = analysis::run_arm_experiment(
      {{"baseline", &base, policy, &shifted, nullptr}, {"what-if", &more_staff, policy}}, settings, nullptr);
  bool any_change = false;
  const auto c = mispaired.rows();
  for (std::size_t i = 0; i < a.size(); ++i)
    any_change = any_change || !same_value(a[i].interval.low, c[i].interval.low);
  CHECK(any_change);
}

TEST_CASE("threads that replicates side by side would leave idle go inside each replicate of a large city",
          "[unit][experiment]") {
  using hsim::analysis::people_worth_threads;
  using hsim::analysis::threads_inside_each_replicate;
  const double large = people_worth_threads;
  CHECK(threads_inside_each_replicate(2, 1, 0, large) == 2);    // one large run on two threads gets both
  CHECK(threads_inside_each_replicate(8, 3, 0, large) == 2);    // three replicates side by side, two threads each
  CHECK(threads_inside_each_replicate(2, 2, 0, large) == 1);    // every thread already runs a replicate
  CHECK(threads_inside_each_replicate(2, 200, 0, large) == 1);  // the usual case
  CHECK(threads_inside_each_replicate(1, 1, 0, large) == 1);
  CHECK(threads_inside_each_replicate(2, 1, 0, large - 1.0) == 1);  // a small city is not faster on two threads
  CHECK(threads_inside_each_replicate(2, 200, 3, 10.0) == 3);       // an explicit request is kept
  CHECK(threads_inside_each_replicate(4, 1, 1, large) == 1);
}
