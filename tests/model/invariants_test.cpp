// Invariants: the run-time checker (on with HSIM_CHECKS) passes on a range of cities, and the
// records themselves show no person in two places, no unit with two tenants and caseloads within caps.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "sim/model/parameter_checks.hpp"
#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::small_city;

namespace {

void check_records(const ReplicateResult& result) {
  // Location spells of one person follow one another without overlap; tenancy spells of one unit too.
  std::map<std::uint32_t, std::vector<const SpellRecord*>> by_person;
  std::map<std::int32_t, std::vector<const SpellRecord*>> by_unit;
  for (const auto& spell : result.spells) {
    REQUIRE(spell.start_day <= spell.end_day);
    if (is_location(spell.type)) by_person[spell.person].push_back(&spell);
    if (spell.type == SpellType::tenancy) by_unit[spell.unit].push_back(&spell);
  }
  for (auto& [person, spells] : by_person) {
    for (std::size_t i = 1; i < spells.size(); ++i) {
      INFO("person " << person);
      CHECK(spells[i]->start_day == spells[i - 1]->end_day);  // contiguous: always somewhere, never twice
    }
  }
  for (auto& [unit, spells] : by_unit) {
    INFO("unit " << unit);
    CHECK(spells.size() == 1);  // a flat is let once in a run
  }
  for (const auto& row : result.time_series) {
    CHECK(row.housing_first_caseload <= std::max(row.housing_first_capacity, 30));
    CHECK(row.cohort_in_ordinary_housing <= row.cohort_entered);
  }
}

}  // namespace

TEST_CASE("invariants hold across policies and cities", "[unit][model][invariants]") {
  std::vector<CityParameters> cities{small_city(), CityParameters{}};
  auto no_rehousing = small_city();
  no_rehousing.teams.housing_first.rehouse_after_loss = false;
  no_rehousing.housing.private_vacancies_for_programme_per_year = 0.0;
  cities.push_back(no_rehousing);
  auto tight = small_city();
  tight.staircase.shelter_places = 1;
  tight.staircase.temporary_accommodation_places = 0;
  tight.staircase.training_flat_places = 1;
  tight.welfare.rent_secured = false;
  tight.population.intake_rule = IntakeRule::waiting_list;
  tight.population.entry_route = {0.2, 0.2, 0.2, 0.2, 0.2};
  cities.push_back(tight);
  auto sampled = CityParameters{};
  sampled.city.simulated_pool_share = 0.5;
  cities.push_back(sampled);
  for (const auto& city : cities) {
    for (auto policy : {PolicyName::staircase, PolicyName::housing_first, PolicyName::mixed}) {
      INFO("policy " << to_string(policy));
      ReplicateResult result;
      REQUIRE_NOTHROW(result = simulate_replicate(city, policy, 3, 1));
      check_records(result);
    }
  }
}

TEST_CASE("bad parameters are refused with their key path", "[unit][model][invariants]") {
  auto p = small_city();
  p.population.entry_route.street_or_friends_share = 0.9;
  p.neighbourhoods.adjacency.push_back({"inner", "nowhere"});
  const auto problems = check_parameters(p);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].key_path == "population.entry_route");
  CHECK(problems[1].key_path == "neighbourhoods.adjacency[1].to");
  CHECK_THROWS_AS(simulate_replicate(p, PolicyName::staircase, 1, 0), std::invalid_argument);
  CHECK(check_parameters(CityParameters{}).empty());
  CHECK(check_parameters(small_city()).empty());
}
