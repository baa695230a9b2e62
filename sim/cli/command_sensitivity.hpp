#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim sensitivity SPEC.yaml --method morris|sobol [--out DIR] [--threads T] [--second-order]
// [--bootstrap N] [--quiet] [--overwrite]`
Command add_sensitivity_command(CLI::App& app, const std::string& command_line);

}  // namespace hsim::cli
