#pragma once

// The tables of a run folder: their schemas (declared once; headers and docs/outputs.md come from
// them) and a writer that streams replicates to disk as they arrive.

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/policy_experiment.hpp"
#include "sim/output/csv_writer.hpp"
#include "sim/output/table_schema.hpp"

namespace hsim::output {

const TableSchema& summary_schema();
const TableSchema& people_schema();
const TableSchema& timeseries_schema();
const TableSchema& costs_schema();
const TableSchema& replicates_schema();
std::vector<const TableSchema*> run_table_schemas();

// Which people get rows in people.csv: the programme cohort (default), everyone, or nobody.
enum class PeopleRows { cohort, all, none };

// Streams replicates.csv, people.csv, timeseries.csv and costs.csv into a folder, one replicate at a
// time. Rows carry the arm's label (`arm_labels[i]` for results[i]; the policy name when not given).
class RunTableWriter : public analysis::ReplicateObserver {
 public:
  RunTableWriter(const std::filesystem::path& folder, PeopleRows people_rows, std::vector<std::string> arm_labels = {});
  void on_replicate(std::size_t replicate, const std::vector<model::ReplicateResult>& results) override;
  // Flushes and checks every stream; throws on an I/O error.
  void finish();

 private:
  struct Table {
    std::filesystem::path path;
    std::ofstream stream;
    std::unique_ptr<CsvWriter> writer;
  };
  static void open(Table& table, const std::filesystem::path& folder, const TableSchema& schema);

  PeopleRows people_rows_;
  std::vector<std::string> arm_labels_;
  Table replicates_;
  Table people_;
  Table timeseries_;
  Table costs_;
};

void write_summary_csv(const std::filesystem::path& file, const std::vector<analysis::SummaryRow>& rows);

}  // namespace hsim::output
