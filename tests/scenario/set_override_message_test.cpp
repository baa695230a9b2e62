// What a refused --set says: the override named by its start, not echoed whole, and split mappings explained.

#include <catch2/catch.hpp>

#include <string>

#include "sim/scenario/scenario_loader.hpp"

namespace {

const std::string mini_city = std::string(HSIM_SOURCE_DIR) + "/tests/cli/fixtures/mini_city.yaml";

std::string refusal(const std::string& override_text) {
  const auto loaded = hsim::scenario::load_scenario(mini_city, {override_text});
  REQUIRE_FALSE(loaded.ok());
  return loaded.diagnostics.to_string();
}

}  // namespace

TEST_CASE("a refused 130,000-character --set is named by its start and its length, in a short message", "[unit]") {
  const std::string value(130'000, 'x');
  const std::string message = refusal("teams.housing_first.caseload_per_fte=" + value);
  CHECK(message.size() < 1000);
  CHECK_THAT(message, Catch::Contains("--set teams.housing_first.caseload_per_fte=xxx"));
  CHECK_THAT(message, Catch::Contains("(130037 characters)"));
  CHECK_THAT(message, Catch::Contains("expected a number above 0"));
}

TEST_CASE("a short refused --set is echoed whole", "[unit]") {
  const std::string message = refusal("teams.housing_first.caseload_per_fte=-1");
  CHECK_THAT(message, Catch::Contains("--set teams.housing_first.caseload_per_fte=-1: error"));
}
