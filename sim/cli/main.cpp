#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "sim/cli/exit_codes.hpp"

int main(int argc, char** argv) {
  CLI::App app{"hsim: agent-based simulation of a city's homelessness services (staircase vs Housing First)", "hsim"};
  app.set_version_flag("--version", std::string("hsim ") + HSIM_VERSION);
  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return hsim::cli::exit_bad_input;
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
  }
  return hsim::cli::exit_ok;
}
