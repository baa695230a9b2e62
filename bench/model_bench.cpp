// Throughput of the city model: replicates per second, events per second and simulated
// person-days per second, for a Bergen-sized city (the default CityParameters) under each policy.
//
//   hsim-bench-model --replicates 200 --threads 1
//   hsim-bench-model --replicates 200 --paired --ensemble-threads 2   (paired HF/staircase runs in parallel)
//   hsim-bench-model --initial-homeless 580 --inflow 300              (a city pool the size of Bergen's)

#include <CLI/CLI.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory_reuse.hpp"
#include "sim/model/run.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Processor time of this process (all threads): robust to other load on the machine.
double cpu_seconds_since(std::clock_t start) {
  return static_cast<double>(std::clock() - start) / static_cast<double>(CLOCKS_PER_SEC);
}

struct Totals {
  std::uint64_t events = 0;
  double person_days = 0.0;
  std::uint64_t replicates = 0;
};

}  // namespace

int main(int argc, char** argv) {
  hsim::engine::keep_freed_memory_for_reuse();
  CLI::App app{"City model throughput (default Bergen-sized parameters, or --scenario FILE)"};
  std::size_t replicates = 200;
  unsigned threads = 1;
  unsigned ensemble_threads = 1;
  bool paired = false;
  std::uint64_t seed = 1;
  app.add_option("--replicates", replicates, "Replicates per policy");
  app.add_option("--threads", threads, "Threads inside one replicate");
  app.add_option("--ensemble-threads", ensemble_threads, "Replicates run in parallel (paired mode)");
  app.add_flag("--paired", paired, "Run housing_first and staircase for each replicate, in parallel replicates");
  app.add_option("--seed", seed, "Seed");
  hsim::model::CityParameters parameters;
  app.add_option("--initial-homeless", parameters.city.initial_homeless_count, "city.initial_homeless_count");
  app.add_option("--inflow", parameters.city.homelessness_inflow_per_year, "city.homelessness_inflow_per_year");
  app.add_option("--pool-share", parameters.city.simulated_pool_share, "city.simulated_pool_share");
  std::string scenario_file;
  app.add_option("--scenario", scenario_file,
                 "Scenario file to benchmark instead of the defaults, e.g. scenarios/bergen.yaml")
      ->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);
  if (!scenario_file.empty()) {
    auto loaded = hsim::scenario::load_scenario(scenario_file, {});
    if (!loaded.ok()) {
      std::cerr << loaded.diagnostics.to_string();
      return 2;
    }
    parameters = loaded.scenario->parameters();
  }
  if (paired) {
    Totals totals;
    hsim::engine::EnsembleOptions options;
    options.replicates = replicates;
    options.threads = ensemble_threads;
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    hsim::engine::run_ensemble(
        options,
        [&](std::size_t r) {
          Totals t;
          constexpr std::array policies{hsim::model::PolicyName::housing_first, hsim::model::PolicyName::staircase};
          for (const auto& result : hsim::model::simulate_replicate_arms(parameters, policies, seed, r, 1)) {
            t.events += result.counters.events;
            t.person_days += result.counters.simulated_person_days;
            ++t.replicates;
          }
          return t;
        },
        [&](std::size_t, Totals t) {
          totals.events += t.events;
          totals.person_days += t.person_days;
          totals.replicates += t.replicates;
        });
    const double seconds = seconds_since(start);
    const double cpu_seconds = cpu_seconds_since(cpu_start);
    std::printf(
        "paired  replicates=%zu runs=%llu threads=%u  %.3f s  %.2f ms/pair  cpu %.2f ms/pair  %.3g events/s  "
        "%.3g person-days/s\n",
        replicates, static_cast<unsigned long long>(totals.replicates), ensemble_threads, seconds,
        1e3 * seconds / static_cast<double>(replicates), 1e3 * cpu_seconds / static_cast<double>(replicates),
        static_cast<double>(totals.events) / seconds, totals.person_days / seconds);
    return 0;
  }
  std::printf("%-14s %10s %10s %12s %12s %14s %12s\n", "policy", "ms/run", "cpu ms/run", "events/run", "events/s",
              "person-days/s", "people/run");
  for (auto policy :
       {hsim::model::PolicyName::staircase, hsim::model::PolicyName::housing_first, hsim::model::PolicyName::mixed}) {
    Totals totals;
    std::size_t people = 0;
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    for (std::size_t r = 0; r < replicates; ++r) {
      const auto result = hsim::model::simulate_replicate(parameters, policy, seed, r, threads);
      totals.events += result.counters.events;
      totals.person_days += result.counters.simulated_person_days;
      people += result.people.size();
    }
    const double seconds = seconds_since(start);
    const double cpu_seconds = cpu_seconds_since(cpu_start);
    std::printf("%-14s %10.3f %10.3f %12.0f %12.3g %14.3g %12.1f\n",
                std::string(hsim::model::to_string(policy)).c_str(), 1e3 * seconds / static_cast<double>(replicates),
                1e3 * cpu_seconds / static_cast<double>(replicates),
                static_cast<double>(totals.events) / static_cast<double>(replicates),
                static_cast<double>(totals.events) / seconds, totals.person_days / seconds,
                static_cast<double>(people) / static_cast<double>(replicates));
  }
  return 0;
}
