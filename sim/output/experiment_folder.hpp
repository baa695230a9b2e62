#pragma once

// Runs an experiment and writes its run folder: manifest.json, the resolved scenario, summary.csv,
// replicates.csv, people.csv, timeseries.csv, costs.csv and, with willingness-to-pay values, ceac.csv.
// The folder appears whole or not at all.

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/policy_experiment.hpp"
#include "sim/output/run_tables.hpp"
#include "sim/scenario/scenario.hpp"

namespace hsim::output {

struct FolderOptions {
  std::filesystem::path folder;
  bool overwrite = false;
  PeopleRows people_rows = PeopleRows::cohort;
  std::vector<double> willingness_to_pay_nok_per_stable_day;
  std::string command_line;
};

const TableSchema& ceac_schema();

// One policy experiment on one scenario: an arm per policy in settings.policies.
analysis::ExperimentSummary run_experiment_to_folder(const scenario::Scenario& scenario,
                                                     const analysis::ExperimentSettings& settings,
                                                     const FolderOptions& options);

// An arm of a run folder: a loaded scenario (base or variant) under a policy, with its label.
struct FolderArm {
  std::string label;
  const scenario::Scenario* scenario = nullptr;
  model::PolicyName policy = model::PolicyName::housing_first;
  const std::vector<model::ReplicateResult>* reuse = nullptr;  // see analysis::ExperimentArm
  std::vector<model::ReplicateResult>* keep = nullptr;
};

// Runs the arms on the same people and seeds (the first is the baseline of the paired differences)
// and writes the folder; each scenario's resolved YAML is written beside the results.
analysis::ExperimentSummary run_arms_to_folder(const std::vector<FolderArm>& arms,
                                               const analysis::ExperimentSettings& settings,
                                               const FolderOptions& options);

}  // namespace hsim::output
