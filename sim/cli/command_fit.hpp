#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// Exit code of `hsim fit` (and the left-out table of `hsim calibrate`) when the fit is rejected.
inline constexpr int exit_fit_rejected = 3;

// `hsim fit [CITY...] [--targets FILE] [--reps N] [--seed S] [--threads T] [--csv FILE]
// [--fitted-parameters K] [--set key=value]`: the fit table of the cities' targets.
Command add_fit_command(CLI::App& app);

}  // namespace hsim::cli
