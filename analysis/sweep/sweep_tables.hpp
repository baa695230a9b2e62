#pragma once

// The tables a sweep writes, declared once: headers and documentation come from these schemas.

#include <string>
#include <vector>

#include "sim/output/csv_writer.hpp"
#include "sim/output/table_schema.hpp"

namespace hsim::analysis::sweep {

// points.csv: one row per design point; one column per parameter key after `point`.
output::TableSchema points_schema(const std::vector<std::string>& parameter_keys);
// results.csv: one row per (point, replicate, policy, metric).
output::TableSchema results_schema();
// aggregated.csv: one row per (point, policy, metric) over the replicates.
output::TableSchema aggregated_schema();

// The header line of a schema and one CSV row, each ending in a newline, formatted as CsvWriter does.
std::string csv_header(const output::TableSchema& schema);
std::string csv_line(const std::vector<output::CsvCell>& cells);

}  // namespace hsim::analysis::sweep
