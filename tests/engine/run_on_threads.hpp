#pragma once

#include <cstdint>

#include "sim/engine/simulator.hpp"

namespace hsim::engine::testing {

// Runs `model` over `entities` spread round-robin on `lps` logical processes until `end`, every window
// on `threads` threads however few its events, each entity starting with one event of `first_kind`
// at `spacing` times its id.
template <class Model>
void run_on_threads(Model& model, std::uint32_t entities, LpIndex lps, double end, unsigned threads, double spacing,
                    std::uint16_t first_kind) {
  RunOptions options;
  options.end = end;
  options.lookahead = 1.0;
  options.threads = threads;
  options.parallel_window_min_events = 0;
  options.parallel_window_min_handled = 0;
  Simulator simulator(model, Partition::round_robin(entities, lps), options);
  for (std::uint32_t e = 0; e < entities; ++e) simulator.schedule_initial(spacing * e, e, 0, first_kind);
  simulator.run();
}

}  // namespace hsim::engine::testing
