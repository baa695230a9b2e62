#pragma once

#include <string>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// hsim run SCENARIO [--policy NAME] [--reps N] [--seed S] [--threads T] [--out DIR] [--set k=v]...
Command add_run_command(CLI::App& app, const std::string& command_line);

// hsim compare SCENARIO... [--policies a,b] [--wtp NOK]... (paired, common random numbers)
Command add_compare_command(CLI::App& app, const std::string& command_line);

// hsim whatif BASE [VARIANT...] [--add k=amount]... [--set k=v]... (paired against the baseline)
Command add_whatif_command(CLI::App& app, const std::string& command_line);

}  // namespace hsim::cli
