// The shape of tenure: who loses a flat, and when. A mix of steady complaint propensities must make the
// population's hazard of losing a first flat fall with time in it; what a prevented eviction leaves the
// landlord holding must matter only where evictions are prevented.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::small_city;

namespace {
constexpr std::uint64_t seeds = 30;

// Forty entrants in the first year, followed three years, with flats enough for all of them. The team
// does not rehouse, so that every end of a first tenancy is a loss (no moves straight into a next flat).
CityParameters long_follow_up() {
  auto p = small_city();
  p.teams.housing_first.rehouse_after_loss = false;
  p.window.status_date = {2016, 12, 31};
  p.population.intake_by_year = {{2014, 40}};
  p.housing.private_vacancies_for_programme_per_year = 40.0;
  p.teams.housing_first.fte_by_year = {{2014, 6.0}, {2015, 6.0}, {2016, 6.0}};
  return p;
}

struct PairedDifference {
  double mean = 0.0;
  double standard_error = 0.0;
};

PairedDifference paired(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!std::isnan(a[i]) && !std::isnan(b[i])) d.push_back(a[i] - b[i]);
  }
  PairedDifference result;
  if (d.size() < 2) return result;
  for (double x : d) result.mean += x;
  result.mean /= static_cast<double>(d.size());
  double ss = 0.0;
  for (double x : d) ss += (x - result.mean) * (x - result.mean);
  result.standard_error = std::sqrt(ss / static_cast<double>(d.size() - 1) / static_cast<double>(d.size()));
  return result;
}

struct RunPair {
  ReplicateResult a;
  ReplicateResult b;
};

// The same seed under two parameter sets (common random numbers), Housing First.
RunPair run_pair(const CityParameters& a, const CityParameters& b, std::uint64_t seed) {
  return {simulate_replicate(a, PolicyName::housing_first, seed, 0),
          simulate_replicate(b, PolicyName::housing_first, seed, 0)};
}

// Per seed: the chance a first tenancy that lasted a year lasts the second, S(24 m) / S(12 m).
std::vector<double> second_year_survival(const CityParameters& p, std::uint64_t seed_count) {
  std::vector<double> values;
  for (std::uint64_t seed = 1; seed <= seed_count; ++seed) {
    const auto summary = simulate_replicate(p, PolicyName::housing_first, seed, 0).summary;
    const double first = summary[Metric::tenure_survival_12m];
    values.push_back(first > 0.0 ? summary[Metric::tenure_survival_24m] / first : std::nan(""));
  }
  return values;
}
}  // namespace

TEST_CASE("a mix of complaint propensities keeps more first tenancies through their second year",
          "[statistical][model][tenure]") {
  auto alike = long_follow_up();
  auto mixed = long_follow_up();
  mixed.behaviour.disturbance.complaint_propensity_variance = 8.0;
  // Forty entrants give a noisy survival ratio per seed, so this check runs 200 seeds.
  constexpr std::uint64_t survival_seeds = 200;
  const auto difference =
      paired(second_year_survival(mixed, survival_seeds), second_year_survival(alike, survival_seeds));
  INFO("second-year survival, mixed minus alike: " << difference.mean << " (SE " << difference.standard_error << ")");
  // Common random numbers over 200 seeds; three standard errors of the paired difference.
  CHECK(difference.mean > 3.0 * difference.standard_error);
}

TEST_CASE("a tiny propensity variance draws everyone's multiplier at 1", "[unit][model][tenure]") {
  auto alike = long_follow_up();
  auto nearly = long_follow_up();
  nearly.behaviour.disturbance.complaint_propensity_variance = 1e-12;  // gamma of mean 1, sd 1e-6
  std::uint64_t complaints = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto [a, b] = run_pair(alike, nearly, seed);
    CHECK(a.counters.complaints == b.counters.complaints);
    CHECK(a.counters.evictions == b.counters.evictions);
    complaints += a.counters.complaints;
  }
  CHECK(complaints > 0);  // the comparison is not between two empty runs
}

TEST_CASE("what a prevented eviction leaves behind matters only where evictions are prevented",
          "[unit][model][tenure]") {
  auto p = long_follow_up();
  p.teams.housing_first.eviction_prevention_base_share = 0.0;
  p.teams.housing_first.eviction_prevention_capacity_share = 0.0;
  p.teams.ordinary_follow_up.eviction_prevention_share = 0.0;
  auto fresh_start = p;
  fresh_start.behaviour.landlords.warnings_kept_after_prevention_share = 0.0;
  std::uint64_t warnings = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto [a, b] = run_pair(p, fresh_start, seed);
    CHECK(a.counters.cohort_evictions_prevented == 0);
    CHECK(a.counters.evictions == b.counters.evictions);
    CHECK(a.counters.warnings == b.counters.warnings);
    warnings += a.counters.warnings;
  }
  CHECK(warnings > 0);  // landlords did warn, so the share had a record to act on
}

TEST_CASE("a fresh start after a prevented eviction keeps more tenancies than a last warning",
          "[statistical][model][tenure]") {
  auto last_chance = long_follow_up();
  last_chance.teams.housing_first.eviction_prevention_base_share = 0.5;
  auto fresh_start = last_chance;
  fresh_start.behaviour.landlords.warnings_kept_after_prevention_share = 0.0;
  std::vector<double> fresh, last;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto [with_fresh_start, with_last_chance] = run_pair(fresh_start, last_chance, seed);
    fresh.push_back(static_cast<double>(with_fresh_start.counters.evictions));
    last.push_back(static_cast<double>(with_last_chance.counters.evictions));
  }
  const auto difference = paired(last, fresh);
  INFO("evictions, last warning minus fresh start: " << difference.mean << " (SE " << difference.standard_error << ")");
  CHECK(difference.mean > 3.0 * difference.standard_error);
}
