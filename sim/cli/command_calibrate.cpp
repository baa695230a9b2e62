#include "sim/cli/command_calibrate.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "analysis/calibration/calibrator.hpp"
#include "analysis/calibration/fit_table.hpp"
#include "sim/cli/command_fit.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace hsim::cli {

namespace {

namespace calibration = analysis::calibration;

struct CalibrateOptions {
  std::vector<std::string> cities;
  std::string targets = "scenarios/calibration/targets.yaml";
  std::string leave_out;
  bool skip_standard_errors = false;
  std::vector<std::string> parameters;
  calibration::SimulationSettings simulation;
  std::size_t max_evaluations = 60;
  std::optional<std::size_t> check_replicates;  // of the check on a fresh seed; default as --reps, 0: no check
  std::string out;
  std::string command_line;
};

// "key" (bounds from the defaults) or "key:lower:upper"; the start value is the scenario's.
std::vector<calibration::CalibrationParameter> parse_parameters(const std::vector<std::string>& texts,
                                                                const scenario::Scenario& scenario) {
  const auto defaults = calibration::default_calibration_parameters();
  std::vector<calibration::CalibrationParameter> parameters;
  if (texts.empty()) {
    parameters = defaults;
  } else {
    for (const auto& text : texts) {
      calibration::CalibrationParameter parameter;
      std::vector<std::string> parts;
      std::stringstream stream(text);
      std::string part;
      while (std::getline(stream, part, ':')) parts.push_back(part);
      if (parts.size() != 1 && parts.size() != 3) {
        throw std::invalid_argument("--parameters '" + text + "': expected key or key:lower:upper");
      }
      parameter.key = parts[0];
      if (parts.size() == 3) {
        try {
          parameter.lower = std::stod(parts[1]);
          parameter.upper = std::stod(parts[2]);
        } catch (const std::exception&) {
          throw std::invalid_argument("--parameters '" + text + "': bounds must be numbers");
        }
        if (!(parameter.lower < parameter.upper)) {
          throw std::invalid_argument("--parameters '" + text + "': lower bound must be below the upper bound");
        }
      } else {
        const auto found = std::find_if(defaults.begin(), defaults.end(),
                                        [&](const auto& known) { return known.key == parameter.key; });
        if (found == defaults.end()) {
          throw std::invalid_argument("--parameters '" + text +
                                      "': no default bounds for this key; write key:lower:upper");
        }
        parameter.lower = found->lower;
        parameter.upper = found->upper;
      }
      parameters.push_back(parameter);
    }
  }
  for (auto& parameter : parameters) {
    const scenario::ResolvedValue* value = scenario.find(parameter.key);
    if (value == nullptr) throw std::invalid_argument("--parameters: '" + parameter.key + "' is not a scenario key");
    if (const auto* real = std::get_if<double>(&value->value)) {
      parameter.start = *real;
    } else if (const auto* integer = std::get_if<std::int64_t>(&value->value)) {
      parameter.start = static_cast<double>(*integer);
    } else {
      throw std::invalid_argument("--parameters: '" + parameter.key + "' is not a number");
    }
    parameter.start = std::clamp(parameter.start, parameter.lower, parameter.upper);
  }
  return parameters;
}

int run_calibrate(const CalibrateOptions& options) {
  calibration::TargetSet set;
  std::vector<std::string> cities;
  std::vector<calibration::CalibrationParameter> parameters;
  std::string base_file;
  try {
    set = calibration::load_target_set(options.targets);
    cities = set.select_cities(options.cities);
    if (!options.leave_out.empty()) {
      if (set.find(options.leave_out) == nullptr) {
        throw std::invalid_argument("--leave-out: " + options.targets + " has no city '" + options.leave_out + "'");
      }
      cities.erase(std::remove(cities.begin(), cities.end(), options.leave_out), cities.end());
      if (cities.empty()) throw std::invalid_argument("--leave-out leaves no city to fit");
    }
    const auto first = scenario::load_scenario(set.find(cities.front())->scenario, options.simulation.overrides);
    if (!first.ok()) throw std::invalid_argument(first.diagnostics.to_string());
    parameters = parse_parameters(options.parameters, *first.scenario);
    const auto base = std::filesystem::absolute(first.scenario->files().back()).lexically_normal();
    const auto out_folder = std::filesystem::absolute(options.out.empty() ? "." : options.out).parent_path();
    base_file = std::filesystem::relative(base, out_folder).generic_string();
  } catch (const std::invalid_argument& error) {
    std::cerr << "hsim calibrate: error: " << error.what() << '\n';
    return exit_bad_input;
  }

  calibration::CalibrationOptions calibration_options;
  calibration_options.max_evaluations = options.max_evaluations;
  calibration_options.estimate_standard_errors = !options.skip_standard_errors;
  calibration_options.progress = [](const std::string& line) { std::cerr << line << '\n'; };
  std::cerr << "calibrating " << parameters.size() << " parameters on";
  for (const auto& city : cities) std::cerr << ' ' << city;
  std::cerr << " (" << options.simulation.replicates << " replicates per point, seed " << options.simulation.seed
            << ", the same at every point)\n";

  calibration::CalibrationResult result;
  try {
    const auto objective = calibration::chi_square_objective(set, cities, parameters, options.simulation);
    result = calibration::minimise_objective(objective, parameters, calibration_options);
  } catch (const std::invalid_argument& error) {
    std::cerr << "hsim calibrate: error: " << error.what() << '\n';
    return exit_bad_input;
  }

  std::optional<calibration::FreshSeedCheck> check;
  if (options.check_replicates.value_or(1) != 0) {
    calibration::SimulationSettings fresh = options.simulation;
    fresh.seed = options.simulation.seed + 1;
    fresh.replicates = options.check_replicates.value_or(options.simulation.replicates);
    std::cerr << "checking the start and fitted values on seed " << fresh.seed << " (" << fresh.replicates
              << " replicates, not seen by the optimiser)\n";
    check = calibration::check_on_fresh_seed(set, cities, parameters, result.values, fresh);
  }

  std::ostringstream how;
  how << options.command_line << "; chi-square " << result.start_objective << " -> " << result.objective << " after "
      << result.evaluations << " evaluations (" << result.stop_reason << ")";
  if (check) {
    how << "; on seed " << check->seed << ", not seen by the optimiser: " << check->start_objective << " -> "
        << check->fitted_objective << " (Monte Carlo standard error of the difference "
        << check->difference_standard_error << ")";
  }
  const std::string yaml = calibration::fitted_values_yaml(parameters, result, base_file, how.str());
  if (options.out.empty()) {
    std::cout << yaml;
  } else if (engine::distributed::is_root()) {  // over MPI every rank fits alike; rank 0 writes
    const std::string temporary = options.out + ".partial";
    {
      std::ofstream out(temporary);
      out << yaml;
      if (!out) {
        std::cerr << "hsim calibrate: error: cannot write " << temporary << '\n';
        return exit_failure;
      }
    }
    std::filesystem::rename(temporary, options.out);
    std::cerr << "fitted values in " << options.out << '\n';
  }
  std::cout << (result.standard_errors_estimated
                    ? "\nFitted parameters (standard error from the finite-difference Hessian of the chi-square, "
                      "covariance 2 H^-1):\n"
                    : "\nFitted parameters (standard errors not estimated):\n");
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    std::cout << "  " << parameters[i].key << " = " << result.values[i] << " (start " << parameters[i].start;
    if (result.standard_errors_estimated) std::cout << ", se " << result.standard_errors[i];
    std::cout << ")\n";
  }
  std::cout << "chi-square " << result.start_objective << " at the start, " << result.objective << " fitted ("
            << result.evaluations << " evaluations, " << result.restarts << " improving restarts, "
            << result.stop_reason << ")\n";
  if (check) {
    std::cout << "on seed " << check->seed << " (" << check->replicates << " replicates, not seen by the optimiser): "
              << "chi-square " << check->start_objective << " at the start, " << check->fitted_objective
              << " fitted, difference " << check->difference() << " (Monte Carlo standard error "
              << check->difference_standard_error << ", bootstrap over replicates): "
              << (check->improvement_holds() ? "the improvement holds"
                  : check->worse()           ? "the fitted values are worse; the fit followed the noise of seed " +
                                         std::to_string(options.simulation.seed)
                                   : "the improvement is within the simulation noise")
              << '\n';
  }
  std::cout << '\n';

  calibration::SimulationSettings fitted = options.simulation;
  for (const auto& text : calibration::parameter_overrides(parameters, result.values)) fitted.overrides.push_back(text);
  try {
    const auto in_sample = calibration::simulate_targets(set, cities, fitted);
    const int fitted_count = static_cast<int>(parameters.size());
    try {
      const auto table = calibration::build_fit_table(in_sample.targets, in_sample.simulated, fitted_count);
      std::cout << calibration::format_fit_table(
          table, "In-sample fit at the fitted values (" + std::to_string(fitted_count) + " fitted parameters)");
    } catch (const std::invalid_argument& error) {
      // The fitted values stand; only the in-sample test has no degrees of freedom left.
      std::cout << "In-sample fit not tested: " << error.what() << '\n';
    }
    if (!options.leave_out.empty()) {
      const auto out_of_sample = calibration::simulate_targets(set, {options.leave_out}, fitted);
      const auto left_out = calibration::build_fit_table(out_of_sample.targets, out_of_sample.simulated, 0);
      std::cout << '\n'
                << calibration::format_fit_table(left_out, "Left-out city " + options.leave_out +
                                                               " at the values fitted on the others (out of sample)");
      return left_out.verdict.passes ? exit_ok : exit_fit_rejected;
    }
  } catch (const std::invalid_argument& error) {
    std::cerr << "hsim calibrate: error: " << error.what() << '\n';
    return exit_bad_input;
  }
  return exit_ok;
}

}  // namespace

Command add_calibrate_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<CalibrateOptions>();
  options->command_line = command_line;
  options->simulation.replicates = 40;
  options->simulation.threads = std::max(1u, std::thread::hardware_concurrency());
  auto* command =
      app.add_subcommand("calibrate",
                         "Fit behaviour parameters jointly to the cities' targets (chi-square, common random numbers, "
                         "NLopt BOBYQA) and estimate their standard errors");
  command->add_option("cities", options->cities, "Cities of the targets file to fit (default: all)");
  command->add_option("--targets", options->targets, "Targets file")->check(CLI::ExistingFile);
  command->add_option("--leave-out", options->leave_out, "Fit without this city, then print its fit table");
  command->add_flag("--skip-standard-errors", options->skip_standard_errors,
                    "Skip the Hessian and its 2p^2 + 1 evaluations (for leave-one-out checks)");
  command
      ->add_option(
          "--parameters", options->parameters,
          "Scenario keys to fit: key or key:lower:upper (default: the twelve parameters of the calibration behind "
          "scenarios/behaviour.yaml)")
      ->delimiter(',');
  command->add_option("--reps", options->simulation.replicates, "Replicates per point (the same seeds at every point)")
      ->check(CLI::Range(2, 1'000'000));
  command->add_option("--seed", options->simulation.seed, "Random seed")->check(non_negative_whole_number());
  command->add_option("--threads", options->simulation.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024));
  command->add_option("--max-evals", options->max_evaluations, "Most optimiser evaluations")
      ->check(CLI::Range(1, 100'000));
  command
      ->add_option("--check-reps", options->check_replicates,
                   "Replicates of the check that re-runs the start and fitted values on seed + 1, which the "
                   "optimiser never saw (default: as --reps; 0 skips it)")
      ->check(CLI::Range(0, 1'000'000));
  command->add_option("--out", options->out, "Write the fitted values as a scenario fragment (default: stdout)");
  command->add_option("--set", options->simulation.overrides,
                      "Override a scenario value in every city: key.path=value (repeatable)");
  return {command, [options] { return run_calibrate(*options); }};
}

}  // namespace hsim::cli
