// Heavy-use and psychiatric episodes sleep while they can change nothing (sim/model/episodes.cpp) and
// are brought forward by their transition law when the person moves into a flat, a staircase place that
// records incidents, or a team's care. What they drive (disturbances, complaints, evictions) must be the
// same process as when every episode is drawn; only the events should be fewer.

#include <catch2/catch.hpp>

#include <cmath>

#include "tests/model/event_draws_check.hpp"

namespace {

using hsim::model::CityParameters;
using hsim::model::PolicyName;
using hsim::model::ReplicateResult;
using hsim::model::testing::allowed_standard_errors;
using hsim::model::testing::fewest_minus_all_draws;

// Long, frequent heavy-use episodes that are the only source of disturbances: whether a person moves in
// during an episode decides the first weeks' complaints. Episodes are in progress about three quarters
// of the time (20 a year of 60 days).
CityParameters episode_driven_city() {
  auto p = hsim::model::testing::busy_city();
  p.behaviour.episodes.heavy_use_by_substance_level = {20.0, 20.0, 20.0};
  p.behaviour.episodes.heavy_use_mean_days = 60.0;
  p.behaviour.disturbance.baseline_per_year = 0.0;
  p.behaviour.disturbance.in_episode_per_week = 2.0;
  return p;
}

void check_same_complaints_and_fewer_events(const CityParameters& p, PolicyName policy) {
  hsim::model::testing::check_same_complaints_and_fewer_events(p, policy, 120);
}

}  // namespace

TEST_CASE("episodes that sleep while idle wake by their law and draw fewer events", "[statistical][model][episodes]") {
  SECTION("usual services: the pool sleeps until it finds a flat") {
    check_same_complaints_and_fewer_events(episode_driven_city(), PolicyName::usual_services);
  }
  SECTION("Housing First: entrants wake when the team takes them on") {
    check_same_complaints_and_fewer_events(episode_driven_city(), PolicyName::housing_first);
  }
  SECTION("severity that moves while asleep: each stretch at its own level's rate") {
    auto p = episode_driven_city();
    // Long episodes that start almost only at the high level: one begun before a step down outlasts it.
    p.behaviour.episodes.heavy_use_by_substance_level = {0.2, 0.2, 30.0};
    p.behaviour.episodes.heavy_use_mean_days = 120.0;
    p.behaviour.substance_use = {3.0, 3.0, 3.0, 3.0};
    check_same_complaints_and_fewer_events(p, PolicyName::usual_services);
  }
  SECTION("short stays inside: an episode's state carries through a few days asleep") {
    auto p = episode_driven_city();
    p.behaviour.episodes.heavy_use_by_substance_level = {4.0, 4.0, 4.0};
    p.behaviour.episodes.heavy_use_mean_days = 20.0;
    p.behaviour.spells.treatment_by_substance_level = {8.0, 8.0, 8.0};
    p.behaviour.spells.treatment_mean_days = 3.0;
    check_same_complaints_and_fewer_events(p, PolicyName::usual_services);
  }
  SECTION("a staircase whose staff record incidents: residents wake in their place") {
    auto p = episode_driven_city();
    p.staircase.demotion_probability_per_incident = 0.3;
    const auto demotions = fewest_minus_all_draws(p, PolicyName::staircase, 120, [](const ReplicateResult& r) {
      double count = 0.0;
      for (const auto& spell : r.spells) {
        if (spell.end_reason == hsim::model::EndReason::demotion) count += 1.0;
      }
      return count;
    });
    INFO("demotions: fewest - all drawn " << demotions.mean() << " (se " << demotions.standard_error() << ")");
    CHECK(demotions.standard_error() > 0.0);
    CHECK(std::abs(demotions.mean()) <= allowed_standard_errors * demotions.standard_error());
  }
}
