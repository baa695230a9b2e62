#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/calibration/calibrator.hpp"
#include "analysis/calibration/target_simulation.hpp"

namespace calibration = hsim::analysis::calibration;

namespace {

const std::vector<calibration::CalibrationParameter> synthetic_parameters{
    {"behaviour.disturbance.complaint_probability", 0.05, 0.95, 0.2},
    {"behaviour.life.voluntary_move_per_year", 0.0, 0.4, 0.3},
};
const std::vector<double> synthetic_truth{0.6, 0.1};

// Targets generated from the mini test city at `synthetic_truth`, each observed on `n` people (a very
// large n makes the observation almost exact).
calibration::TargetSet synthetic_targets(std::size_t replicates, double n) {
  calibration::TargetSet set;
  set.file = "synthetic";
  calibration::CityTargets city;
  city.city = "mini";
  city.scenario = std::string(HSIM_SOURCE_DIR) + "/tests/cli/fixtures/mini_city.yaml";
  for (const char* statistic :
       {"ever_lost_housing", "immediate_eviction", "eviction_with_notice", "status_same_flat", "in_ordinary_housing"}) {
    calibration::CalibrationTarget target;
    target.city = "mini";
    target.name = statistic;
    target.statistic = statistic;
    target.kind = calibration::ObservationKind::share;
    target.n = n;
    city.targets.push_back(target);
  }
  calibration::SimulationSettings truth_settings;
  truth_settings.seed = 101;
  truth_settings.replicates = replicates;
  truth_settings.overrides = calibration::parameter_overrides(synthetic_parameters, synthetic_truth);
  const auto truth_statistics = calibration::simulate_city_targets(city, truth_settings);
  for (std::size_t t = 0; t < city.targets.size(); ++t) {
    double sum = 0.0;
    for (double v : truth_statistics[t].values) sum += v;
    city.targets[t].count = sum / static_cast<double>(truth_statistics[t].values.size()) * city.targets[t].n;
  }
  set.cities.push_back(city);
  return set;
}

}  // namespace

// Calibrate must find the values the targets were generated from within its stated uncertainty.
TEST_CASE("calibrate recovers known parameter values of a synthetic problem", "[statistical][calibration]") {
  const auto& parameters = synthetic_parameters;
  const auto& truth = synthetic_truth;
  const calibration::TargetSet set = synthetic_targets(800, 1e6);

  calibration::SimulationSettings fit_settings;
  fit_settings.seed = 202;  // other streams than the truth
  fit_settings.replicates = 200;
  calibration::CalibrationOptions options;
  // Enough for BOBYQA to stop on its own tolerance (it does after about 63); at 40 it stopped short.
  options.max_evaluations = 80;
  const auto objective = calibration::chi_square_objective(set, {"mini"}, parameters, fit_settings);
  const auto result = calibration::minimise_objective(objective, parameters, options);

  CHECK(result.objective < result.start_objective);
  REQUIRE(result.hessian_positive_definite);
  constexpr double k = 3.0;  // standard errors allowed between the fitted and the true value
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    INFO(parameters[i].key << ": fitted " << result.values[i] << " +- " << result.standard_errors[i] << ", truth "
                           << truth[i]);
    REQUIRE(std::isfinite(result.standard_errors[i]));
    CHECK(std::abs(result.values[i] - truth[i]) <= k * result.standard_errors[i]);
    // The uncertainty must be informative, not a bound-to-bound shrug.
    CHECK(result.standard_errors[i] < 0.5 * (parameters[i].upper - parameters[i].lower));
  }
}

TEST_CASE("the fresh-seed check re-runs the start and the fitted values on its own seed", "[unit][calibration]") {
  // Observed on 300 people each, so that the targets' sampling error, not the simulation noise, sets the
  // scale of the chi-square, as in the cities' targets.
  const calibration::TargetSet set = synthetic_targets(60, 300.0);
  calibration::SimulationSettings fresh;
  fresh.seed = 303;
  // Enough replicates that the Monte Carlo noise of the difference is well below the difference itself
  // (at 30 it was within two standard errors on some seeds).
  fresh.replicates = 120;
  const auto check = calibration::check_on_fresh_seed(set, {"mini"}, synthetic_parameters, synthetic_truth, fresh);
  CHECK(check.seed == 303);
  CHECK(check.replicates == 120);

  // The same numbers as the objective on that seed: the start values, then the fitted ones.
  const auto objective = calibration::chi_square_objective(set, {"mini"}, synthetic_parameters, fresh);
  CHECK(check.start_objective == objective({0.2, 0.3}));
  CHECK(check.fitted_objective == objective(synthetic_truth));
  // Other random numbers give another chi-square at the same point.
  calibration::SimulationSettings other = fresh;
  other.seed = 304;
  CHECK(check.fitted_objective !=
        calibration::chi_square_objective(set, {"mini"}, synthetic_parameters, other)(synthetic_truth));

  // The true values beat a start far from them by much more than the Monte Carlo noise of the difference.
  REQUIRE(std::isfinite(check.difference_standard_error));
  CHECK(check.difference_standard_error > 0.0);
  CHECK(check.difference() < -2.0 * check.difference_standard_error);
  CHECK(check.improvement_holds());
  CHECK_FALSE(check.worse());
  // Swapped, the same difference is a loss.
  auto swapped = synthetic_parameters;
  for (std::size_t i = 0; i < swapped.size(); ++i) swapped[i].start = synthetic_truth[i];
  const std::vector<double> start{0.2, 0.3};
  const auto backwards = calibration::check_on_fresh_seed(set, {"mini"}, swapped, start, fresh);
  CHECK(backwards.difference() == Approx(-check.difference()));
  CHECK(backwards.worse());
  // The start itself is no improvement and no loss: the difference and its noise are both zero.
  const auto same = calibration::check_on_fresh_seed(set, {"mini"}, synthetic_parameters, start, fresh);
  CHECK(same.difference() == 0.0);
  CHECK(same.difference_standard_error == 0.0);
  CHECK_FALSE(same.improvement_holds());
  CHECK_FALSE(same.worse());
}

TEST_CASE("the fitted-values fragment nests keys and records the uncertainty", "[unit][calibration]") {
  const std::vector<calibration::CalibrationParameter> parameters{
      {"behaviour.disturbance.complaint_probability", 0.05, 0.95, 0.2},
      {"behaviour.life.voluntary_move_per_year", 0.0, 0.4, 0.3},
      {"teams.housing_first.managed_exit_share", 0.0, 0.9, 0.3}};
  calibration::CalibrationResult result;
  result.values = {0.5, 0.1, 0.2};
  result.standard_errors = {0.05, 0.02, std::nan("")};
  result.standard_errors_estimated = true;
  const std::string yaml = calibration::fitted_values_yaml(parameters, result, "../behaviour.yaml", "test");
  CHECK(yaml.find("extends: ../behaviour.yaml\n") != std::string::npos);
  CHECK(yaml.find("behaviour:\n  disturbance:\n    complaint_probability:\n      value: 0.5\n") != std::string::npos);
  CHECK(yaml.find("  life:\n    voluntary_move_per_year:\n      value: 0.1\n") != std::string::npos);
  CHECK(yaml.find("standard error 0.05;") != std::string::npos);
  CHECK(yaml.find("not defined") != std::string::npos);

  result.standard_errors_estimated = false;
  result.standard_errors = {std::nan(""), std::nan(""), std::nan("")};
  const std::string skipped = calibration::fitted_values_yaml(parameters, result, "../behaviour.yaml", "test");
  CHECK(skipped.find("standard error not estimated;") != std::string::npos);
  CHECK(skipped.find("# Standard errors not estimated") != std::string::npos);
  CHECK(skipped.find("Hessian H") == std::string::npos);
  CHECK(skipped.find("not defined") == std::string::npos);
}
