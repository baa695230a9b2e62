#pragma once

// Runs a policy experiment on a scenario and writes its run folder: manifest.json, summary.csv,
// people.csv, timeseries.csv, costs.csv and, when willingness-to-pay values are given, ceac.csv.
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

analysis::ExperimentSummary run_experiment_to_folder(const scenario::Scenario& scenario,
                                                     const analysis::ExperimentSettings& settings,
                                                     const FolderOptions& options);

}  // namespace hsim::output
