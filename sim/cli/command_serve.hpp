#pragma once

#include "sim/cli/command.hpp"

namespace hsim::cli {

// `hsim serve`: the workshop page and its JSON API (see sim/server/http_api.hpp).
Command add_serve_command(CLI::App& app);

}  // namespace hsim::cli
