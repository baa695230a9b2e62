#pragma once

// The engine's limits for a given pending-event count: PHOLD on the engine, and a bare binary heap
// ("hold": pop the minimum, push t + Exp(1)), the practical limit of one core.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <queue>
#include <vector>

#include "bench/phold_model.hpp"
#include "sim/engine/distributions.hpp"

namespace hsim::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Measurement {
  std::uint64_t events = 0;
  double seconds = 0.0;
  [[nodiscard]] double events_per_second() const { return static_cast<double>(events) / seconds; }
  [[nodiscard]] double ns_per_event() const { return 1e9 * seconds / static_cast<double>(events); }
};

inline Measurement measure_phold(const PholdParameters& parameters) {
  const auto start = Clock::now();
  const auto result = run_phold(parameters);
  return {result.stats.committed_events, seconds_since(start)};
}

inline Measurement measure_hold(std::size_t pending, std::uint64_t operations) {
  engine::RandomStream stream(engine::StreamKey{1, 0, 0, 0});
  std::priority_queue<double, std::vector<double>, std::greater<>> heap;
  std::vector<double> initial(pending);
  for (auto& time : initial) time = engine::exponential(stream, 1.0);
  heap = decltype(heap)(std::greater<>{}, std::move(initial));
  const auto start = Clock::now();
  double sink = 0.0;
  for (std::uint64_t i = 0; i < operations; ++i) {
    const double now = heap.top();
    heap.pop();
    heap.push(now + engine::exponential(stream, 1.0));
    sink += now;
  }
  Measurement measurement{operations, seconds_since(start)};
  if (sink < 0.0) std::puts("");  // keeps the loop from being optimised away
  return measurement;
}

// PHOLD end time giving about `target_events` committed events: each LP-event slot turns over
// once per (lookahead + mean) days.
inline double end_for(std::uint64_t target_events, std::uint64_t pending, double lookahead, double mean) {
  return (lookahead + mean) * static_cast<double>(target_events) / static_cast<double>(pending);
}

// PHOLD with `pending` events spread over 64 LPs, run for about `target_events`.
inline Measurement measure_phold_at(std::uint64_t pending, std::uint64_t target_events, unsigned threads) {
  PholdParameters parameters;
  parameters.lps = 64;
  parameters.start_events = static_cast<std::uint32_t>(std::max<std::uint64_t>(1, pending / parameters.lps));
  parameters.threads = threads;
  parameters.end = end_for(target_events, pending, parameters.lookahead, parameters.mean);
  return measure_phold(parameters);
}

}  // namespace hsim::bench
