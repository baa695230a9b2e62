#pragma once

#include <CLI/CLI.hpp>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim params`: the parameter reference generated from the key declarations (markdown).
Command add_params_command(CLI::App& app);

}  // namespace hsim::cli
