#pragma once

#include <string>

#include "sim/cli/command.hpp"

namespace hsim::cli {

// hsim goal SCENARIO --lever KEY --from A --to B --target 'metric>=x' [--probability P]
Command add_goal_command(CLI::App& app, const std::string& command_line);

}  // namespace hsim::cli
