#include "sim/cli/command_params.hpp"

#include <iostream>

#include "sim/cli/exit_codes.hpp"
#include "sim/scenario/parameter_reference.hpp"

namespace hsim::cli {

Command add_params_command(CLI::App& app) {
  CLI::App* command =
      app.add_subcommand("params", "Print the scenario parameter reference (markdown, as in scenarios/PARAMETERS.md)");
  return Command{command, [] {
                   std::cout << scenario::parameter_reference_markdown();
                   return exit_ok;
                 }};
}

}  // namespace hsim::cli
