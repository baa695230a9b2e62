// A planner's --add: an amount added to a number, or to every year of a by-year map, as --set overrides.

#include "sim/scenario/lever.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

#include "sim/scenario/scenario_loader.hpp"

namespace {

const std::string mini_city = std::string(HSIM_SOURCE_DIR) + "/tests/cli/fixtures/mini_city.yaml";

}  // namespace

TEST_CASE("adding an amount (--add) gives the overrides of the new values", "[unit][scenario]") {
  const auto base = hsim::scenario::load_scenario_or_throw(mini_city, {});
  using hsim::scenario::added_value_overrides;
  const auto team = added_value_overrides(base, "teams.housing_first.fte_by_year=2");
  REQUIRE(team.size() == 2);
  CHECK(team[0] == "teams.housing_first.fte_by_year.2014=5");
  CHECK(team[1] == "teams.housing_first.fte_by_year.2015=5");
  const auto fewer = added_value_overrides(base, "teams.housing_first.fte_by_year=-0.5");
  CHECK(fewer[0] == "teams.housing_first.fte_by_year.2014=2.5");
  const auto variant = hsim::scenario::load_scenario_or_throw(mini_city, team);
  CHECK(variant.parameters().teams.housing_first.fte_by_year.at(2015) == 5.0);
  CHECK_THROWS_AS(added_value_overrides(base, "teams.housing_first.fte_by_year"), std::invalid_argument);
  CHECK_THROWS_AS(added_value_overrides(base, "teams.housing_first.fte_by_year=two"), std::invalid_argument);
  CHECK_THROWS_AS(added_value_overrides(base, "policy.name=1"), std::invalid_argument);
  CHECK_THROWS_AS(added_value_overrides(base, "no.such.key=1"), std::invalid_argument);
}
