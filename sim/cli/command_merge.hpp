#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim merge SHARD_DIR... --out DIR [--overwrite]`: shard folders of one sweep or sensitivity run
// joined into the files one process writes.
Command add_merge_command(CLI::App& app, const std::string& command_line);

}  // namespace hsim::cli
