#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "analysis/sweep/point_evaluator.hpp"
#include "analysis/sweep/sweep_spec.hpp"
#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim sweep SPEC.yaml [--out DIR] [--threads T] [--quiet] [--overwrite] [--shard K/N]`
Command add_sweep_command(CLI::App& app, const std::string& command_line);

// A validated spec with the evaluator its `model:` names.
struct SweepInputs {
  analysis::sweep::SweepSpec spec;
  std::unique_ptr<analysis::sweep::PointEvaluator> evaluator;
};

// Reads the spec and builds its evaluator; on any problem prints every located error on stderr and
// returns nothing (the caller exits with exit_bad_input).
std::optional<SweepInputs> load_sweep_inputs(const std::string& spec_file, const char* command);

}  // namespace hsim::cli
