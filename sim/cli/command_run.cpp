#include "sim/cli/command_run.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sim/cli/exit_codes.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/experiment_folder.hpp"
#include "sim/output/run_folder.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace hsim::cli {

namespace {

// The metrics the console table shows; summary.csv has them all.
const std::vector<std::string> headline_metrics{"entrants",
                                                "in_ordinary_housing_share",
                                                "still_in_first_flat_share",
                                                "ever_lost_housing_share",
                                                "evictions",
                                                "evictions_prevented",
                                                "days_to_housing_mean",
                                                "stably_housed_days_share",
                                                "tenure_survival_12m",
                                                "retention_12m_after_move_in_share",
                                                "housed_none_final_6m_share",
                                                "still_enrolled_share",
                                                "homeless_point_in_time",
                                                "cost_per_person_year_nok",
                                                "cost_total_nok",
                                                "cost_by_payer_municipality_nok",
                                                "cost_by_payer_state_nok",
                                                "cost_by_payer_health_trust_nok",
                                                "cost_by_payer_correctional_service_nok",
                                                "cost_by_payer_police_nok",
                                                "cost_programme_nok",
                                                "cost_per_extra_stable_day_nok",
                                                "cost_offset_share"};

struct ExperimentOptions {
  std::vector<std::string> scenario_files;
  std::vector<std::string> set_overrides;
  std::vector<std::string> policy_names;
  std::size_t replicates = 200;
  std::uint64_t seed = 1;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string out;
  bool overwrite = false;
  std::string people = "cohort";
  std::vector<double> willingness_to_pay;
  std::string command_line;
};

std::vector<std::string> policy_spellings() {
  std::vector<std::string> names;
  for (const auto& [policy, name] : model::policy_name_spellings) names.emplace_back(name);
  return names;
}

void add_common_options(CLI::App& command, ExperimentOptions& options) {
  command.add_option("--reps", options.replicates, "Replicates per policy")->check(CLI::Range(1, 1'000'000));
  command.add_option("--seed", options.seed, "Random seed; the same seed gives the same results");
  command.add_option("--threads", options.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024));
  command.add_option("--out", options.out, "Run folder (default runs/<scenario>-<command>)");
  command.add_flag("--overwrite", options.overwrite, "Replace an existing run folder");
  command.add_option("--set", options.set_overrides, "Override a scenario value: key.path=value (repeatable)");
  command.add_option("--people", options.people, "Rows of people.csv: cohort, all or none")
      ->check(CLI::IsMember({"cohort", "all", "none"}));
}

output::PeopleRows people_rows(const std::string& text) {
  if (text == "all") return output::PeopleRows::all;
  if (text == "none") return output::PeopleRows::none;
  return output::PeopleRows::cohort;
}

// Loads every scenario first, so that a mistake in the last file is reported before any run.
int run_experiments(const ExperimentOptions& options, const std::string& command_name) {
  std::vector<scenario::Scenario> scenarios;
  bool bad_input = false;
  for (const auto& file : options.scenario_files) {
    auto loaded = scenario::load_scenario(file, options.set_overrides);
    if (!loaded.ok()) {
      std::cerr << loaded.diagnostics.to_string();
      bad_input = true;
      continue;
    }
    scenarios.push_back(std::move(*loaded.scenario));
  }
  if (bad_input) return exit_bad_input;

  std::vector<std::filesystem::path> folders;
  for (const auto& scenario : scenarios) {
    std::filesystem::path folder = options.out.empty()
                                       ? std::filesystem::path("runs") / (scenario.name() + "-" + command_name)
                                       : std::filesystem::path(options.out);
    if (scenarios.size() > 1)
      folder = (options.out.empty() ? folder.parent_path() / command_name : folder) / scenario.name();
    if (std::filesystem::exists(folder) && !options.overwrite) {
      std::cerr << "hsim " << command_name << ": error: output folder " << folder.string()
                << " already exists; choose another --out or pass --overwrite\n";
      return exit_bad_input;
    }
    folders.push_back(folder);
  }

  std::vector<output::ScenarioRows> all_rows;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const auto& scenario = scenarios[i];
    analysis::ExperimentSettings settings;
    settings.seed = options.seed;
    settings.replicates = options.replicates;
    settings.threads = options.threads;
    if (options.policy_names.empty()) {
      settings.policies.push_back(scenario.parameters().policy.name);
    } else {
      for (const auto& name : options.policy_names) {
        settings.policies.push_back(*model::parse_spelling(name, model::policy_name_spellings));
      }
    }
    output::FolderOptions folder_options;
    folder_options.folder = folders[i];
    folder_options.overwrite = options.overwrite;
    folder_options.people_rows = people_rows(options.people);
    folder_options.willingness_to_pay_nok_per_stable_day = options.willingness_to_pay;
    folder_options.command_line = options.command_line;
    try {
      const auto summary = output::run_experiment_to_folder(scenario, settings, folder_options);
      std::ostringstream title;
      title << scenario.name() << ": " << options.replicates << " replicates, seed " << options.seed
            << ", mean [95% interval]";
      if (scenarios.size() == 1) {
        std::cout << output::format_comparison_table(title.str(), summary.rows(), headline_metrics);
      }
      std::cerr << scenario.name() << ": results in " << folders[i].string() << '\n';
      all_rows.push_back({scenario.name(), summary.rows()});
    } catch (const std::invalid_argument& error) {
      std::cerr << "hsim " << command_name << ": error: " << scenario.files().front().string() << ": " << error.what()
                << '\n';
      return exit_bad_input;
    } catch (const output::OutputExistsError& error) {
      std::cerr << "hsim " << command_name << ": error: " << error.what() << '\n';
      return exit_bad_input;
    }
  }
  if (scenarios.size() > 1) {
    std::ostringstream title;
    title << options.replicates << " replicates per scenario and policy, seed " << options.seed
          << "; mean [95% interval]";
    std::cout << output::format_scenarios_table(title.str(), all_rows, headline_metrics);
  }
  return exit_ok;
}

}  // namespace

Command add_run_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<ExperimentOptions>();
  options->command_line = command_line;
  auto* command = app.add_subcommand("run", "Run a scenario under one policy over replicates");
  command->add_option("scenario", options->scenario_files, "Scenario file")->required()->check(CLI::ExistingFile);
  command->add_option("--policy", options->policy_names, "Policy (default: the scenario's policy.name)")
      ->check(CLI::IsMember(policy_spellings()))
      ->expected(1);
  add_common_options(*command, *options);
  return {command, [options] { return run_experiments(*options, "run"); }};
}

Command add_compare_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<ExperimentOptions>();
  options->command_line = command_line;
  options->policy_names = {"usual_services", "housing_first"};
  auto* command = app.add_subcommand(
      "compare",
      "Run scenarios under two or more policies on the same people (common random numbers) and report "
      "paired differences");
  command->add_option("scenarios", options->scenario_files, "Scenario files")->required()->check(CLI::ExistingFile);
  command->add_option("--policies", options->policy_names, "Policies, the first is the baseline")
      ->delimiter(',')
      ->check(CLI::IsMember(policy_spellings()));
  command
      ->add_option("--wtp", options->willingness_to_pay,
                   "Willingness to pay per extra day stably housed, NOK (repeatable): writes ceac.csv")
      ->check(CLI::NonNegativeNumber);
  add_common_options(*command, *options);
  return {command, [options] {
            if (options->policy_names.size() < 2) {
              std::cerr
                  << "hsim compare: error: --policies needs at least two policies, e.g. usual_services,housing_first\n";
              return exit_bad_input;
            }
            return run_experiments(*options, "compare");
          }};
}

}  // namespace hsim::cli
