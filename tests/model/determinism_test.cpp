// Determinism: a replicate is a pure function of (parameters, policy, seed, replicate), whatever the
// thread count; and people draw the same life events under both policies (common random numbers).

#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include "sim/model/calendar.hpp"
#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::same_value;
using hsim::model::testing::small_city;

namespace {

void check_identical(const ReplicateResult& a, const ReplicateResult& b) {
  REQUIRE(a.spells.size() == b.spells.size());
  CHECK(a.spells == b.spells);
  CHECK(a.time_series == b.time_series);
  for (std::size_t m = 0; m < metric_count; ++m) CHECK(same_value(a.summary.values[m], b.summary.values[m]));
  CHECK(a.counters.events == b.counters.events);
}

}  // namespace

TEST_CASE("identical results at 1 and 2 threads", "[unit][model][determinism]") {
  for (auto policy : {PolicyName::staircase, PolicyName::housing_first, PolicyName::mixed}) {
    const auto one = simulate_replicate(CityParameters{}, policy, 7, 3, 1);
    const auto two = simulate_replicate(CityParameters{}, policy, 7, 3, 2);
    check_identical(one, two);
    CHECK(two.counters.cross_lp_events > 0);  // the districts really do exchange messages
  }
}

TEST_CASE("identical results at 1 and 2 threads in a city built and counted in parts", "[unit][model][determinism]") {
  const CityParameters large = hsim::model::testing::city_counted_in_parts();
  const auto one = simulate_replicate(large, PolicyName::housing_first, 5, 0, 1);
  const auto two = simulate_replicate(large, PolicyName::housing_first, 5, 0, 2);
  REQUIRE(one.people.size() > 2 * 4096);
  check_identical(one, two);
}

TEST_CASE("the policies of a replicate run on one built city give the results of cities built apart",
          "[unit][model][determinism]") {
  // Under each order, so that every policy is run both on the city built for it and on a copy built for
  // another: the cohort's entry day and the count of entrants depend on the policy.
  const std::vector<std::vector<PolicyName>> orders{
      {PolicyName::housing_first, PolicyName::staircase, PolicyName::usual_services, PolicyName::mixed},
      {PolicyName::staircase, PolicyName::mixed, PolicyName::housing_first, PolicyName::usual_services}};
  const CityParameters city{};
  for (const auto& order : orders) {
    const auto together = simulate_replicate_arms(city, order, 13, 2);
    REQUIRE(together.size() == order.size());
    for (std::size_t arm = 0; arm < order.size(); ++arm) {
      CAPTURE(to_string(order[arm]), arm);
      const auto apart = simulate_replicate(city, order[arm], 13, 2);
      CHECK(together[arm].policy == order[arm]);
      check_identical(together[arm], apart);
      CHECK(together[arm].people == apart.people);
      CHECK(together[arm].costs == apart.costs);
      CHECK(together[arm].counters.entrants == apart.counters.entrants);
      CHECK(together[arm].counters.complaints == apart.counters.complaints);
    }
  }
}

TEST_CASE("the same seed repeats and another seed differs", "[unit][model][determinism]") {
  const auto a = simulate_replicate(small_city(), PolicyName::housing_first, 21, 0);
  const auto b = simulate_replicate(small_city(), PolicyName::housing_first, 21, 0);
  check_identical(a, b);
  const auto c = simulate_replicate(small_city(), PolicyName::housing_first, 22, 0);
  const auto d = simulate_replicate(small_city(), PolicyName::housing_first, 21, 1);
  CHECK(c.spells.size() + d.spells.size() != 2 * a.spells.size());
}

TEST_CASE("people draw the same life events under both policies", "[unit][model][determinism]") {
  // Deaths, prison and treatment stays and severity depend on a person's own streams only; housing
  // changes none of them.
  const auto staircase = simulate_replicate(CityParameters{}, PolicyName::staircase, 31, 0);
  const auto housing_first = simulate_replicate(CityParameters{}, PolicyName::housing_first, 31, 0);
  REQUIRE(staircase.people.size() == housing_first.people.size());
  const auto life_events = [](const ReplicateResult& result) {
    std::multimap<std::uint32_t, std::pair<double, int>> events;
    for (const auto& spell : result.spells) {
      if (!result.people[spell.person].cohort) continue;
      if (spell.type == SpellType::prison || spell.type == SpellType::treatment) {
        events.emplace(spell.person, std::make_pair(spell.start_day, static_cast<int>(spell.type)));
      }
      if (is_location(spell.type) && spell.end_reason == EndReason::death) {
        events.emplace(spell.person, std::make_pair(spell.end_day, -1));
      }
    }
    return events;
  };
  const auto a = life_events(staircase);
  const auto b = life_events(housing_first);
  REQUIRE(a.size() > 5);
  CHECK(a == b);
  // Cohort members never leave the model for policy reasons (city-pool members may find housing on
  // their own and stop being followed), so their time at each severity level is identical.
  for (std::size_t id = 0; id < staircase.people.size(); ++id) {
    if (!staircase.people[id].cohort) continue;
    CHECK(staircase.people[id].days_at_substance_use_level == housing_first.people[id].days_at_substance_use_level);
    CHECK(staircase.people[id].days_at_mental_health_level == housing_first.people[id].days_at_mental_health_level);
  }
}

TEST_CASE("civil dates convert to days and back", "[unit][model][calendar]") {
  CHECK(days_between(CivilDate{2014, 1, 1}, CivilDate{2016, 12, 31}) == 1095);
  CHECK(days_between(CivilDate{2016, 2, 28}, CivilDate{2016, 3, 1}) == 2);
  CHECK(add_days(CivilDate{2013, 11, 1}, 61) == CivilDate{2014, 1, 1});
  CHECK(year_of(CivilDate{2014, 1, 1}, 364.5) == 2014);
  CHECK(year_of(CivilDate{2014, 1, 1}, 365.0) == 2015);
  CHECK(year_of(CivilDate{2014, 1, 1}, -0.5) == 2013);
  CHECK(whole_day(2.7) == 2);
  CHECK(whole_day(-0.5) == -1);
  CHECK(whole_day(-365.0) == -365);  // a whole day before the start is that day, not the one before it
  CHECK(year_of(CivilDate{2014, 1, 1}, -365.0) == 2013);
  CHECK(to_iso_string(CivilDate{2016, 12, 31}) == "2016-12-31");
  CHECK_FALSE(is_valid(CivilDate{2015, 2, 29}));
  CHECK(is_valid(CivilDate{2016, 2, 29}));
}

TEST_CASE("a notice runs whole calendar months from the end of its month", "[unit][model][calendar]") {
  const CivilDate start{2014, 1, 1};
  // Given 15 January 2014: February, March and April, so the tenancy ends as 1 May begins.
  CHECK(notice_expiry_day(start, 14.5, 3) == days_between(start, CivilDate{2014, 5, 1}));
  // Given on the last day of a month, the same three months follow it.
  CHECK(notice_expiry_day(start, 30.0, 3) == days_between(start, CivilDate{2014, 5, 1}));
  // Given on 1 February: March to May.
  CHECK(notice_expiry_day(start, 31.0, 3) == days_between(start, CivilDate{2014, 6, 1}));
  // Across a year's end, and before the window starts (burn-in days are negative).
  CHECK(notice_expiry_day(start, static_cast<double>(days_between(start, CivilDate{2015, 11, 20})), 3) ==
        days_between(start, CivilDate{2016, 3, 1}));
  CHECK(notice_expiry_day(start, -10.0, 3) == days_between(start, CivilDate{2014, 4, 1}));
  // Given at the very start of 1 December 2013 (a whole negative day): December's notice, not November's.
  CHECK(notice_expiry_day(start, -31.0, 3) == days_between(start, CivilDate{2014, 4, 1}));
  CHECK(notice_expiry_day(start, 14.5, 0) == days_between(start, CivilDate{2014, 2, 1}));
}
