#pragma once

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim report RUN_FOLDER`: (re)writes the folder's report.html from its tables.
Command add_report_command(CLI::App& app);

}  // namespace hsim::cli
