#include "sim/cli/command_serve.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/server/http_api.hpp"

namespace hsim::cli {

namespace {

struct ServeOptions {
  server::ServerOptions server;
  std::string scenario_folder = std::string(HSIM_SOURCE_DIR) + "/scenarios";
  std::string store = "runs/workshop.sqlite";
  std::size_t max_replicates = 1000;
  double max_run_seconds = 60.0;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
};

int run_serve(const ServeOptions& options) {
  const std::vector<server::CatalogueScenario> scenarios = server::list_scenarios(options.scenario_folder);
  if (scenarios.empty()) {
    std::cerr << "hsim serve: error: no city scenarios in " << options.scenario_folder << '\n';
    return exit_bad_input;
  }
  const std::filesystem::path store_file(options.store);
  if (store_file.has_parent_path()) std::filesystem::create_directories(store_file.parent_path());
  server::RunStore store(options.store);
  // Runs are written to a staging folder of the server's own beside the store and removed once read.
  const std::filesystem::path work_folder =
      (store_file.has_parent_path() ? store_file.parent_path() : std::filesystem::path(".")) / ".hsim-serve-work";
  std::filesystem::create_directories(work_folder);
  server::ServiceLimits limits;
  limits.max_replicates = options.max_replicates;
  limits.default_replicates = std::min<std::size_t>(200, options.max_replicates);
  limits.threads = options.threads;
  limits.max_run_seconds = options.max_run_seconds;
  server::WhatIfService service(scenarios, store, work_folder, limits, interrupt_flag());
  server::WorkshopRooms rooms(std::random_device{}());
  if (options.server.host != "127.0.0.1" && options.server.host != "localhost" && options.server.host != "::1") {
    std::cerr << "hsim serve: warning: listening on " << options.server.host
              << ", so anyone on that network can use this server; there are no accounts or passwords\n";
  }
  std::cerr << "hsim serve: " << scenarios.size() << " scenarios, " << store.count() << " stored runs in "
            << options.store << "; Ctrl-C stops\n";
  server::ServerOptions server_options = options.server;
  server_options.exit_code_after_grace = [] { return interrupted_exit_code(); };
  if (!server::serve(service, rooms, server_options, *interrupt_flag())) {
    std::cerr << "hsim serve: error: cannot listen on " << options.server.host << ":" << options.server.port
              << " (in use, or not an address of this machine); choose another --port or --host\n";
    return exit_bad_input;
  }
  std::cerr << "hsim serve: stopped; the store is closed\n";
  return interrupt_flag()->load() ? interrupted_exit_code() : exit_ok;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* command =
      app.add_subcommand("serve", "Serve the workshop page and its JSON API: pick a city, move levers, run what-ifs");
  command->add_option("--port", options->server.port, "TCP port (0: any free port, printed)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--host", options->server.host, "Address to listen on; other than loopback opens it to a network")
      ->capture_default_str();
  command->add_option("--store", options->store, "SQLite file of stored runs")->capture_default_str();
  command->add_option("--scenarios", options->scenario_folder, "Folder of the city scenarios (and teaching/)")
      ->check(CLI::ExistingDirectory);
  command->add_option("--max-reps", options->max_replicates, "Most replicates one request may ask for")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command
      ->add_option("--max-run-seconds", options->max_run_seconds,
                   "Longest one run may take; a longer one is stopped and refused (HTTP 503)")
      ->check(CLI::Range(0.1, 86400.0));
  command->add_option("--threads", options->threads, "Worker threads per run")->check(CLI::Range(1, 1024));
  return {command, [options] { return run_serve(*options); }};
}

}  // namespace hsim::cli
