// Moving on to the next flat: a Housing First tenant who wants to move, is under notice or is given time to
// leave keeps the flat while a team that rehouses looks for the next one, and a stay in housing runs through
// such moves.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "sim/model/continuous_housing.hpp"
#include "sim/model/observers.hpp"
#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::small_city;

namespace {
constexpr std::uint64_t seeds = 6;

// Forty entrants followed three years, with flats enough for all and moves common.
CityParameters movers(bool team_rehouses) {
  auto p = small_city();
  p.window.status_date = {2016, 12, 31};
  p.population.intake_by_year = {{2014, 40}};
  p.housing.private_vacancies_for_programme_per_year = 80.0;
  p.teams.housing_first.fte_by_year = {{2014, 6.0}, {2015, 6.0}, {2016, 6.0}};
  p.teams.housing_first.rehouse_after_loss = team_rehouses;
  p.behaviour.life.voluntary_move_per_year = 1.0;
  return p;
}

// Cohort tenancies by how they ended, and of those how many were followed by a tenancy of the same person
// beginning that day (a move straight into the next flat).
struct Ends {
  std::map<EndReason, int> all;
  std::map<EndReason, int> moved_straight_on;
};

Ends count_ends(const CityParameters& p) {
  Ends ends;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto result = simulate_replicate(p, PolicyName::housing_first, seed, 0);
    std::map<std::uint32_t, std::vector<double>> starts;
    for (const auto& s : result.spells) {
      if (s.type == SpellType::tenancy) starts[s.person].push_back(s.start_day);
    }
    for (const auto& s : result.spells) {
      if (s.type != SpellType::tenancy || !result.people[s.person].cohort || s.end_reason == EndReason::ongoing) {
        continue;
      }
      ++ends.all[s.end_reason];
      const auto& person_starts = starts[s.person];
      if (std::find(person_starts.begin(), person_starts.end(), s.end_day) != person_starts.end()) {
        ++ends.moved_straight_on[s.end_reason];
      }
    }
  }
  return ends;
}

// Evictions common and all of one kind, no voluntary moves.
CityParameters evicted(bool immediate, double managed_exit_share) {
  auto p = movers(true);
  p.behaviour.life.voluntary_move_per_year = 0.0;
  p.behaviour.disturbance.baseline_per_year = 12.0;
  p.behaviour.disturbance.complaint_probability = 0.9;
  p.teams.housing_first.eviction_prevention_base_share = 0.0;
  p.teams.housing_first.eviction_prevention_capacity_share = 0.0;
  p.behaviour.landlords.immediate_eviction_share = immediate ? 1.0 : 0.0;
  p.teams.housing_first.managed_exit_share = managed_exit_share;
  p.teams.housing_first.search_during_notice = true;
  p.teams.housing_first.managed_exit_days = 30.0;
  return p;
}

SpellRecord tenancy(double start, double end, EndReason reason) {
  SpellRecord s;
  s.type = SpellType::tenancy;
  s.start_day = start;
  s.end_day = end;
  s.end_reason = reason;
  return s;
}
}  // namespace

TEST_CASE("a tenant who wants to move goes straight into the next flat when the team rehouses",
          "[unit][model][tenure]") {
  auto ends = count_ends(movers(true));
  const int moved = ends.all[EndReason::moved_to_next_flat];
  INFO("moved on " << moved << ", voluntary moves to nowhere " << ends.all[EndReason::voluntary_move]);
  CHECK(moved > 20);
  CHECK(ends.moved_straight_on[EndReason::moved_to_next_flat] == moved);
  // Enrolled tenants never end a lease with nowhere to go; only those the team no longer follows can.
  CHECK(ends.all[EndReason::voluntary_move] < moved / 4);
}

TEST_CASE("without a team that rehouses, a tenant who wants to move ends the lease", "[unit][model][tenure]") {
  auto ends = count_ends(movers(false));
  CHECK(ends.all[EndReason::moved_to_next_flat] == 0);
  CHECK(ends.all[EndReason::voluntary_move] > 20);
}

TEST_CASE("under notice, the team looks for the next flat and the tenant can move straight on",
          "[unit][model][tenure]") {
  auto with_team = count_ends(evicted(false, 0.0));
  INFO("notices " << with_team.all[EndReason::eviction_notice] << ", moved straight on "
                  << with_team.moved_straight_on[EndReason::eviction_notice]);
  CHECK(with_team.all[EndReason::eviction_immediate] == 0);
  CHECK(with_team.moved_straight_on[EndReason::eviction_notice] > 10);
  CHECK(with_team.moved_straight_on[EndReason::eviction_notice] < with_team.all[EndReason::eviction_notice]);

  auto without = evicted(false, 0.0);
  without.teams.housing_first.rehouse_after_loss = false;
  auto alone = count_ends(without);
  CHECK(alone.all[EndReason::eviction_notice] > 10);
  CHECK(alone.moved_straight_on[EndReason::eviction_notice] == 0);

  auto not_searching = evicted(false, 0.0);
  not_searching.teams.housing_first.search_during_notice = false;
  auto waits = count_ends(not_searching);
  CHECK(waits.all[EndReason::eviction_notice] > 10);
  CHECK(waits.moved_straight_on[EndReason::eviction_notice] == 0);
}

TEST_CASE("a managed exit gives the tenant time to move, and the team a chance to find the next flat",
          "[unit][model][tenure]") {
  auto month = count_ends(evicted(true, 1.0));
  INFO("managed exits " << month.all[EndReason::managed_exit] << ", moved straight on "
                        << month.moved_straight_on[EndReason::managed_exit]);
  CHECK(month.moved_straight_on[EndReason::managed_exit] > 5);

  auto no_time = evicted(true, 1.0);
  no_time.teams.housing_first.managed_exit_days = 0.0;
  auto at_once = count_ends(no_time);
  CHECK(at_once.all[EndReason::managed_exit] > 10);
  CHECK(at_once.moved_straight_on[EndReason::managed_exit] == 0);
}

TEST_CASE("a stay in housing runs through moves straight into the next flat", "[unit][model][tenure]") {
  std::vector<SpellRecord> spells{
      tenancy(10, 100, EndReason::moved_to_next_flat), tenancy(100, 200, EndReason::eviction_notice),
      tenancy(200, 500, EndReason::eviction_immediate), tenancy(600, 700, EndReason::voluntary_move)};
  CHECK(&last_tenancy_of_stay(spells, spells[0]) == &spells[2]);
  CHECK(&last_tenancy_of_stay(spells, spells[3]) == &spells[3]);
  // A move with no flat starting that day ends the stay where it is.
  spells[1].end_day = 150;
  CHECK(&last_tenancy_of_stay(spells, spells[0]) == &spells[1]);

  SECTION("the summary's tenure survival counts the stay, not the first flat") {
    ReplicateResult result;
    result.status_day = 1000;
    PersonRecord person;
    person.cohort = true;
    person.referral_day = 0;
    person.entry_day = 0;
    PersonRecord stayer = person;
    stayer.id = 1;
    result.people = {person, stayer};
    auto still_housed = tenancy(0, 1000, EndReason::ongoing);
    still_housed.person = 1;
    result.spells = {tenancy(10, 100, EndReason::moved_to_next_flat), tenancy(100, 500, EndReason::eviction_notice),
                     still_housed};
    const auto summary = summarise(result, CountSource::spells);
    // A stay of 490 days ended by a loss beside one still running: both kept at one year, one of two at two.
    CHECK(summary[Metric::tenure_survival_12m] == 1.0);
    CHECK(summary[Metric::tenure_survival_24m] == 0.5);
  }
}
