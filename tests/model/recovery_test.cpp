// Distribution recovery: with many people, simulated durations and severity-level occupancy match
// the inputs and the stationary distribution of the severity chains (computed with Eigen), within
// k standard errors.

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/model/calendar.hpp"
#include "sim/model/run.hpp"
#include "sim/model/severity.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;

namespace {

constexpr double k = 4.0;  // standard errors allowed

struct MeanAndError {
  double mean = 0.0;
  double standard_error = 0.0;
  std::size_t n = 0;
};

MeanAndError mean_and_error(const std::vector<double>& values) {
  MeanAndError result;
  result.n = values.size();
  if (values.size() < 2) return result;
  double sum = 0.0;
  for (double v : values) sum += v;
  result.mean = sum / static_cast<double>(values.size());
  double squares = 0.0;
  for (double v : values) squares += (v - result.mean) * (v - result.mean);
  result.standard_error =
      std::sqrt(squares / static_cast<double>(values.size() - 1) / static_cast<double>(values.size()));
  return result;
}

// A large, closed pool: nobody arrives, leaves or dies, so everyone is observed the whole window.
CityParameters closed_large_pool() {
  auto p = testing::small_city();
  p.window.burn_in_days = 0.0;
  p.window.status_date = {2016, 12, 31};
  p.population.intake_by_year.clear();
  p.city.initial_homeless_count = 3000;
  p.city.homelessness_inflow_per_year = 0.0;
  p.behaviour.life.mortality_by_substance_level = {};
  p.behaviour.life.move_away_per_year = 0.0;
  p.behaviour.life.self_resolved_housing_per_year = 0.0;
  return p;
}

LevelShares as_shares(const Eigen::Vector3d& pi) {
  return {pi(0), pi(1), pi(2)};
}

}  // namespace

TEST_CASE("stationary distribution solves pi Q = 0", "[unit][model][recovery]") {
  const SeverityChain chain{0.8, 0.6, 0.4, 0.6};
  const Eigen::Vector3d pi = stationary_distribution(chain);
  CHECK(pi.sum() == Approx(1.0));
  const Eigen::RowVector3d balance = pi.transpose() * generator_matrix(chain);
  CHECK(balance.cwiseAbs().maxCoeff() < 1e-12);
  // Birth-death chain: detailed balance pi_0 * up_0 = pi_1 * down_1.
  CHECK(pi(0) * chain.worsen_low_to_medium_per_year == Approx(pi(1) * chain.improve_medium_to_low_per_year));
}

TEST_CASE("severity-level occupancy matches the stationary distribution", "[statistical][model][recovery]") {
  auto p = closed_large_pool();
  const Eigen::Vector3d substance_pi = stationary_distribution(p.behaviour.substance_use);
  const Eigen::Vector3d mental_pi = stationary_distribution(p.behaviour.mental_health);
  // Start in the stationary distribution: then the expected share of time at each level is pi.
  p.city.substance_use_level = as_shares(substance_pi);
  p.city.mental_health_level = as_shares(mental_pi);
  const auto result = simulate_replicate(p, PolicyName::staircase, 11, 0);
  for (int level = 0; level < 3; ++level) {
    std::vector<double> substance_share;
    std::vector<double> mental_share;
    for (const auto& person : result.people) {
      double substance_total = 0.0;
      double mental_total = 0.0;
      for (int l = 0; l < 3; ++l) {
        substance_total += person.days_at_substance_use_level[static_cast<std::size_t>(l)];
        mental_total += person.days_at_mental_health_level[static_cast<std::size_t>(l)];
      }
      REQUIRE(substance_total == Approx(result.status_day).epsilon(1e-9));
      substance_share.push_back(person.days_at_substance_use_level[static_cast<std::size_t>(level)] / substance_total);
      mental_share.push_back(person.days_at_mental_health_level[static_cast<std::size_t>(level)] / mental_total);
    }
    const auto substance = mean_and_error(substance_share);
    const auto mental = mean_and_error(mental_share);
    INFO("level " << level << ": substance " << substance.mean << " vs " << substance_pi(level) << " (se "
                  << substance.standard_error << "), mental " << mental.mean << " vs " << mental_pi(level));
    CHECK(std::abs(substance.mean - substance_pi(level)) < k * substance.standard_error);
    CHECK(std::abs(mental.mean - mental_pi(level)) < k * mental.standard_error);
  }
}

TEST_CASE("treatment and prison stays last as long as their input means", "[statistical][model][recovery]") {
  auto p = closed_large_pool();
  p.behaviour.spells.treatment_mean_days = 45.0;
  p.behaviour.spells.prison_mean_days = 75.0;
  const auto result = simulate_replicate(p, PolicyName::staircase, 12, 0);
  // Stays that began in the first half of the window: censoring at its end is negligible
  // (P(duration > 548 days) < 1e-3 for these means).
  const double cutoff = result.status_day / 2.0;
  std::vector<double> treatment;
  std::vector<double> prison;
  for (const auto& spell : result.spells) {
    if (spell.start_day < 0.0 || spell.start_day >= cutoff || spell.end_reason != EndReason::released) continue;
    if (spell.type == SpellType::treatment) treatment.push_back(spell.end_day - spell.start_day);
    if (spell.type == SpellType::prison) prison.push_back(spell.end_day - spell.start_day);
  }
  const auto t = mean_and_error(treatment);
  const auto q = mean_and_error(prison);
  INFO("treatment " << t.mean << " +- " << t.standard_error << " (n " << t.n << "), prison " << q.mean << " +- "
                    << q.standard_error << " (n " << q.n << ")");
  REQUIRE(t.n > 200);
  REQUIRE(q.n > 200);
  CHECK(std::abs(t.mean - 45.0) < k * t.standard_error);
  CHECK(std::abs(q.mean - 75.0) < k * q.standard_error);
}

TEST_CASE("prison stays start at the input rate per person-year outside", "[statistical][model][recovery]") {
  auto p = closed_large_pool();
  // One severity level for everyone, held fixed, so the rate is a single number.
  p.city.substance_use_level = {0.0, 0.0, 1.0};
  p.behaviour.substance_use = {0.0, 0.0, 0.0, 0.0};
  p.behaviour.spells.prison_by_substance_level = {0.0, 0.0, 0.5};
  const auto result = simulate_replicate(p, PolicyName::staircase, 13, 0);
  double exposure_years = 0.0;
  double starts = 0.0;
  for (const auto& spell : result.spells) {
    if (!is_location(spell.type)) continue;
    const double from = std::max(0.0, spell.start_day);
    const double days = std::max(0.0, spell.end_day - from);
    if (spell.type != SpellType::prison && spell.type != SpellType::treatment) exposure_years += days / days_per_year;
    if (spell.type == SpellType::prison && spell.start_day > 0.0) starts += 1.0;
  }
  // Poisson count: standard error sqrt(starts) / exposure.
  const double rate = starts / exposure_years;
  const double standard_error = std::sqrt(starts) / exposure_years;
  INFO("rate " << rate << " +- " << standard_error << " from " << starts << " stays");
  CHECK(std::abs(rate - 0.5) < k * standard_error);
}
