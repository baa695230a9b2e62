#include <catch2/catch.hpp>

#include <fstream>

#include "sim/scenario/resolved_yaml.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "tests/scenario/scenario_files.hpp"

namespace hsim::scenario {
namespace {

// load -> resolved_yaml -> load gives an equivalent scenario, and writing it again gives the same text.
void check_round_trip(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                      const test::TestFolder& folder) {
  INFO("scenario " << file.string());
  const auto first = load_scenario(file, overrides);
  INFO(first.diagnostics.to_string());
  REQUIRE(first.ok());
  const std::string text = resolved_yaml(*first.scenario);
  const auto resolved_path = folder.path() / (file.stem().string() + ".resolved.yaml");
  {
    std::ofstream out(resolved_path);
    out << text;
  }
  const auto second = load_scenario(resolved_path, {});
  INFO("resolved text:\n" << text << "\n" << second.diagnostics.to_string());
  REQUIRE(second.ok());
  CHECK(equivalent(*first.scenario, *second.scenario));
  CHECK(parameters_equal(first.scenario->parameters(), second.scenario->parameters()));
  const std::string again = resolved_yaml(*second.scenario);
  // Only the header (the file list) may differ.
  CHECK(again.substr(again.find("\nname:")) == text.substr(text.find("\nname:")));
}

TEST_CASE("the test city round-trips through its resolved YAML", "[unit][scenario]") {
  test::TestFolder folder("round_trip_good");
  const auto file = test::source_dir() / "tests/scenario/good/small_city.yaml";
  check_round_trip(file, {}, folder);
  check_round_trip(
      file,
      {"teams.housing_first.caseload_per_fte=3.25", "teams.housing_first.fte_by_year.2016=7", "policy.name=mixed",
       "neighbourhoods.adjacency=[]", "costs.prison_day={value_nok: 2800, payer: correctional_service}"},
      folder);
}

TEST_CASE("the test city holds what its files say", "[unit][scenario]") {
  const auto result = load_scenario(test::source_dir() / "tests/scenario/good/small_city.yaml",
                                    {"teams.housing_first.fte_by_year.2016=7"}, LoadOptions{true});
  INFO(result.diagnostics.to_string());
  REQUIRE(result.ok());
  const auto& scenario = *result.scenario;
  const auto& p = scenario.parameters();
  CHECK(scenario.name() == "small_city");
  CHECK(scenario.files().size() == 2);
  CHECK(p.teams.housing_first.caseload_per_fte == 4.0);     // the extending file wins
  CHECK(p.behaviour.disturbance.baseline_per_year == 2.5);  // from the base file
  CHECK(p.behaviour.landlords.warnings_before_termination == 3);
  CHECK(p.teams.housing_first.fte_by_year == std::map<int, double>{{2014, 6.0}, {2015, 5.5}, {2016, 7.0}});
  CHECK(p.population.intake_by_year == std::map<int, int>{{2014, 22}, {2015, 5}, {2016, 9}});
  CHECK(p.policy.name == model::PolicyName::housing_first);
  CHECK(p.costs.prison_day.payer == model::Payer::correctional_service);
  REQUIRE(p.neighbourhoods.districts.size() == 3);
  CHECK(p.neighbourhoods.districts[0].name == "Årstad");
  CHECK(p.neighbourhoods.districts[1].name == "Sentrum \"indre\"");
  CHECK(p.neighbourhoods.districts[1].private_units == model::DistrictParameters{}.private_units);
  CHECK_FALSE(p.neighbourhoods.districts[1].covered_by_programme);
  CHECK(p.window.start_date == model::CivilDate{2014, 1, 1});

  const ResolvedValue* caseload = scenario.find("teams.housing_first.caseload_per_fte");
  REQUIRE(caseload != nullptr);
  CHECK(caseload->provenance.source == "001:1136-1144");
  CHECK(caseload->origin.line == 30);
  const ResolvedValue* defaulted = scenario.find("housing.vacancy_open_days");
  REQUIRE(defaulted != nullptr);
  CHECK(defaulted->origin_kind == ValueOrigin::default_value);
  CHECK_FALSE(defaulted->provenance.empty());
  const ResolvedValue* fte = scenario.find("teams.housing_first.fte_by_year");
  REQUIRE(fte != nullptr);
  CHECK(fte->origin_kind == ValueOrigin::set_override);
  CHECK(fte->part_provenance.at("2014").source == "001:1103-1111");
}

TEST_CASE("every committed scenario round-trips through its resolved YAML", "[unit][scenario]") {
  test::TestFolder folder("round_trip_committed");
  for (const auto& file : test::committed_scenarios()) check_round_trip(file, {}, folder);
}

}  // namespace
}  // namespace hsim::scenario
