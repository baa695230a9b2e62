// Monotonicity under common random numbers: the same seeds, the same people, one input changed.
// Checked on results averaged over a fixed set of seeds, since a single replicate may go either way.

#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::mean_metric;
using hsim::model::testing::small_city;

namespace {
constexpr std::uint64_t seeds = 30;

// Enough flats that staff, not housing supply, limits the team.
CityParameters with_fte(double fte) {
  auto p = small_city();
  p.housing.private_vacancies_for_programme_per_year = 40.0;
  p.teams.housing_first.fte_by_year = {{2014, fte}, {2015, fte}};
  return p;
}

// Mean over the fixed seeds of one whole-run count, e.g. &ObservedCounts::evictions.
double mean_count(const CityParameters& p, PolicyName policy, std::uint64_t ObservedCounts::*count) {
  double sum = 0.0;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    sum += static_cast<double>(simulate_replicate(p, policy, seed, 0).counters.*count);
  }
  return sum / static_cast<double>(seeds);
}
}  // namespace

// The share is among entrants. Below 2.4 FTE (caseload cap 12) the team cannot take all twelve
// referrals, so the denominator changes with staff too; these levels all take everyone, and extra
// staff work through free capacity for eviction prevention.
TEST_CASE("more Housing First staff never lowers the share in ordinary housing", "[statistical][model][monotonicity]") {
  double previous = -1.0;
  for (double fte : {2.5, 3.5, 5.0, 8.0}) {
    const double share =
        mean_metric(with_fte(fte), PolicyName::housing_first, Metric::in_ordinary_housing_share, seeds);
    INFO("fte " << fte << ": mean in_ordinary_housing_share " << share);
    CHECK(share >= previous);
    previous = share;
  }
}

TEST_CASE("more Housing First staff never lowers the cohort's housed count", "[statistical][model][monotonicity]") {
  double previous = -1.0;
  for (double fte : {0.5, 1.0, 2.0, 3.0}) {
    const auto p = with_fte(fte);
    double housed = 0.0;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      housed += simulate_replicate(p, PolicyName::housing_first, seed, 0).time_series.back().cohort_in_ordinary_housing;
    }
    INFO("fte " << fte << ": cohort members in ordinary housing, summed over seeds " << housed);
    CHECK(housed >= previous);
    previous = housed;
  }
}

TEST_CASE("usual services house more of the cohort than the strict staircase", "[statistical][model][monotonicity]") {
  const auto p = small_city();
  const double staircase = mean_metric(p, PolicyName::staircase, Metric::ever_housed_share, seeds);
  const double usual = mean_metric(p, PolicyName::usual_services, Metric::ever_housed_share, seeds);
  INFO("ever housed: staircase " << staircase << ", usual services " << usual);
  CHECK(usual > staircase);
}

TEST_CASE("more Housing First staff never lowers the number of entrants", "[statistical][model][monotonicity]") {
  double previous = -1.0;
  for (double fte : {0.5, 1.0, 2.0, 3.0}) {
    const double entrants = mean_metric(with_fte(fte), PolicyName::housing_first, Metric::entrants, seeds);
    INFO("fte " << fte << ": mean entrants " << entrants);
    CHECK(entrants >= previous);
    previous = entrants;
  }
}

// Staff time per participant, not only the intake cap, acts: with the cap out of reach every staff level
// takes the same twelve entrants, and retention rises with staff and flattens (diminishing returns).
// Disturbance is raised so that terminations, which staff time prevents, are common in the small city.
TEST_CASE("at fixed intake, retention rises with Housing First staff and flattens",
          "[statistical][model][monotonicity]") {
  const double levels[] = {0.5, 1.0, 2.0, 4.0, 8.0};
  std::vector<std::vector<double>> by_seed(std::size(levels));  // still_in_first_flat_share per seed
  for (std::size_t i = 0; i < std::size(levels); ++i) {
    auto p = with_fte(levels[i]);
    p.teams.housing_first.caseload_per_fte = 100.0;
    p.behaviour.disturbance.baseline_per_year = 12.0;
    p.behaviour.disturbance.complaint_probability = 0.9;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      by_seed[i].push_back(
          simulate_replicate(p, PolicyName::housing_first, seed, 0).summary[Metric::still_in_first_flat_share]);
    }
  }
  const auto mean = [](const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  };
  for (std::size_t i = 1; i < std::size(levels); ++i) {
    INFO("fte " << levels[i - 1] << " -> " << levels[i] << ": " << mean(by_seed[i - 1]) << " -> " << mean(by_seed[i]));
    CHECK(mean(by_seed[i]) >= mean(by_seed[i - 1]));
  }
  // The paired gain from the least to the most staff exceeds twice its standard error over the seeds.
  std::vector<double> gain(seeds);
  for (std::size_t k = 0; k < seeds; ++k) gain[k] = by_seed.back()[k] - by_seed.front()[k];
  const double gain_mean = mean(gain);
  double squares = 0.0;
  for (double g : gain) squares += (g - gain_mean) * (g - gain_mean);
  const double standard_error = std::sqrt(squares / static_cast<double>(seeds - 1) / static_cast<double>(seeds));
  INFO("gain " << gain_mean << " +- " << standard_error);
  CHECK(gain_mean > 2.0 * standard_error);
  // A doubling at the bottom buys more than a doubling at the top.
  CHECK(mean(by_seed[1]) - mean(by_seed[0]) > mean(by_seed[4]) - mean(by_seed[3]));
}

namespace {
// Evictions under both policies never fall as one landlord tolerance, set by `set_tolerance`, falls
// through `tolerances` (given from most to least tolerant).
template <typename SetTolerance>
void check_evictions_rise_as_tolerance_falls(const std::string& name, std::initializer_list<double> tolerances,
                                             SetTolerance set_tolerance) {
  for (auto policy : {PolicyName::staircase, PolicyName::housing_first}) {
    double previous = -1.0;
    for (double tolerance : tolerances) {
      auto p = small_city();
      set_tolerance(p.behaviour.landlords, tolerance);
      const double evictions = mean_count(p, policy, &ObservedCounts::evictions);
      INFO(to_string(policy) << ", " << name << ' ' << tolerance << ": mean evictions " << evictions);
      CHECK(evictions >= previous);
      previous = evictions;
    }
  }
}
}  // namespace

TEST_CASE("less tolerant landlords never evict less", "[statistical][model][monotonicity]") {
  check_evictions_rise_as_tolerance_falls(
      "complaints before warning", {8.0, 4.0, 2.0, 1.0},
      [](LandlordParameters& l, double v) { l.complaints_before_warning_mean = v; });
}

TEST_CASE("a more tolerant municipal housing service never evicts more", "[statistical][model][monotonicity]") {
  check_evictions_rise_as_tolerance_falls(
      "municipal tolerance factor", {8.0, 4.0, 2.0, 1.0},
      [](LandlordParameters& l, double v) { l.municipal_complaints_before_warning_factor = v; });
}

TEST_CASE("Housing First keeps more of the cohort housed than the staircase", "[statistical][model][monotonicity]") {
  const auto p = small_city();
  const double staircase = mean_metric(p, PolicyName::staircase, Metric::stably_housed_days_share, seeds);
  const double housing_first = mean_metric(p, PolicyName::housing_first, Metric::stably_housed_days_share, seeds);
  INFO("stably housed days: staircase " << staircase << ", housing_first " << housing_first);
  CHECK(housing_first > staircase);
}

TEST_CASE("neighbourhood pressure never lowers complaints", "[statistical][model][monotonicity]") {
  SECTION("clustering programme tenants") {
    double previous = -1.0;
    for (double penalty : {0.0, 0.2, 1.0}) {
      auto p = small_city();
      p.neighbourhoods.clustering_penalty_share = penalty;
      const double complaints = mean_count(p, PolicyName::housing_first, &ObservedCounts::complaints);
      INFO("clustering penalty " << penalty << ": mean complaints " << complaints);
      CHECK(complaints >= previous);
      previous = complaints;
    }
  }
  SECTION("less tolerant neighbours") {
    double previous = -1.0;
    for (double tolerance : {2.0, 1.0, 0.5}) {
      auto p = small_city();
      for (auto& district : p.neighbourhoods.districts) district.complaint_tolerance = tolerance;
      const double complaints = mean_count(p, PolicyName::staircase, &ObservedCounts::complaints);
      INFO("complaint tolerance " << tolerance << ": mean complaints " << complaints);
      CHECK(complaints >= previous);
      previous = complaints;
    }
  }
  SECTION("drug scene spilling over") {
    double previous = -1.0;
    for (double spillover : {0.0, 0.5, 1.0}) {
      auto p = small_city();
      p.neighbourhoods.drug_scene_spillover_share = spillover;
      const double complaints = mean_count(p, PolicyName::housing_first, &ObservedCounts::complaints);
      INFO("spill-over " << spillover << ": mean complaints " << complaints);
      CHECK(complaints >= previous);
      previous = complaints;
    }
  }
}
