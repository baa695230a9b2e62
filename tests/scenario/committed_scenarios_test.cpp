#include <catch2/catch.hpp>

#include "sim/scenario/scenario_loader.hpp"
#include "tests/scenario/scenario_files.hpp"

namespace hsim::scenario {
namespace {

TEST_CASE("every committed scenario validates", "[unit][scenario]") {
  for (const auto& file : test::committed_scenarios()) {
    INFO("scenario " << file.string());
    const auto result = load_scenario(file, {});
    INFO(result.diagnostics.to_string());
    CHECK(result.ok());
  }
}

TEST_CASE("city scenarios cite a source or an assumption for every value they set", "[unit][scenario]") {
  for (const auto& file : test::committed_scenarios()) {
    if (!test::is_city_file(file)) continue;
    INFO("city " << file.string());
    const auto result = load_scenario(file, {}, LoadOptions{.require_provenance = true});
    INFO(result.diagnostics.to_string());
    CHECK(result.ok());
  }
}

}  // namespace
}  // namespace hsim::scenario
