// PHOLD throughput of the engine beside a bare-heap "hold" baseline at the same pending-event count.
//
//   hsim-bench-phold --lps 64 --start-events 256 --remote 0.25 --mean 1 --lookahead 1 --end 200 --threads 2
//   hsim-bench-phold --table      (the standard table: pending 64 / 16,384 / 262,144 at 1 and 2 threads)

#include <CLI/CLI.hpp>

#include <cstdio>

#include "bench/engine_limits.hpp"

namespace {

using namespace hsim::bench;

void print_table(unsigned max_threads) {
  std::printf("PHOLD (64 LPs, remote 0.25, mean 1, lookahead 1) vs bare binary heap (hold), same pending count\n");
  std::printf("%10s %8s %14s %10s %14s %14s\n", "pending", "threads", "events/s", "ns/event", "hold events/s",
              "ratio to hold");
  const std::uint64_t pending_counts[] = {64, 16384, 262144};
  for (std::uint64_t pending : pending_counts) {
    const std::uint64_t target_events = pending >= 262144 ? 20'000'000 : 30'000'000;
    const Measurement hold = measure_hold(pending, target_events);
    for (unsigned threads = 1; threads <= max_threads; ++threads) {
      const Measurement phold = measure_phold_at(pending, target_events, threads);
      std::printf("%10llu %8u %14.0f %10.1f %14.0f %14.2f\n", static_cast<unsigned long long>(pending), threads,
                  phold.events_per_second(), phold.ns_per_event(), hold.events_per_second(),
                  phold.events_per_second() / hold.events_per_second());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"PHOLD benchmark of the hsim engine (ROSS PHOLD semantics)", "hsim-bench-phold"};
  hsim::bench::PholdParameters parameters;
  bool table = false;
  unsigned table_threads = 2;
  app.add_flag("--table", table, "Print the standard table instead of one run");
  app.add_option("--table-threads", table_threads, "Largest thread count in the table")->check(CLI::Range(1, 64));
  app.add_option("--lps", parameters.lps, "Logical processes")->check(CLI::Range(1, 1 << 20));
  app.add_option("--start-events", parameters.start_events, "Starting events per LP")->check(CLI::Range(1, 1 << 24));
  app.add_option("--remote", parameters.remote, "Probability an event goes to another LP")->check(CLI::Range(0.0, 1.0));
  app.add_option("--mean", parameters.mean, "Mean of the exponential delay (days)")->check(CLI::PositiveNumber);
  app.add_option("--lookahead", parameters.lookahead, "Minimum delay and window length")->check(CLI::PositiveNumber);
  app.add_option("--end", parameters.end, "End time")->check(CLI::PositiveNumber);
  app.add_option("--threads", parameters.threads, "Worker threads")->check(CLI::Range(1, 256));
  app.add_option("--seed", parameters.seed, "Random seed");
  CLI11_PARSE(app, argc, argv);

  if (table) {
    print_table(table_threads);
    return 0;
  }
  const auto start = Clock::now();
  const auto result = hsim::bench::run_phold(parameters);
  const double seconds = seconds_since(start);
  std::printf("committed events %llu, cross-LP %llu, windows %llu, %.3f s, %.0f events/s, checksum %016llx\n",
              static_cast<unsigned long long>(result.stats.committed_events),
              static_cast<unsigned long long>(result.stats.cross_lp_events),
              static_cast<unsigned long long>(result.stats.windows), seconds,
              static_cast<double>(result.stats.committed_events) / seconds,
              static_cast<unsigned long long>(result.checksum));
  return 0;
}
