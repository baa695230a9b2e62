#pragma once

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim outputs`: the run-folder reference (docs/outputs.md), generated from the table schemas.
Command add_outputs_command(CLI::App& app);

}  // namespace hsim::cli
