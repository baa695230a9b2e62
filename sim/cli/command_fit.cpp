#include "sim/cli/command_fit.hpp"

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

#include "analysis/calibration/calibration_targets.hpp"
#include "analysis/calibration/fit_table.hpp"
#include "analysis/calibration/target_simulation.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/output/html_report.hpp"

namespace hsim::cli {

namespace {

namespace calibration = analysis::calibration;

struct FitOptions {
  std::vector<std::string> cities;
  std::string targets;  // default: default_targets_file()
  calibration::SimulationSettings simulation;
  std::string csv;
  std::string report;
  std::optional<int> fitted_parameters;  // default: the targets file's, when every city is fitted
};

// Writes next to the destination, then renames, so that a failed run leaves nothing half-written.
void write_csv_atomically(const calibration::FitTable& table, const std::filesystem::path& file) {
  const std::filesystem::path temporary = file.string() + ".partial";
  {
    std::ofstream out(temporary);
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
    calibration::write_fit_csv(table, out);
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  std::filesystem::rename(temporary, file);
}

// The default targets file, found from any working directory: the one below the working directory if
// there is one, else the one of the source tree hsim was built from.
std::string default_targets_file() {
  const std::string relative = "scenarios/calibration/targets.yaml";
  if (std::filesystem::exists(relative)) return relative;
  // Installed: <prefix>/bin/hsim beside <prefix>/share/hsim/scenarios.
  std::error_code error;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto installed = executable.parent_path().parent_path() / "share" / "hsim" / relative;
    if (std::filesystem::exists(installed)) return installed.string();
  }
  const auto built_from = std::filesystem::path(HSIM_SOURCE_DIR) / relative;
  return std::filesystem::exists(built_from) ? built_from.string() : relative;
}

int run_fit(FitOptions options) {
  if (options.targets.empty()) options.targets = default_targets_file();
  calibration::TargetSet set;
  std::vector<std::string> cities;
  try {
    set = calibration::load_target_set(options.targets);
    cities = set.select_cities(options.cities);
  } catch (const std::invalid_argument& error) {
    std::cerr << "hsim fit: error: " << error.what() << '\n';
    return exit_bad_input;
  }
  for (const auto& [option, file] :
       {std::pair<std::string, std::string>{"--csv", options.csv}, {"--report", options.report}}) {
    if (file.empty()) continue;
    const auto parent = std::filesystem::path(file).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent)) {
      std::cerr << "hsim fit: error: " << option << " " << file << ": folder " << parent.string()
                << " does not exist\n";
      return exit_bad_input;
    }
  }
  const bool every_city = cities.size() == set.cities.size();
  const int fitted_parameters = options.fitted_parameters.value_or(every_city ? set.fitted_parameters : 0);
  calibration::SimulatedTargets simulated;
  calibration::FitTable table;
  try {
    simulated = calibration::simulate_targets(set, cities, options.simulation);
    table = calibration::build_fit_table(simulated.targets, simulated.simulated, fitted_parameters);
  } catch (const std::invalid_argument& error) {
    std::cerr << "hsim fit: error: " << error.what() << '\n';
    return exit_bad_input;
  }
  std::ostringstream title;
  title << "Fit to " << options.targets << ": " << options.simulation.replicates << " replicates, seed "
        << options.simulation.seed << ", " << fitted_parameters
        << " fitted parameters; intervals of the observation (Clopper-Pearson for shares, Poisson for counts)";
  std::cout << calibration::format_fit_table(table, title.str());
  // Over MPI every rank computes the same table; rank 0 writes it.
  const bool writes_files = engine::distributed::is_root();
  if (writes_files && !options.csv.empty()) write_csv_atomically(table, options.csv);
  if (writes_files && !options.report.empty()) {
    const std::filesystem::path csv = options.report + ".table.partial";
    const std::filesystem::path partial = options.report + ".partial";
    write_csv_atomically(table, csv);
    const std::string verdict = table.verdict.passes ? "not rejected" : "rejected";
    output::write_fit_report(csv, partial, title.str(), "verdict: fit " + verdict);
    std::filesystem::remove(csv);
    std::filesystem::rename(partial, options.report);
  }
  return table.verdict.passes ? exit_ok : exit_fit_rejected;
}

}  // namespace

Command add_fit_command(CLI::App& app) {
  auto options = std::make_shared<FitOptions>();
  options->simulation.threads = std::max(1u, std::thread::hardware_concurrency());
  auto* command = app.add_subcommand(
      "fit",
      "Compare the cities' committed scenarios with their calibration targets: table, chi-square test; exit 0 "
      "when the fit is not rejected, 3 when it is");
  command->add_option("cities", options->cities, "Cities of the targets file (default: all)");
  command
      ->add_option("--targets", options->targets,
                   "Targets file (default: scenarios/calibration/targets.yaml below the working directory, else the "
                   "installed or source tree's)")
      ->check(CLI::ExistingFile);
  command->add_option("--reps", options->simulation.replicates, "Replicates per city")->check(CLI::Range(2, 1'000'000));
  command->add_option("--seed", options->simulation.seed, "Random seed")->check(non_negative_whole_number());
  command->add_option("--threads", options->simulation.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024));
  command->add_option("--csv", options->csv, "Write the fit table as CSV");
  command->add_option("--report", options->report,
                      "Write an HTML report of the fit (observed against simulated, with both intervals)");
  command
      ->add_option("--fitted-parameters", options->fitted_parameters,
                   "Parameters fitted to these targets, subtracted from the degrees of freedom (default: the targets "
                   "file's fitted_parameters when every city is fitted, else 0)")
      ->check(CLI::Range(0, 1000));
  command->add_option("--set", options->simulation.overrides,
                      "Override a scenario value in every city: key.path=value (repeatable)");
  return {command, [options] { return run_fit(*options); }};
}

}  // namespace hsim::cli
