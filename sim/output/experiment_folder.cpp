#include "sim/output/experiment_folder.hpp"

#include <fstream>
#include <stdexcept>

#include "analysis/cost_effectiveness.hpp"
#include "sim/output/html_report.hpp"
#include "sim/output/manifest.hpp"
#include "sim/output/run_folder.hpp"
#include "sim/scenario/resolved_yaml.hpp"

namespace hsim::output {

const TableSchema& ceac_schema() {
  static const TableSchema schema{
      "ceac.csv",
      "Cost-effectiveness acceptability curve: for each policy against the baseline and each willingness to pay "
      "per extra day stably housed, the share of paired replicates in which the policy is cost-effective "
      "(willingness_to_pay * extra stable days - extra cost > 0).",
      {{"policy", "Paired difference, `b-a`"},
       {"wtp_nok_per_stable_day", "Willingness to pay for one more day stably housed, NOK"},
       {"probability_cost_effective", "Share of replicates with a positive net monetary benefit"},
       {"reps", "Paired replicates"}}};
  return schema;
}

namespace {

// dictionary.csv: every column of every table in the folder with its meaning and unit, for a reader
// who opens the folder in a spreadsheet without the documentation.
void write_data_dictionary(const std::filesystem::path& file) {
  static const TableSchema schema{
      "dictionary.csv",
      "Every column of the folder's tables with its meaning.",
      {{"file", "Table"}, {"column", "Column"}, {"meaning", "What the column holds, with its unit"}}};
  std::ofstream out(file);
  CsvWriter writer(out, schema);
  std::vector<const TableSchema*> tables = run_table_schemas();
  tables.push_back(&ceac_schema());
  for (const TableSchema* table : tables) {
    for (const auto& column : table->columns) {
      writer.write_row(
          {std::string_view(table->file_name), std::string_view(column.name), std::string_view(column.description)});
    }
  }
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

void write_ceac(const std::filesystem::path& file, const analysis::ExperimentSummary& summary,
                const std::vector<double>& willingness_to_pay) {
  std::ofstream out(file);
  CsvWriter writer(out, ceac_schema());
  const auto& labels = summary.labels();
  for (std::size_t p = 1; p < labels.size(); ++p) {
    const std::string label = analysis::difference_label(labels[p], labels[0]);
    for (const auto& point :
         analysis::acceptability_curve(summary.paired_cost_and_stable_days(p), willingness_to_pay)) {
      writer.write_row({std::string_view(label), point.willingness_to_pay_nok_per_stable_day,
                        point.probability_cost_effective, static_cast<std::int64_t>(point.replicates)});
    }
  }
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

}  // namespace

analysis::ExperimentSummary run_experiment_to_folder(const scenario::Scenario& scenario,
                                                     const analysis::ExperimentSettings& settings,
                                                     const FolderOptions& options) {
  std::vector<FolderArm> arms;
  for (auto policy : settings.policies) arms.push_back({std::string(model::to_string(policy)), &scenario, policy});
  return run_arms_to_folder(arms, settings, options);
}

analysis::ExperimentSummary run_arms_to_folder(const std::vector<FolderArm>& arms,
                                               const analysis::ExperimentSettings& settings,
                                               const FolderOptions& options) {
  RunFolder folder(options.folder, options.overwrite);
  std::vector<analysis::ExperimentArm> experiment_arms;
  std::vector<std::string> labels;
  for (const auto& arm : arms) {
    experiment_arms.push_back({arm.label, &arm.scenario->parameters(), arm.policy, arm.reuse, arm.keep});
    labels.push_back(arm.label);
  }
  RunTableWriter tables(folder.file(""), options.people_rows, labels);
  analysis::ExperimentSummary summary = analysis::run_arm_experiment(experiment_arms, settings, &tables);
  tables.finish();
  write_summary_csv(folder.file(summary_schema().file_name), summary.rows());
  if (!options.willingness_to_pay_nok_per_stable_day.empty() && arms.size() > 1) {
    write_ceac(folder.file(ceac_schema().file_name), summary, options.willingness_to_pay_nok_per_stable_day);
  }

  // The resolved scenario of each distinct scenario beside the results, so that a run can be read and
  // repeated without the files it came from.
  const scenario::Scenario& base = *arms.front().scenario;
  Manifest manifest;
  manifest.command_line = options.command_line;
  for (const auto& file : base.files()) manifest.scenario_files.push_back(file.string());
  manifest.overrides = base.overrides();
  manifest.resolved_scenario_yaml = scenario::resolved_yaml(base);
  for (const auto& arm : arms) manifest.policies.push_back(arm.label);
  manifest.seed = settings.seed;
  manifest.replicates = settings.replicates;
  write_manifest(folder.file("manifest.json"), manifest);
  const scenario::Scenario* written = nullptr;
  for (const auto& arm : arms) {
    if (arm.scenario == written) continue;
    const std::string name = arm.scenario == &base ? "scenario" : arm.label;
    std::ofstream resolved(folder.file(name + ".resolved.yaml"));
    resolved << scenario::resolved_yaml(*arm.scenario);
    if (!resolved) throw std::runtime_error("could not write " + name + ".resolved.yaml");
    written = arm.scenario;
  }
  write_data_dictionary(folder.file("dictionary.csv"));
  write_html_report(folder.file(""), folder.file("report.html"));
  folder.commit();
  return summary;
}

}  // namespace hsim::output
