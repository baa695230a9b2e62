#pragma once

// Writes report.html into a folder hsim wrote, choosing the report by the tables there: a sensitivity
// folder (indices.csv), a sweep folder (points.csv and aggregated.csv) or a run folder (summary.csv).
// Every report file is written beside its final name and renamed, so a failure leaves the old one whole.

#include <filesystem>
#include <functional>

namespace hsim::output {

// Calls `write(partial)` for `file` + ".partial", then renames it to `file`; on an exception removes the
// partial file and rethrows.
void write_replacing(const std::filesystem::path& file, const std::function<void(const std::filesystem::path&)>& write);

// Writes FOLDER/report.html; returns its path. Throws std::runtime_error when the folder's tables are
// missing or unreadable.
std::filesystem::path write_folder_report(const std::filesystem::path& folder);

}  // namespace hsim::output
