#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/command.hpp"
#include "sim/cli/command_calibrate.hpp"
#include "sim/cli/command_fit.hpp"
#include "sim/cli/command_goal.hpp"
#include "sim/cli/command_merge.hpp"
#include "sim/cli/command_outputs.hpp"
#include "sim/cli/command_params.hpp"
#include "sim/cli/command_report.hpp"
#include "sim/cli/command_run.hpp"
#include "sim/cli/command_sensitivity.hpp"
#include "sim/cli/command_serve.hpp"
#include "sim/cli/command_sweep.hpp"
#include "sim/cli/command_validate.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory_reuse.hpp"
#include "sim/scenario/nearest_name.hpp"

namespace {

// The argument as a POSIX shell reads it back: bare when it holds only safe characters, else in single
// quotes, so that the manifest's command line can be pasted into a shell as it is.
std::string shell_quoted(const std::string& argument) {
  const bool safe = !argument.empty() && argument.find_first_not_of(
                                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789_-./=:,+@%") == std::string::npos;
  if (safe) return argument;
  std::string quoted = "'";
  for (char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

int main(int argc, char** argv) {
  hsim::engine::keep_freed_memory_for_reuse();
  hsim::engine::distributed::Session mpi(argc, argv);
  if (const std::string problem = hsim::engine::distributed::launch_problem(); !problem.empty()) {
    std::cerr << "hsim: error: " << problem << "\n";
    return hsim::cli::exit_bad_input;
  }
  // Under mpirun only rank 0 speaks; the other ranks compute what it hands them.
  if (!hsim::engine::distributed::is_root()) {
    std::cout.setstate(std::ios_base::badbit);  // a stream in a failed state writes nothing
    std::cerr.setstate(std::ios_base::badbit);
  }
  CLI::App app{"hsim: agent-based simulation of a city's homelessness services (staircase vs Housing First)", "hsim"};
  app.set_version_flag("--version", std::string("hsim ") + HSIM_VERSION);
  app.require_subcommand(0, 1);
  // Every option's help shows its default value.
  app.option_defaults()->always_capture_default();

  // The command line recorded in manifests leaves out --threads and --threads-per-replicate: results do
  // not depend on them, and a run folder must be byte-identical at any thread count.
  std::string command_line = "hsim";
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--threads" || argument == "--threads-per-replicate") {
      ++i;
      continue;
    }
    if (argument.rfind("--threads=", 0) == 0 || argument.rfind("--threads-per-replicate=", 0) == 0) continue;
    command_line += " " + shell_quoted(argument);
  }

  // Each subcommand registers itself here; the order is the order of `hsim --help`.
  std::vector<hsim::cli::Command> commands;
  commands.push_back(hsim::cli::add_run_command(app, command_line));
  commands.push_back(hsim::cli::add_compare_command(app, command_line));
  commands.push_back(hsim::cli::add_whatif_command(app, command_line));
  commands.push_back(hsim::cli::add_goal_command(app, command_line));
  commands.push_back(hsim::cli::add_report_command(app));
  commands.push_back(hsim::cli::add_serve_command(app));
  commands.push_back(hsim::cli::add_validate_command(app));
  commands.push_back(hsim::cli::add_params_command(app));
  commands.push_back(hsim::cli::add_outputs_command(app));
  commands.push_back(hsim::cli::add_sweep_command(app, command_line));
  commands.push_back(hsim::cli::add_sensitivity_command(app, command_line));
  commands.push_back(hsim::cli::add_merge_command(app, command_line));
  commands.push_back(hsim::cli::add_fit_command(app));
  commands.push_back(hsim::cli::add_calibrate_command(app, command_line));
  // A required option has no default, and an empty list says nothing; show only real defaults.
  for (const auto& command : commands) {
    for (CLI::Option* option : command.parser->get_options()) {
      if (option->get_required() || option->get_default_str() == "[]") option->default_str("");
    }
  }

  // An unknown long option would otherwise be taken for a positional argument ("File does not exist: 2").
  if (argc > 1) {
    for (const auto& command : commands) {
      if (command.parser->get_name() != argv[1]) continue;
      std::vector<std::string> known;
      for (const CLI::Option* option : command.parser->get_options()) {
        for (const auto& name : option->get_lnames()) known.push_back("--" + name);
      }
      for (int i = 2; i < argc; ++i) {
        std::string argument = argv[i];
        if (argument.rfind("--", 0) != 0 || argument.size() == 2) continue;
        argument = argument.substr(0, argument.find('='));
        if (std::find(known.begin(), known.end(), argument) != known.end()) continue;
        std::cerr << "hsim " << argv[1] << ": error: unknown option " << argument;
        if (const auto suggestion = hsim::scenario::nearest_name(argument, known)) {
          std::cerr << " (did you mean " << *suggestion << "?)";
        }
        std::cerr << "; see hsim " << argv[1] << " --help\n";
        return hsim::cli::exit_bad_input;
      }
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return hsim::cli::exit_bad_input;
  }
  hsim::cli::install_interrupt_handlers();
  for (const auto& command : commands) {
    if (command.parser->parsed()) {
      namespace distributed = hsim::engine::distributed;
      const std::string name = command.parser->get_name();
      const bool runs_over_ranks = name == "sweep" || name == "sensitivity" || name == "fit" || name == "calibrate";
      if (distributed::ranks() > 1 && !runs_over_ranks) {
        std::cerr << "hsim " << name << ": error: only sweep, sensitivity, fit and calibrate run over MPI ranks; "
                  << "run hsim " << name << " as one process (its --threads use the cores of one machine)\n";
        return hsim::cli::exit_bad_input;
      }
      try {
        return command.action();
      } catch (const distributed::WorkStopped&) {
        return hsim::cli::exit_ok;  // rank 0 ended first and reports why
      } catch (const hsim::engine::EnsembleStopped&) {
        std::cerr << "hsim " << command.parser->get_name() << ": stopped by a signal; nothing was written\n";
        return hsim::cli::interrupted_exit_code();
      } catch (const std::exception& error) {
        std::cerr << "hsim " << command.parser->get_name() << ": error: " << error.what() << '\n';
        if (!distributed::is_root()) distributed::abort_job(hsim::cli::exit_failure);
        return hsim::cli::exit_failure;
      }
    }
  }
  std::cout << app.help();
  return hsim::cli::exit_ok;
}
