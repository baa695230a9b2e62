#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "analysis/sweep/point_evaluator.hpp"
#include "analysis/sweep/sweep_runner.hpp"
#include "analysis/sweep/sweep_spec.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace hsim::analysis::sensitivity {

enum class Method { morris, sobol };

struct SensitivityOptions {
  sweep::RunOptions run;
  Method method = Method::sobol;
  bool second_order = false;             // also when the spec asks for it
  std::optional<std::size_t> bootstrap;  // overrides the spec
};

// Problems that make the spec unusable for the method (too many parameters for the Saltelli
// sequence, list parameters in a Morris design), reported with the spec's locations.
void check_spec_for_method(const sweep::SweepSpec& spec, Method method, scenario::Diagnostics& diagnostics);

// `hsim sensitivity`: evaluates the method's design (resumable, like a sweep), then writes
// indices.csv and variance.csv beside points/results/aggregated.csv and prints a table ranked by
// total effect (Sobol) or mu* (Morris) to `console`.
// With options.run.shard, only the shard's points are evaluated into its folder (with shard.json) and
// no indices are computed.
void run_sensitivity(const sweep::SweepSpec& spec, const sweep::PointEvaluator& evaluator,
                     const SensitivityOptions& options, std::ostream& console);

// `hsim sensitivity --from MERGED`: the indices of a folder `hsim merge` wrote from the shards of this
// spec and method, written into that folder (indices.csv, variance.csv) as a one-process run writes
// them. Throws sweep::ShardMismatch when the folder holds another spec, method or seed.
void analyse_merged_sensitivity(const sweep::SweepSpec& spec, const sweep::PointEvaluator& evaluator,
                                const SensitivityOptions& options, const std::filesystem::path& merged,
                                std::ostream& console);

}  // namespace hsim::analysis::sensitivity
