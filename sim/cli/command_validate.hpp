#pragma once

#include <CLI/CLI.hpp>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim validate FILE... [--set key.path=value]... [--resolved] [--require-provenance]`
Command add_validate_command(CLI::App& app);

}  // namespace hsim::cli
