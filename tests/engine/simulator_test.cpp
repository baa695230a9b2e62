#include "sim/engine/simulator.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "tests/engine/run_on_threads.hpp"

namespace engine = hsim::engine;
using engine::Event;

namespace {

constexpr std::uint16_t kind_local = 0;
constexpr std::uint16_t kind_remote = 1;

// Each entity, on each event, schedules one event: to itself soon, or to a random entity at least a
// lookahead later, and logs what it processed. A remote event's payload carries the window end at
// sending, so the receiver can check that it arrived in its future.
class RecordingModel {
 public:
  RecordingModel(std::uint32_t entities, engine::LpIndex lps) : logs_(lps), streams_(entities) {
    for (std::uint32_t e = 0; e < entities; ++e) streams_[e] = engine::RandomStream(engine::StreamKey{11, 0, e, 0});
  }

  void handle(const Event& event, engine::EventContext& context) {
    logs_[context.lp()].push_back(event);
    if (event.kind == kind_remote) {
      const double sent_window_end = std::bit_cast<double>(event.payload);
      if (event.time < sent_window_end) ++arrivals_in_past_;
    }
    auto& stream = streams_[event.target];
    const auto entities = static_cast<std::uint32_t>(streams_.size());
    if (engine::bernoulli(stream, 0.5)) {
      // Same-time events with a different class exercise the tie-breaking.
      const double delay = engine::bernoulli(stream, 0.2) ? 0.0 : engine::exponential(stream, 0.3);
      context.schedule(context.now() + delay, event.target, static_cast<std::uint16_t>(event.event_class + 1),
                       kind_local);
    } else {
      const auto target = static_cast<engine::EntityId>(engine::uniform_index(stream, entities));
      context.schedule(context.now() + 1.0 + engine::exponential(stream, 0.5), target, 0, kind_remote,
                       std::bit_cast<std::uint64_t>(context.window_end()));
    }
  }

  std::vector<std::vector<Event>> logs_;
  std::vector<engine::RandomStream> streams_;
  int arrivals_in_past_ = 0;
};

std::vector<std::vector<Event>> run_recording(unsigned threads) {
  constexpr std::uint32_t entities = 40;
  constexpr engine::LpIndex lps = 7;
  RecordingModel model(entities, lps);
  engine::testing::run_on_threads(model, entities, lps, 30.0, threads, 0.1, kind_local);
  CHECK(model.arrivals_in_past_ == 0);
  return model.logs_;
}

bool same_events(const std::vector<Event>& a, const std::vector<Event>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (engine::precedes(a[i], b[i]) || engine::precedes(b[i], a[i]) || a[i].payload != b[i].payload) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("each LP processes its events in key order, and cross-LP events arrive in its future", "[unit][engine]") {
  const auto logs = run_recording(1);
  std::size_t total = 0;
  for (const auto& log : logs) {
    total += log.size();
    CHECK(std::is_sorted(log.begin(), log.end(), engine::precedes));
    for (const auto& event : log) CHECK(event.time < 30.0);
  }
  CHECK(total > 1000);
}

TEST_CASE("the processed event sequence is identical at 1, 2 and 4 threads", "[unit][engine]") {
  const auto serial = run_recording(1);
  for (unsigned threads : {2u, 4u}) {
    const auto parallel = run_recording(threads);
    REQUIRE(parallel.size() == serial.size());
    for (std::size_t lp = 0; lp < serial.size(); ++lp) CHECK(same_events(parallel[lp], serial[lp]));
  }
}

namespace {

struct TooShortDelayModel {
  void handle(const Event& event, engine::EventContext& context) {
    context.schedule(context.now() + 0.25, (event.target + 1) % 2, 0, 0);
  }
};

struct PastEventModel {
  void handle(const Event&, engine::EventContext& context) { context.schedule(context.now() - 0.5, 0, 0, 0); }
};

}  // namespace

#if HSIM_CHECKS
TEST_CASE("an event sent to another LP inside the current window is a causality error", "[unit][engine]") {
  TooShortDelayModel model;
  engine::RunOptions options;
  options.end = 10.0;
  options.lookahead = 1.0;
  engine::Simulator simulator(model, engine::Partition::round_robin(2, 2), options);
  simulator.schedule_initial(0.0, 0, 0, 0);
  CHECK_THROWS_AS(simulator.run(), engine::CausalityError);
}

TEST_CASE("an event scheduled into the past is a causality error", "[unit][engine]") {
  PastEventModel model;
  engine::RunOptions options;
  options.end = 10.0;
  engine::Simulator simulator(model, engine::Partition::round_robin(1, 1), options);
  simulator.schedule_initial(2.0, 0, 0, 0);
  CHECK_THROWS_AS(simulator.run(), engine::CausalityError);
}
#endif

namespace {

struct LoggingModel {
  void handle(const Event& event, engine::EventContext&) { processed.push_back(event); }
  std::vector<Event> processed;
};

// Logs every event; the coordinator logs each barrier and, at each, schedules one event.
struct BarrierModel {
  void handle(const Event& event, engine::EventContext&) { processed.push_back(event); }
  void at_barrier(engine::Coordinator& coordinator) {
    barriers.push_back(coordinator.now());
    coordinator.schedule(coordinator.now() + 0.5, 1, 3, 0);
  }
  std::vector<Event> processed;
  std::vector<double> barriers;
};

}  // namespace

TEST_CASE("the coordinator runs at every window barrier and its events are processed", "[unit][engine]") {
  BarrierModel model;
  engine::RunOptions options;
  options.end = 5.0;
  options.lookahead = 1.0;
  options.visit_every_window = true;
  engine::Simulator simulator(model, engine::Partition::round_robin(2, 2), options);
  const auto stats = simulator.run();
  CHECK(model.barriers == std::vector<double>{1.0, 2.0, 3.0, 4.0, 5.0});
  CHECK(stats.windows == 5);
  // Barrier events at 1.5, 2.5, 3.5, 4.5 are processed; the one at 5.5 lies after the end.
  REQUIRE(model.processed.size() == 4);
  CHECK(model.processed.front().time == 1.5);
  CHECK(model.processed.front().source == engine::coordinator_entity);
}

TEST_CASE("same-time events are processed by class, then target, then source order", "[unit][engine]") {
  LoggingModel model;
  engine::RunOptions options;
  options.end = 10.0;
  engine::Simulator simulator(model, engine::Partition::round_robin(3, 1), options);
  simulator.schedule_initial(4.0, 2, 1, 0);
  simulator.schedule_initial(4.0, 0, 2, 0);
  simulator.schedule_initial(4.0, 1, 1, 0);
  simulator.schedule_initial(4.0, 1, 0, 0);
  simulator.schedule_initial(3.0, 2, 9, 0);
  simulator.run();
  std::vector<std::pair<std::uint16_t, engine::EntityId>> order;
  for (const auto& event : model.processed) {
    if (event.source == engine::coordinator_entity && event.time <= 4.0)
      order.emplace_back(event.event_class, event.target);
  }
  const std::vector<std::pair<std::uint16_t, engine::EntityId>> expected{{9, 2}, {0, 1}, {1, 1}, {1, 2}, {2, 0}};
  CHECK(order == expected);
}

TEST_CASE("events at or after the end time are left unprocessed", "[unit][engine]") {
  LoggingModel model;
  engine::RunOptions options;
  options.end = 3.0;
  engine::Simulator simulator(model, engine::Partition::round_robin(1, 1), options);
  simulator.schedule_initial(2.999, 0, 0, 0);
  simulator.schedule_initial(3.0, 0, 0, 0);
  simulator.schedule_initial(7.0, 0, 0, 0);
  simulator.run();
  REQUIRE(model.processed.size() == 1);
  CHECK(model.processed[0].time == 2.999);
}
