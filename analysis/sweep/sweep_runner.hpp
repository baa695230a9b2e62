#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/design/design.hpp"
#include "analysis/sweep/point_evaluator.hpp"
#include "analysis/sweep/progress_reporter.hpp"
#include "analysis/sweep/resumable_folder.hpp"
#include "analysis/sweep/shard.hpp"
#include "analysis/sweep/sweep_spec.hpp"

namespace hsim::analysis::sweep {

struct RunOptions {
  std::filesystem::path out;
  unsigned threads = 1;
  bool overwrite = false;
  ProgressStyle progress = ProgressStyle::quiet;
  std::ostream* progress_out = nullptr;  // stderr when null
  std::string command_line;              // recorded in the manifest
  std::optional<Shard> shard;            // evaluate only this shard's block of points
};

struct EvaluationSummary {
  std::uint64_t points = 0;
  std::uint64_t points_already_done = 0;  // found finished in an interrupted run
  std::uint64_t evaluations = 0;          // model calls made by this process
  double seconds = 0.0;
};

// The design the spec's `design:` section asks for (it must have one).
std::unique_ptr<design::Design> make_sweep_design(const SweepSpec& spec);

// Evaluates every point of `design` for each replicate and policy into the folder's points.csv,
// results.csv and aggregated.csv. Results are written in point order as they arrive, and after each
// point a journal records the file lengths, so a killed run continues where it stopped (any rows
// after the last recorded point are cut off). Memory does not grow with the number of points, and
// the files do not depend on the thread count or on the number of MPI ranks that share the work.
EvaluationSummary evaluate_design(const SweepSpec& spec, const PointEvaluator& evaluator, const design::Design& design,
                                  ResumableFolder& folder, const RunOptions& options);

// On an MPI rank other than 0: computes the blocks of evaluate_design's tasks rank 0 sends, until it
// has no more (rank 0 writes every file).
void serve_design(const SweepSpec& spec, const PointEvaluator& evaluator, const design::Design& design,
                  const RunOptions& options);

// Text that identifies what a run computes; an interrupted run is continued only by a command with
// the same fingerprint. A shard's folder adds its shard to it.
std::string run_fingerprint(const std::string& command, const SweepSpec& spec, const std::string& extra = "");
std::string run_fingerprint(const std::string& command, const SweepSpec& spec, const std::string& extra,
                            const std::optional<Shard>& shard);

// The points a run evaluates: all of the design's, or its shard's block.
PointRange points_to_evaluate(const design::Design& design, const RunOptions& options);

// Writes a shard's shard.json (nothing for a whole run).
void write_shard_record_if_sharded(const std::filesystem::path& file, const std::string& command,
                                   const std::string& extra, const SweepSpec& spec, const design::Design& design,
                                   const RunOptions& options);

// Writes manifest.json for a sweep or sensitivity run into the folder.
void write_run_manifest(const std::filesystem::path& file, const SweepSpec& spec, const RunOptions& options);

// `hsim sweep`: the whole run from a validated spec to a committed output folder.
EvaluationSummary run_sweep(const SweepSpec& spec, const PointEvaluator& evaluator, const RunOptions& options);

inline constexpr const char* journal_file_name = "journal.csv";

}  // namespace hsim::analysis::sweep
