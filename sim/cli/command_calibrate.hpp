#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim calibrate [CITY...] [--leave-out CITY] [--parameters p1,p2,...] [--reps N] [--seed S]
// [--threads T] [--max-evals M] [--out FILE] [--targets FILE] [--set key=value]`
Command add_calibrate_command(CLI::App& app, const std::string& command_line);

}  // namespace hsim::cli
