#pragma once

// PHOLD with the semantics of ROSS's PHOLD model: N logical processes each start with S events; an
// event schedules one new event at now + lookahead + Exp(mean), to a uniformly chosen other LP with
// probability `remote`, else to itself. Each LP is one entity here, so an LP's random stream is
// keyed by its id and the run is identical at any thread count.

#include <bit>
#include <cstdint>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/simulator.hpp"

namespace hsim::bench {

struct PholdParameters {
  std::uint32_t lps = 64;
  std::uint32_t start_events = 256;
  double remote = 0.25;
  double mean = 1.0;
  double lookahead = 1.0;
  double end = 100.0;
  unsigned threads = 1;
  std::uint64_t seed = 1;
};

struct PholdResult {
  engine::RunStats stats;
  std::uint64_t checksum = 0;
};

class PholdModel {
 public:
  explicit PholdModel(const PholdParameters& parameters) : parameters_(parameters), lps_(parameters.lps) {
    for (std::uint32_t lp = 0; lp < parameters.lps; ++lp) {
      lps_[lp].stream = engine::RandomStream(engine::StreamKey{parameters.seed, 0, lp, 0});
    }
  }

  void handle(const engine::Event& event, engine::EventContext& context) {
    LpState& state = lps_[event.target];
    ++state.received;
    state.digest = mix(state.digest ^ std::bit_cast<std::uint64_t>(event.time) ^ (std::uint64_t{event.source} << 32));
    engine::EntityId destination = event.target;
    if (engine::uniform01(state.stream) < parameters_.remote && parameters_.lps > 1) {
      auto other = static_cast<engine::EntityId>(engine::uniform_index(state.stream, parameters_.lps - 1));
      destination = other >= event.target ? other + 1 : other;
    }
    const double delay = parameters_.lookahead + engine::exponential(state.stream, parameters_.mean);
    context.schedule(context.now() + delay, destination, 0, 0);
  }

  // Schedules the S starting events of every LP from that LP's own stream.
  template <class Simulator>
  void seed_events(Simulator& simulator) {
    for (std::uint32_t lp = 0; lp < parameters_.lps; ++lp) {
      for (std::uint32_t i = 0; i < parameters_.start_events; ++i) {
        const double time = engine::exponential(lps_[lp].stream, parameters_.mean);
        simulator.schedule_initial(time, lp, 0, 0);
      }
    }
  }

  // A digest of every LP's final state, combined in LP order.
  [[nodiscard]] std::uint64_t checksum() const {
    std::uint64_t sum = 0;
    for (const auto& state : lps_) sum = mix(sum ^ state.digest ^ (state.received << 1));
    return sum;
  }

 private:
  struct LpState {
    engine::RandomStream stream;
    std::uint64_t received = 0;
    std::uint64_t digest = 0;
  };

  static std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
  }

  PholdParameters parameters_;
  std::vector<LpState> lps_;
};

inline PholdResult run_phold(const PholdParameters& parameters) {
  PholdModel model(parameters);
  engine::RunOptions options;
  options.end = parameters.end;
  options.lookahead = parameters.lookahead;
  options.threads = parameters.threads;
  engine::Simulator simulator(model, engine::Partition::round_robin(parameters.lps, parameters.lps), options);
  model.seed_events(simulator);
  PholdResult result;
  result.stats = simulator.run();
  result.checksum = model.checksum();
  return result;
}

}  // namespace hsim::bench
