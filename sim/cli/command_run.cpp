#include "sim/cli/command_run.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/memory_check.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/model/run.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/experiment_folder.hpp"
#include "sim/output/replaceable_folder.hpp"
#include "sim/output/run_folder.hpp"
#include "sim/scenario/lever.hpp"
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
                                                "residential_stay_survival_12m",
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
                                                "cost_city_staircase_places_nok",
                                                "cost_per_extra_stable_day_nok",
                                                "cost_offset_share"};

struct ExperimentOptions {
  std::vector<std::string> scenario_files;
  std::vector<std::string> set_overrides;
  std::vector<std::string> policy_names;
  std::size_t replicates = 200;
  std::uint64_t seed = 1;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  unsigned threads_per_replicate = 0;  // 0: the threads replicates side by side would leave idle
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
  command.add_option("--seed", options.seed, "Random seed; the same seed gives the same results")
      ->check(non_negative_whole_number());
  command.add_option("--threads", options.threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024));
  command
      .add_option("--threads-per-replicate", options.threads_per_replicate,
                  "Threads inside each replicate, for one large city (results do not depend on it); --threads "
                  "runs replicates side by side. Default: for a city of 50,000 people or more, the threads of "
                  "--threads that fewer replicates than threads would leave idle")
      ->check(CLI::Range(1, 1024))
      ->default_str("auto");
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

// Checked before any run, so that a taken folder is reported before the work, not after it.
bool output_folder_free(const std::string& command_name, const std::filesystem::path& folder, bool overwrite) {
  if (!std::filesystem::exists(folder) || overwrite) return true;
  std::cerr << "hsim " << command_name << ": error: output folder " << folder.string()
            << " already exists; choose another --out or pass --overwrite\n";
  return false;
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
    if (loaded.scenario->fragment()) {
      std::cerr << "hsim " << command_name << ": error: " << file
                << " is a fragment (fragment: true), shared values meant to be extended by a city file; run a city "
                   "scenario such as scenarios/bergen.yaml\n";
      bad_input = true;
      continue;
    }
    scenarios.push_back(std::move(*loaded.scenario));
  }
  for (std::size_t i = 0; i < options.policy_names.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (options.policy_names[i] == options.policy_names[j]) {
        std::cerr << "hsim " << command_name << ": error: policy " << options.policy_names[i]
                  << " is given twice; each policy is one arm\n";
        bad_input = true;
      }
    }
  }
  if (bad_input) return exit_bad_input;
  const std::size_t in_flight = std::min<std::size_t>(options.threads, options.replicates);
  const std::size_t arms = std::max<std::size_t>(1, options.policy_names.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    if (!memory_allows(command_name, options.scenario_files[i], scenarios[i].parameters(), arms, in_flight)) {
      return exit_bad_input;
    }
  }

  std::vector<std::filesystem::path> folders;
  for (const auto& scenario : scenarios) {
    std::filesystem::path folder =
        options.out.empty()
            ? std::filesystem::path("runs") / output::safe_path_component(scenario.name() + "-" + command_name)
            : std::filesystem::path(options.out);
    if (scenarios.size() > 1)
      folder = (options.out.empty() ? folder.parent_path() / command_name : folder) /
               output::safe_path_component(scenario.name());
    if (!output_folder_free(command_name, folder, options.overwrite)) return exit_bad_input;
    folders.push_back(folder);
  }

  std::vector<output::ScenarioRows> all_rows;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const auto& scenario = scenarios[i];
    analysis::ExperimentSettings settings;
    settings.seed = options.seed;
    settings.replicates = options.replicates;
    settings.threads = options.threads;
    settings.threads_per_replicate =
        analysis::threads_inside_each_replicate(options.threads, options.replicates, options.threads_per_replicate,
                                                model::people_over_run(scenario.parameters()).total());
    settings.stop = interrupt_flag();
    if (options.policy_names.empty()) {
      settings.policies.push_back(scenario.parameters().policy.name);
    } else {
      for (const auto& name : options.policy_names) {
        settings.policies.push_back(*model::parse_spelling(name, model::policy_name_spellings));
      }
      const auto own = scenario.parameters().policy.name;
      if (std::find(settings.policies.begin(), settings.policies.end(), own) == settings.policies.end()) {
        std::cerr << "hsim " << command_name << ": note: " << scenario.name() << " sets policy.name "
                  << model::to_string(own) << ", which this run replaces by the policies it compares; to compare "
                  << "scenario files under their own policies, use hsim whatif\n";
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
      ->check(finite_non_negative_number());
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

namespace {

struct WhatIfOptions {
  ExperimentOptions common;
  std::string base_file;
  std::vector<std::string> variant_files;
  std::vector<std::string> additions;
  std::string variant_name = "variant";
  std::string policy;
};

std::string window_text(const model::CityParameters& p) {
  std::ostringstream text;
  text << p.window.start_date.year << "-" << (p.window.start_date.month < 10 ? "0" : "") << p.window.start_date.month
       << " to " << p.window.status_date.year << "-" << (p.window.status_date.month < 10 ? "0" : "")
       << p.window.status_date.month;
  return text.str();
}

int run_whatif(const WhatIfOptions& options) {
  const auto report = [](const scenario::LoadResult& loaded) {
    std::cerr << loaded.diagnostics.to_string();
    return exit_bad_input;
  };
  auto base_loaded = scenario::load_scenario(options.base_file, {});
  if (!base_loaded.ok()) return report(base_loaded);
  const scenario::Scenario base = std::move(*base_loaded.scenario);
  if (base.fragment()) {
    std::cerr << "hsim whatif: error: " << options.base_file
              << " is a fragment (fragment: true), meant to be extended by a city file; give a city scenario\n";
    return exit_bad_input;
  }

  std::vector<scenario::Scenario> variants;
  std::vector<std::string> labels;
  for (const auto& file : options.variant_files) {
    auto loaded = scenario::load_scenario(file, {});
    if (!loaded.ok()) return report(loaded);
    labels.push_back(loaded.scenario->name() == base.name() ? std::filesystem::path(file).stem().string()
                                                            : loaded.scenario->name());
    variants.push_back(std::move(*loaded.scenario));
  }
  if (!options.common.set_overrides.empty() || !options.additions.empty()) {
    std::vector<std::string> overrides = options.common.set_overrides;
    try {
      for (const auto& addition : options.additions) {
        for (auto& text : scenario::added_value_overrides(base, addition)) overrides.push_back(std::move(text));
      }
    } catch (const std::invalid_argument& error) {
      std::cerr << "hsim whatif: error: " << error.what() << '\n';
      return exit_bad_input;
    }
    auto loaded = scenario::load_scenario(options.base_file, overrides);
    if (!loaded.ok()) return report(loaded);
    variants.push_back(std::move(*loaded.scenario));
    labels.push_back(options.variant_name);
  }
  if (variants.empty()) {
    std::cerr << "hsim whatif: error: nothing to compare: give a change (--add key=amount, --set key=value) or a "
                 "variant scenario file\n";
    return exit_bad_input;
  }
  for (const auto& label : labels) {
    if (label == "baseline") {
      std::cerr << "hsim whatif: error: a variant cannot be called baseline\n";
      return exit_bad_input;
    }
  }

  const std::filesystem::path folder =
      options.common.out.empty() ? std::filesystem::path("runs") / output::safe_path_component(base.name() + "-whatif")
                                 : std::filesystem::path(options.common.out);
  if (!output_folder_free("whatif", folder, options.common.overwrite)) return exit_bad_input;
  if (!memory_allows("whatif", options.base_file, base.parameters(), variants.size() + 1,
                     std::min<std::size_t>(options.common.threads, options.common.replicates))) {
    return exit_bad_input;
  }
  const auto policy_of = [&](const scenario::Scenario& scenario) {
    return options.policy.empty() ? scenario.parameters().policy.name
                                  : *model::parse_spelling(options.policy, model::policy_name_spellings);
  };
  std::vector<output::FolderArm> arms{{"baseline", &base, policy_of(base)}};
  for (std::size_t i = 0; i < variants.size(); ++i) arms.push_back({labels[i], &variants[i], policy_of(variants[i])});

  analysis::ExperimentSettings settings;
  settings.seed = options.common.seed;
  settings.replicates = options.common.replicates;
  settings.threads = options.common.threads;
  settings.threads_per_replicate = analysis::threads_inside_each_replicate(
      options.common.threads, options.common.replicates, options.common.threads_per_replicate,
      model::people_over_run(base.parameters()).total());
  settings.stop = interrupt_flag();
  output::FolderOptions folder_options;
  folder_options.folder = folder;
  folder_options.overwrite = options.common.overwrite;
  folder_options.people_rows = people_rows(options.common.people);
  folder_options.willingness_to_pay_nok_per_stable_day = options.common.willingness_to_pay;
  folder_options.command_line = options.common.command_line;
  try {
    const auto summary = output::run_arms_to_folder(arms, settings, folder_options);
    std::ostringstream title;
    title << base.name() << " what-if, " << window_text(base.parameters()) << ", " << options.common.replicates
          << " paired replicates, seed " << options.common.seed << "; mean [95% interval]\n";
    for (std::size_t i = 0; i < variants.size(); ++i) {
      title << "  " << labels[i] << ": ";
      if (i < options.variant_files.size()) {
        title << options.variant_files[i];
      } else {
        const auto& changes = variants[i].overrides();
        for (std::size_t c = 0; c < changes.size(); ++c) title << (c ? ", " : "") << changes[c];
      }
      title << " (" << model::to_string(arms[i + 1].policy) << ")\n";
    }
    title << "  baseline: " << options.base_file << " (" << model::to_string(arms[0].policy) << ")";
    std::cout << output::format_comparison_table(title.str(), summary.rows(), headline_metrics);
    std::cerr << base.name() << ": results in " << folder.string() << '\n';
  } catch (const std::invalid_argument& error) {
    std::cerr << "hsim whatif: error: " << error.what() << '\n';
    return exit_bad_input;
  } catch (const output::OutputExistsError& error) {
    std::cerr << "hsim whatif: error: " << error.what() << '\n';
    return exit_bad_input;
  }
  return exit_ok;
}

}  // namespace

Command add_whatif_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<WhatIfOptions>();
  options->common.command_line = command_line;
  auto* command = app.add_subcommand(
      "whatif",
      "Run a city scenario and its variants on the same people and seeds (the city's own policy unless --policy) "
      "and report each with the paired difference from the baseline");
  command->add_option("baseline", options->base_file, "The city scenario as it is")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("variants", options->variant_files, "Variant scenario files (each is one arm)")
      ->check(CLI::ExistingFile);
  command
      ->add_option("--add", options->additions,
                   "Add an amount to a value of the baseline: key.path=amount; on a by-year map (fte_by_year) it is "
                   "added to every year (repeatable)")
      ->take_all();
  command->add_option("--name", options->variant_name, "Label of the --add/--set variant")->capture_default_str();
  command->add_option("--policy", options->policy, "Run every arm under this policy")
      ->check(CLI::IsMember(policy_spellings()));
  command
      ->add_option("--wtp", options->common.willingness_to_pay,
                   "Willingness to pay per extra day stably housed, NOK (repeatable): writes ceac.csv")
      ->check(finite_non_negative_number());
  add_common_options(*command, options->common);
  return {command, [options] { return run_whatif(*options); }};
}

}  // namespace hsim::cli
