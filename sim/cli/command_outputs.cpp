#include "sim/cli/command_outputs.hpp"

#include <iostream>

#include "sim/cli/exit_codes.hpp"
#include "sim/output/outputs_reference.hpp"

namespace hsim::cli {

Command add_outputs_command(CLI::App& app) {
  auto* command = app.add_subcommand("outputs", "Print the reference of run-folder files, columns and metrics");
  return {command, [] {
            std::cout << output::outputs_reference_markdown();
            return exit_ok;
          }};
}

}  // namespace hsim::cli
