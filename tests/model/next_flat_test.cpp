// Moving on to the next flat: a Housing First tenant who wants to move keeps the flat while a team that
// rehouses looks for the next one, and a stay in housing runs through such moves.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
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

struct Ends {
  int moved_on = 0;                    // tenancies ended by a move straight into the next flat
  int moved_on_without_next_flat = 0;  // ... where no tenancy of that person began the same day
  int voluntary_moves = 0;             // tenancies the tenant ended with nowhere to go
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
      if (s.type != SpellType::tenancy || !result.people[s.person].cohort) continue;
      if (s.end_reason == EndReason::voluntary_move) ++ends.voluntary_moves;
      if (s.end_reason != EndReason::moved_to_next_flat) continue;
      ++ends.moved_on;
      const auto& person_starts = starts[s.person];
      if (std::find(person_starts.begin(), person_starts.end(), s.end_day) == person_starts.end()) {
        ++ends.moved_on_without_next_flat;
      }
    }
  }
  return ends;
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

TEST_CASE("a tenant who wants to move goes straight into the next flat when the team rehouses", "[model][tenure]") {
  const Ends ends = count_ends(movers(true));
  INFO("moved on " << ends.moved_on << ", voluntary moves to nowhere " << ends.voluntary_moves);
  CHECK(ends.moved_on > 20);
  CHECK(ends.moved_on_without_next_flat == 0);
  // Enrolled tenants never end a lease with nowhere to go; only those the team no longer follows can.
  CHECK(ends.voluntary_moves < ends.moved_on / 4);
}

TEST_CASE("without a team that rehouses, a tenant who wants to move ends the lease", "[model][tenure]") {
  const Ends ends = count_ends(movers(false));
  CHECK(ends.moved_on == 0);
  CHECK(ends.voluntary_moves > 20);
}

TEST_CASE("a stay in housing runs through moves straight into the next flat", "[model][tenure]") {
  std::vector<SpellRecord> spells{
      tenancy(10, 100, EndReason::moved_to_next_flat), tenancy(100, 200, EndReason::moved_to_next_flat),
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
