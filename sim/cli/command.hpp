#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace hsim::cli {

// A subcommand: its CLI11 parser and what to run when the user chose it. The action returns the
// process exit code (exit_codes.hpp) and reports its own errors on stderr.
struct Command {
  CLI::App* parser = nullptr;
  std::function<int()> action;
};

}  // namespace hsim::cli
