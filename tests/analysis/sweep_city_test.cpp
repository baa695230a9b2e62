#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "analysis/sensitivity/sensitivity_runner.hpp"
#include "analysis/sweep/city_evaluator.hpp"
#include "analysis/sweep/sweep_runner.hpp"
#include "sim/model/metrics.hpp"
#include "sim/model/run.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "tests/analysis/sweep_test_support.hpp"

namespace fs = std::filesystem;
using hsim::analysis::sweep::CityEvaluator;

namespace {

// A folder holding a copy of the small test city in city/ and the spec in specs/spec.yaml, so that the
// spec names its base scenario by a path relative to its own folder.
struct CitySpecFolder {
  hsim::test::TemporaryFolder folder;
  fs::path spec_file;

  CitySpecFolder(const std::string& name, const std::string& spec_text) : folder(name) {
    fs::create_directories(folder.path() / "city");
    fs::create_directories(folder.path() / "specs");
    fs::copy_file(fs::path(HSIM_SOURCE_DIR) / "tests/cli/fixtures/mini_city.yaml",
                  folder.path() / "city" / "mini_city.yaml");
    spec_file = folder.path() / "specs" / "spec.yaml";
    std::ofstream(spec_file) << spec_text;
  }
};

const std::string two_parameters =
    "model: city\n"
    "base_scenario: ../city/mini_city.yaml\n"
    "parameters:\n"
    "  - {key: behaviour.disturbance.complaint_probability, range: [0.1, 0.8]}\n"
    "  - {key: teams.housing_first.eviction_prevention_base_share, range: [0.05, 0.6]}\n";

struct Built {
  std::optional<hsim::analysis::sweep::SweepSpec> spec;
  std::unique_ptr<hsim::analysis::sweep::PointEvaluator> evaluator;
  hsim::scenario::Diagnostics diagnostics;
};

Built build(const fs::path& spec_file) {
  Built built;
  built.spec = hsim::analysis::sweep::read_sweep_spec(spec_file, built.diagnostics);
  if (built.spec) {
    built.evaluator = hsim::analysis::sweep::evaluator_registry_with_city().make(*built.spec, built.diagnostics);
  }
  return built;
}

Built build_or_fail(const fs::path& spec_file) {
  Built built = build(spec_file);
  INFO(built.diagnostics.to_string());
  REQUIRE(built.evaluator);
  return built;
}

bool same_number(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

TEST_CASE("A city sweep gives byte-identical files at one and two threads", "[regression][sweep][city]") {
  CitySpecFolder setup("city_sweep_threads", two_parameters +
                                                 "design: {type: sobol_sequence, points: 6}\n"
                                                 "replicates: 2\n"
                                                 "metrics: [in_ordinary_housing_share, evictions, "
                                                 "cost_per_person_year_nok]\n"
                                                 "policies: [housing_first, staircase]\n"
                                                 "seed: 17\n");
  const Built built = build_or_fail(setup.spec_file);
  const fs::path out = setup.folder.path() / "out";
  for (const unsigned threads : {1U, 2U}) {
    hsim::analysis::sweep::RunOptions options;
    options.out = out / std::to_string(threads);
    options.threads = threads;
    hsim::analysis::sweep::run_sweep(*built.spec, *built.evaluator, options);
  }
  for (const std::string name : {"points.csv", "results.csv", "aggregated.csv"}) {
    INFO(name);
    CHECK(hsim::test::read_whole_file(out / "1" / name) == hsim::test::read_whole_file(out / "2" / name));
  }
  const auto rows = hsim::test::read_csv_rows(out / "1" / "results.csv");
  REQUIRE(rows.size() == 6 * 2 * 2 * 3);
  // The parameters reach the model: not every point gives the same cost.
  std::set<std::string> costs;
  for (const auto& row : rows) {
    if (row.at("metric") == "cost_per_person_year_nok" && row.at("policy") == "housing_first")
      costs.insert(row.at("value"));
  }
  CHECK(costs.size() > 1);
}

TEST_CASE("City Sobol indices are byte-identical at one and two threads", "[regression][sweep][city]") {
  CitySpecFolder setup("city_sobol_threads", two_parameters +
                                                 "replicates: 2\n"
                                                 "metrics: [evictions, cost_per_person_year_nok]\n"
                                                 "policies: [default, staircase]\n"
                                                 "seed: 5\n"
                                                 "sensitivity: {samples: 8, bootstrap: 20}\n");
  const Built built = build_or_fail(setup.spec_file);
  const fs::path out = setup.folder.path() / "out";
  for (const unsigned threads : {1U, 2U}) {
    hsim::analysis::sensitivity::SensitivityOptions options;
    options.run.out = out / std::to_string(threads);
    options.run.threads = threads;
    options.method = hsim::analysis::sensitivity::Method::sobol;
    std::ostringstream console;
    hsim::analysis::sensitivity::run_sensitivity(*built.spec, *built.evaluator, options, console);
  }
  for (const std::string name : {"results.csv", "indices.csv", "variance.csv"}) {
    INFO(name);
    CHECK(hsim::test::read_whole_file(out / "1" / name) == hsim::test::read_whole_file(out / "2" / name));
  }
  // N (k + 2) = 8 x 4 points, 2 replicates, 2 policies, 2 metrics.
  CHECK(hsim::test::read_csv_rows(out / "1" / "results.csv").size() == 32 * 2 * 2 * 2);
}

TEST_CASE("A city point gives the metrics of a direct run with the same overrides", "[regression][sweep][city]") {
  CitySpecFolder setup("city_direct", two_parameters + "seed: 3\n");
  const Built built = build_or_fail(setup.spec_file);
  const auto* city = dynamic_cast<const CityEvaluator*>(built.evaluator.get());
  REQUIRE(city != nullptr);

  const std::vector<double> point{0.6125, 0.1};
  const auto overrides = city->set_overrides(point);
  REQUIRE(overrides == std::vector<std::string>{"behaviour.disturbance.complaint_probability=0.6125",
                                                "teams.housing_first.eviction_prevention_base_share=0.1"});
  const auto loaded = hsim::scenario::load_scenario(setup.folder.path() / "city" / "mini_city.yaml", overrides);
  INFO(loaded.diagnostics.to_string());
  REQUIRE(loaded.ok());

  hsim::scenario::Diagnostics problems;
  const auto applied = city->parameters_at(point, problems);
  REQUIRE(applied);
  CHECK(hsim::scenario::parameters_equal(*applied, loaded.scenario->parameters()));
  CHECK_FALSE(hsim::scenario::parameters_equal(*applied, city->base().parameters()));

  const std::uint64_t seed = 11;
  const std::uint64_t replicate = 3;
  for (const auto policy : {hsim::model::PolicyName::housing_first, hsim::model::PolicyName::staircase}) {
    // Sweeps draw every disturbance (common random numbers across points), so the direct run does too.
    const auto direct = hsim::model::simulate_replicate(loaded.scenario->parameters(), policy, seed, replicate, 1,
                                                        hsim::model::EventDraws::all);
    const auto swept = built.evaluator->evaluate(point, seed, replicate, std::string(hsim::model::to_string(policy)));
    REQUIRE(swept.size() == hsim::model::metric_count);
    for (std::size_t m = 0; m < swept.size(); ++m) {
      INFO(hsim::model::metric_declarations[m].name << " under " << hsim::model::to_string(policy));
      CHECK(same_number(swept[m], direct.summary.values[m]));
    }
  }
  // `default` is the base scenario's own policy (housing_first in the test city).
  const auto as_default = built.evaluator->evaluate(point, seed, replicate, "default");
  const auto as_named = built.evaluator->evaluate(point, seed, replicate, "housing_first");
  for (std::size_t m = 0; m < as_default.size(); ++m) CHECK(same_number(as_default[m], as_named[m]));
}

TEST_CASE("An unknown scenario key in a city spec is a located error with a suggestion", "[unit][sweep][city]") {
  CitySpecFolder setup("city_unknown_key",
                       "model: city\n"
                       "base_scenario: ../city/mini_city.yaml\n"
                       "parameters:\n"
                       "  - {key: behaviour.disturbance.complaint_probability, range: [0.1, 0.8]}\n"
                       "  - {key: behaviour.disturbance.complaint_probabilty, range: [0.1, 0.8]}\n"
                       "  - {key: teams.housing_first, range: [0, 1]}\n"
                       "seed: 1\n");
  const Built built = build(setup.spec_file);
  CHECK_FALSE(built.evaluator);
  const std::string text = built.diagnostics.to_string();
  INFO(text);
  CHECK(built.diagnostics.size() == 2);
  CHECK_THAT(text, Catch::Contains("spec.yaml:5:") &&
                       Catch::Contains("parameters.1.key: found 'behaviour.disturbance.complaint_probabilty', not a "
                                       "scenario key") &&
                       Catch::Contains("did you mean 'behaviour.disturbance.complaint_probability'?"));
  CHECK_THAT(text, Catch::Contains("spec.yaml:6:") &&
                       Catch::Contains("parameters.2.key: found 'teams.housing_first', a section"));
}

TEST_CASE("Out-of-range values in a city spec are errors, not clamped", "[unit][sweep][city]") {
  SECTION("a list value outside the key's range") {
    CitySpecFolder setup("city_list_range",
                         "model: city\n"
                         "base_scenario: ../city/mini_city.yaml\n"
                         "parameters:\n"
                         "  - {key: behaviour.disturbance.complaint_probability, values: [0.2, 1.5, 0.4]}\n"
                         "design: {type: grid}\n"
                         "seed: 1\n");
    const Built built = build(setup.spec_file);
    CHECK_FALSE(built.evaluator);
    const std::string text = built.diagnostics.to_string();
    INFO(text);
    REQUIRE(built.diagnostics.size() == 1);
    CHECK_THAT(text, Catch::Contains("spec.yaml:4:") && Catch::Contains("parameters.0.values.1") &&
                         Catch::Contains("found 1.5, expected a number from 0 to 1"));
  }
  SECTION("a range end outside the key's range") {
    CitySpecFolder setup("city_range_end",
                         "model: city\n"
                         "base_scenario: ../city/mini_city.yaml\n"
                         "parameters:\n"
                         "  - {key: teams.housing_first.eviction_prevention_base_share, range: [0.1, 1.2]}\n"
                         "seed: 1\n");
    const Built built = build(setup.spec_file);
    CHECK_FALSE(built.evaluator);
    INFO(built.diagnostics.to_string());
    CHECK_THAT(built.diagnostics.to_string(), Catch::Contains("parameters.0.range") && Catch::Contains("1.2"));
  }
  SECTION("a continuous range for a whole-number key") {
    CitySpecFolder setup("city_integer_range",
                         "model: city\n"
                         "base_scenario: ../city/mini_city.yaml\n"
                         "parameters:\n"
                         "  - {key: behaviour.landlords.warnings_before_termination, range: [1, 4]}\n"
                         "seed: 1\n");
    const Built built = build(setup.spec_file);
    CHECK_FALSE(built.evaluator);
    CHECK_THAT(built.diagnostics.to_string(),
               Catch::Contains("parameters.0.range") && Catch::Contains("values: [...] listing the whole numbers"));
  }
  SECTION("values that break a rule only together") {
    CitySpecFolder setup("city_corner",
                         "model: city\n"
                         "base_scenario: ../city/mini_city.yaml\n"
                         "parameters:\n"
                         "  - {key: teams.housing_first.eviction_prevention_base_share, range: [0.1, 0.6]}\n"
                         "  - {key: teams.housing_first.eviction_prevention_capacity_share, values: [0.1, 0.6]}\n"
                         "seed: 1\n");
    const Built built = build(setup.spec_file);
    CHECK_FALSE(built.evaluator);
    INFO(built.diagnostics.to_string());
    CHECK(built.diagnostics.size() == 1);
    CHECK_THAT(built.diagnostics.to_string(),
               Catch::Contains("spec.yaml:4:") && Catch::Contains("break a scenario rule together") &&
                   Catch::Contains("eviction_prevention_base_share = 0.6, "
                                   "teams.housing_first.eviction_prevention_capacity_share = 0.6"));
  }
  SECTION("a direct evaluation outside the range throws instead of clamping") {
    CitySpecFolder setup("city_direct_range", two_parameters + "seed: 1\n");
    const Built built = build_or_fail(setup.spec_file);
    CHECK_THROWS_WITH(built.evaluator->evaluate({1.5, 0.3}, 1, 0, "housing_first"),
                      Catch::Contains("behaviour.disturbance.complaint_probability"));
  }
}

TEST_CASE("A missing or broken base scenario is a located spec error", "[unit][sweep][city]") {
  SECTION("missing") {
    CitySpecFolder setup("city_missing_base",
                         "model: city\n"
                         "base_scenario: ../city/no_such_city.yaml\n"
                         "parameters:\n"
                         "  - {key: behaviour.disturbance.complaint_probability, range: [0.1, 0.8]}\n"
                         "seed: 1\n");
    const Built built = build(setup.spec_file);
    CHECK_FALSE(built.evaluator);
    CHECK_THAT(built.diagnostics.to_string(),
               Catch::Contains("spec.yaml:2:") && Catch::Contains("base_scenario: found '../city/no_such_city.yaml'"));
  }
  SECTION("broken") {
    CitySpecFolder setup("city_broken_base",
                         "model: city\n"
                         "base_scenario: ../city/broken.yaml\n"
                         "parameters:\n"
                         "  - {key: behaviour.disturbance.complaint_probability, range: [0.1, 0.8]}\n"
                         "seed: 1\n");
    std::ofstream(setup.folder.path() / "city" / "broken.yaml")
        << "extends: mini_city.yaml\nbehaviour:\n  disturbance:\n    complaint_probabilty: 0.3\n";
    const Built built = build(setup.spec_file);
    CHECK_FALSE(built.evaluator);
    const std::string text = built.diagnostics.to_string();
    INFO(text);
    CHECK_THAT(text, Catch::Contains("broken.yaml:4:") && Catch::Contains("spec.yaml:2:") &&
                         Catch::Contains("a valid city scenario"));
  }
}

TEST_CASE("The shipped Bergen sensitivity specs are valid", "[unit][sweep][city]") {
  for (const std::string name : {"bergen-behaviour.yaml", "bergen-behaviour-morris.yaml"}) {
    INFO(name);
    const Built built = build(fs::path(HSIM_SOURCE_DIR) / "scenarios/sensitivity" / name);
    INFO(built.diagnostics.to_string());
    CHECK(built.evaluator);
    CHECK(built.spec->parameters.size() == 8);
  }
}
