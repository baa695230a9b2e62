#pragma once

// report.html: one self-contained page (Chart.js and the front end inlined, the data as JSON) with the
// charts of a run folder: the main table, the cohort in ordinary housing over time as fan charts,
// Kaplan-Meier curves of the first stay in housing, forest plots of the paired differences, cost by payer and
// year, and the acceptability curve when ceac.csv is there.

#include <filesystem>
#include <string>

namespace hsim::output {

// Builds the report from the tables in `folder` (manifest.json, summary.csv, timeseries.csv,
// people.csv, costs.csv, ceac.csv when present) and writes it to `file`. Throws std::runtime_error
// when a table is missing or unreadable.
void write_html_report(const std::filesystem::path& folder, const std::filesystem::path& file);

// The report's data for the run folder, as the JSON object report.js draws (the page served by
// `hsim serve` draws the same object).
std::string report_data_json(const std::filesystem::path& folder);

// A fit report from the CSV `hsim fit --csv` writes: the share targets as a chart of the observation's
// 95 % interval against the simulated 90 % band, and every target in a table.
void write_fit_report(const std::filesystem::path& fit_csv, const std::filesystem::path& file, const std::string& title,
                      const std::string& verdict);

// A sensitivity report from a folder's indices.csv: for each policy and metric, Sobol' first-order and
// total indices, or Morris mu* and sigma, per parameter with their bootstrap intervals.
void write_sensitivity_report(const std::filesystem::path& folder, const std::filesystem::path& file);

// The page for already built report data (a JSON object as report.js reads it).
std::string html_report_page(const std::string& title, const std::string& data_json);

}  // namespace hsim::output
