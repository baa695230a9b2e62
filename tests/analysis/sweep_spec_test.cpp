#include "analysis/sweep/sweep_spec.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "analysis/sensitivity/sensitivity_runner.hpp"
#include "analysis/sweep/evaluator_registry.hpp"
#include "tests/analysis/sweep_test_support.hpp"

using hsim::analysis::sweep::default_evaluator_registry;
using hsim::analysis::sweep::read_sweep_spec;

namespace {

// Every diagnostic for a bad fixture, reading the spec and then building its evaluator.
std::string problems_of(const std::string& name) {
  const auto path = hsim::test::spec_path("bad/" + name);
  hsim::scenario::Diagnostics diagnostics;
  auto spec = read_sweep_spec(path, diagnostics);
  if (spec) {
    auto evaluator = default_evaluator_registry().make(*spec, diagnostics);
    if (evaluator) return "";
  }
  // Paths in messages are as given; strip the folder so the expectations read cleanly.
  std::string text = diagnostics.to_string();
  const std::string folder = hsim::test::spec_path("bad/").string();
  for (std::size_t at; (at = text.find(folder)) != std::string::npos;) text.erase(at, folder.size());
  return text;
}

}  // namespace

TEST_CASE("Unknown spec keys are reported with their line and a suggestion", "[unit][sweep]") {
  const std::string text = problems_of("unknown_key.yaml");
  CHECK(text ==
        "unknown_key.yaml:6:1: error: replicate: found unknown key 'replicate', expected one of model, "
        "base_scenario, parameters, design, replicates, metrics, policies, seed, sensitivity or model_options "
        "(did you mean 'replicates'?)\n");
}

TEST_CASE("Bad ranges, numbers and distributions are each located", "[unit][sweep]") {
  const std::string text = problems_of("bad_range.yaml");
  CHECK_THAT(text,
             Catch::Contains("bad_range.yaml:4:12: error: parameters.0.range: found [3, -3], expected low < high"));
  CHECK_THAT(text, Catch::Contains(
                       "bad_range.yaml:6:17: error: parameters.1.range.1: found \"3x\", expected a finite number"));
  CHECK_THAT(text, Catch::Contains("bad_range.yaml:9:19: error: parameters.2.distribution: found \"gaussian\", "
                                   "expected uniform, normal or log_uniform"));
}

TEST_CASE("Missing seed, bad design size and a misspelt model are all reported", "[unit][sweep]") {
  const std::string text = problems_of("missing_seed.yaml");
  CHECK_THAT(text, Catch::Contains("missing_seed.yaml:1:1: error: seed: found nothing, expected a seed"));
  CHECK_THAT(text, Catch::Contains("missing_seed.yaml:6:11: error: design.points: found \"0\", expected a whole number "
                                   "from 1 to 100000000"));
  // The model is checked once the spec itself is valid; here it is not, so the error count is 2.
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);
}

TEST_CASE("A misspelt model name gets a suggestion", "[unit][sweep]") {
  hsim::scenario::Diagnostics diagnostics;
  auto spec = hsim::analysis::sweep::parse_sweep_spec(
      "model: analytic/ishigamy\nparameters:\n  - {key: x1, range: [0, 1]}\nseed: 3\n", "spec.yaml", diagnostics);
  REQUIRE(spec);
  CHECK(default_evaluator_registry().make(*spec, diagnostics) == nullptr);
  CHECK(diagnostics.to_string() ==
        "spec.yaml:1:8: error: model: found 'analytic/ishigamy', expected one of analytic/g_function, "
        "analytic/ishigami or analytic/morris (did you mean 'analytic/ishigami'?)\n");
}

TEST_CASE("Parameters and metrics must be ones the model has", "[unit][sweep]") {
  const std::string text = problems_of("wrong_inputs.yaml");
  CHECK_THAT(text, Catch::Contains("wrong_inputs.yaml:5:11: error: parameters.2.key: found 'z3', expected one of x1, "
                                   "x2 or x3 for analytic/ishigami"));
  CHECK_THAT(text, Catch::Contains("wrong_inputs.yaml:3:3: error: parameters: found no parameter 'x3'"));
  CHECK_THAT(text, Catch::Contains(
                       "wrong_inputs.yaml:6:14: error: metrics.1: found unknown metric 'cost', expected one of y"));
}

TEST_CASE("The city model says clearly that it is not available yet", "[unit][sweep]") {
  const std::string text = problems_of("city.yaml");
  CHECK_THAT(text, Catch::Contains("city.yaml:1:8: error: model: found 'city', but the city model is not available to "
                                   "sweeps yet"));
}

TEST_CASE("Sobol analysis refuses more parameters than the direction numbers cover", "[unit][sweep]") {
  const auto loaded = hsim::test::load_spec(hsim::test::spec_path("morris_screening.yaml"));
  hsim::scenario::Diagnostics diagnostics;
  hsim::analysis::sensitivity::check_spec_for_method(loaded.spec, hsim::analysis::sensitivity::Method::sobol,
                                                     diagnostics);
  CHECK_THAT(diagnostics.to_string(), Catch::Contains("parameters: found 20 parameters, expected at most 16"));
  hsim::scenario::Diagnostics none;
  hsim::analysis::sensitivity::check_spec_for_method(loaded.spec, hsim::analysis::sensitivity::Method::morris, none);
  CHECK(none.empty());
}
