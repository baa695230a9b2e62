// PHOLD throughput of the engine beside a bare-heap "hold" baseline at the same pending-event count.
//
//   hsim-bench-phold --lps 64 --start-events 256 --remote 0.25 --mean 1 --lookahead 1 --end 200 --threads 2
//   hsim-bench-phold --table      (the standard table: pending 64 / 16,384 / 262,144 at 1 and 2 threads)

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <queue>
#include <vector>

#include "bench/phold_model.hpp"
#include "sim/engine/distributions.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Measurement {
  std::uint64_t events = 0;
  double seconds = 0.0;
  [[nodiscard]] double events_per_second() const { return static_cast<double>(events) / seconds; }
  [[nodiscard]] double ns_per_event() const { return 1e9 * seconds / static_cast<double>(events); }
};

Measurement measure_phold(const hsim::bench::PholdParameters& parameters) {
  const auto start = Clock::now();
  const auto result = hsim::bench::run_phold(parameters);
  return {result.stats.committed_events, seconds_since(start)};
}

// The practical limit of one core: a bare binary heap of times, pop the minimum, push t + Exp(1).
Measurement measure_hold(std::size_t pending, std::uint64_t operations) {
  hsim::engine::RandomStream stream(hsim::engine::StreamKey{1, 0, 0, 0});
  std::priority_queue<double, std::vector<double>, std::greater<>> heap;
  std::vector<double> initial(pending);
  for (auto& time : initial) time = hsim::engine::exponential(stream, 1.0);
  heap = decltype(heap)(std::greater<>{}, std::move(initial));
  const auto start = Clock::now();
  double sink = 0.0;
  for (std::uint64_t i = 0; i < operations; ++i) {
    const double now = heap.top();
    heap.pop();
    heap.push(now + hsim::engine::exponential(stream, 1.0));
    sink += now;
  }
  Measurement measurement{operations, seconds_since(start)};
  if (sink < 0.0) std::puts("");  // keeps the loop from being optimised away
  return measurement;
}

// PHOLD end time giving about `target_events` committed events: each LP-event slot turns over
// once per (lookahead + mean) days.
double end_for(std::uint64_t target_events, std::uint64_t pending, double lookahead, double mean) {
  return (lookahead + mean) * static_cast<double>(target_events) / static_cast<double>(pending);
}

void print_table(unsigned max_threads) {
  std::printf("PHOLD (64 LPs, remote 0.25, mean 1, lookahead 1) vs bare binary heap (hold), same pending count\n");
  std::printf("%10s %8s %14s %10s %14s %14s\n", "pending", "threads", "events/s", "ns/event", "hold events/s",
              "ratio to hold");
  const std::uint64_t pending_counts[] = {64, 16384, 262144};
  for (std::uint64_t pending : pending_counts) {
    const std::uint64_t target_events = pending >= 262144 ? 20'000'000 : 30'000'000;
    const Measurement hold = measure_hold(pending, target_events);
    for (unsigned threads = 1; threads <= max_threads; ++threads) {
      hsim::bench::PholdParameters parameters;
      parameters.lps = 64;
      parameters.start_events = static_cast<std::uint32_t>(pending / parameters.lps);
      parameters.threads = threads;
      parameters.end = end_for(target_events, pending, parameters.lookahead, parameters.mean);
      const Measurement phold = measure_phold(parameters);
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
