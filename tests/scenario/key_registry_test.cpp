#include "sim/scenario/key_registry.hpp"

#include <catch2/catch.hpp>

#include <type_traits>

#include "sim/scenario/scenario_loader.hpp"
#include "tests/scenario/test_folder.hpp"

namespace hsim::scenario {
namespace {

bool within(const NumericRange& range, double value) {
  return range.contains(value);
}

TEST_CASE("every declared default satisfies its own declaration", "[unit][scenario]") {
  for (const auto& key : scenario_keys().keys()) {
    INFO(key.path);
    CHECK_FALSE(key.description.empty());
    CHECK_FALSE((key.source.empty() && key.assumption.empty()));
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::int64_t>) {
            CHECK(within(key.range, static_cast<double>(value)));
          } else if constexpr (std::is_same_v<T, double>) {
            CHECK(within(key.range, value));
          } else if constexpr (std::is_same_v<T, YearIntegers> || std::is_same_v<T, YearReals>) {
            for (const auto& [year, entry] : value) CHECK(within(key.range, static_cast<double>(entry)));
          } else if constexpr (std::is_same_v<T, std::string>) {
            if (key.kind == ValueKind::choice) {
              bool listed = false;
              for (const auto& choice : key.choices) listed = listed || choice.name == value;
              CHECK(listed);
            }
          }
        },
        key.default_value);
  }
}

// Binding a value and reading it back gives the same value, so every key reaches its own field.
TEST_CASE("every key binds to the field it reads", "[unit][scenario]") {
  for (const auto& key : scenario_keys().keys()) {
    INFO(key.path);
    Value changed = key.default_value;
    std::visit(
        [&](auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::int64_t>) {
            value = value > static_cast<std::int64_t>(*key.range.minimum) ? value - 1 : value + 1;
          } else if constexpr (std::is_same_v<T, double>) {
            value = value > *key.range.minimum ? value / 2 : value + 0.5;
          } else if constexpr (std::is_same_v<T, bool>) {
            value = !value;
          } else if constexpr (std::is_same_v<T, std::string>) {
            value = key.kind == ValueKind::choice ? key.choices.back().name : value + "x";
            if (key.kind == ValueKind::choice && value == std::get<std::string>(key.default_value)) {
              value = key.choices.front().name;
            }
          } else if constexpr (std::is_same_v<T, model::CivilDate>) {
            value = model::add_days(value, 1);
          } else if constexpr (std::is_same_v<T, YearIntegers> || std::is_same_v<T, YearReals>) {
            value[1999] = 1;
          } else if constexpr (std::is_same_v<T, RecordList>) {
            value.records.pop_back();
          }
        },
        changed);
    REQUIRE_FALSE(changed == key.default_value);
    model::CityParameters parameters;
    key.bind(parameters, changed);
    CHECK(key.read(parameters) == changed);
    CHECK_FALSE(parameters_equal(parameters, model::CityParameters{}));
  }
}

TEST_CASE("the complete support scenario validates with defaults for everything else", "[unit][scenario]") {
  const auto result = load_scenario(test::source_dir() / "tests/scenario/bad/support/complete.yaml", {});
  INFO(result.diagnostics.to_string());
  CHECK(result.ok());
}

TEST_CASE("sections and keys are distinct and found by path", "[unit][scenario]") {
  const auto& keys = scenario_keys();
  CHECK(keys.is_section("teams"));
  CHECK(keys.is_section("teams.housing_first"));
  CHECK_FALSE(keys.is_section("teams.housing_first.caseload_per_fte"));
  REQUIRE(keys.find("teams.housing_first.caseload_per_fte") != nullptr);
  CHECK(keys.find("teams.housing_first.caseload_per_fte")->kind == ValueKind::real);
  CHECK(keys.find("population.intake_by_year")->kind == ValueKind::integer_by_year);
  CHECK(keys.find("policy.name")->kind == ValueKind::choice);
  CHECK(keys.find("population.female_share")->range.maximum == 1.0);
  CHECK(keys.find("teams") == nullptr);
}

}  // namespace
}  // namespace hsim::scenario
