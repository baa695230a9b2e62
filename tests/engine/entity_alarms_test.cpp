#include "sim/engine/entity_alarms.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "sim/engine/simulator.hpp"
#include "tests/engine/run_on_threads.hpp"

namespace engine = hsim::engine;
using engine::EntityAlarms;
using engine::Event;

namespace {

// Random sets, moves and cancels, with pops of the earliest in between, checked against a plain map.
// Delays are multiples of time_span / 50, so that ties are broken by the rest of the key.
void check_against_map(double time_span, double time_offset, std::uint64_t seed, double bucket_width = 1.0) {
  constexpr std::uint32_t entities = 300;
  EntityAlarms::Slots slots(entities);
  EntityAlarms alarms(slots, bucket_width);
  std::map<std::uint32_t, Event> expected;  // the alarm each entity should hold
  engine::RandomStream stream(engine::StreamKey{seed, 0, 0, 0});
  std::uint32_t sequence = 0;
  double now = time_offset;  // alarms are never set before the last one popped
  const auto earliest_expected = [&] {
    return std::min_element(expected.begin(), expected.end(),
                            [](const auto& a, const auto& b) { return engine::precedes(a.second, b.second); })
        ->second;
  };
  for (int step = 0; step < 20000; ++step) {
    const auto entity = static_cast<std::uint32_t>(engine::uniform_index(stream, entities));
    const double draw = engine::uniform01(stream);
    if (draw < 0.15) {
      alarms.erase(entity);
      expected.erase(entity);
    } else if (draw < 0.3 && !expected.empty()) {
      const Event earliest = earliest_expected();
      REQUIRE(!alarms.empty());
      CHECK(alarms.top().target == earliest.target);
      CHECK(alarms.top().source_sequence == earliest.source_sequence);
      now = earliest.time;
      alarms.erase(earliest.target);
      expected.erase(earliest.target);
    } else {
      const double delay = std::floor(engine::uniform01(stream) * 50.0) / 50.0 * time_span;
      const Event event{now + delay, entity, entity, sequence++, 0, 0, 0};
      alarms.set(event);
      expected[entity] = event;
    }
    REQUIRE(alarms.size() == expected.size());
    REQUIRE(alarms.empty() == expected.empty());
  }
  for (const auto& [entity, event] : expected) {
    REQUIRE(alarms.contains(entity));
    CHECK(alarms.of(entity).source_sequence == event.source_sequence);
  }
  std::vector<Event> order(expected.size());
  std::transform(expected.begin(), expected.end(), order.begin(), [](const auto& entry) { return entry.second; });
  std::sort(order.begin(), order.end(), engine::precedes);
  for (const Event& next : order) {
    REQUIRE(!alarms.empty());
    CHECK(alarms.top().target == next.target);
    CHECK(alarms.top().source_sequence == next.source_sequence);
    alarms.erase(alarms.top().target);
  }
  CHECK(alarms.empty());
  CHECK(alarms.size() == 0);
  for (std::uint32_t entity = 0; entity < entities; ++entity) CHECK_FALSE(alarms.contains(entity));
}

}  // namespace

TEST_CASE("alarms pop in key order after random sets, moves and cancels", "[unit][engine]") {
  SECTION("days apart") {
    check_against_map(40.0, 0.0, 5);
  }
  SECTION("years apart") {
    check_against_map(5000.0, 0.0, 6);
  }
  SECTION("negative times") {
    check_against_map(3.0, -100.0, 7);
  }
  SECTION("buckets much narrower than the delays: most alarms wait past the ring") {
    check_against_map(40.0, 0.0, 8, 0.01);
  }
  SECTION("no buckets: every alarm in the heap") {
    check_against_map(40.0, 0.0, 10, std::numeric_limits<double>::infinity());
  }
  SECTION("buckets much wider than the delays: nearly every alarm in the heap") {
    check_against_map(3.0, 0.0, 9, 1000.0);
  }
}

TEST_CASE("alarms beyond the admitted bucket wait outside the heap until it runs dry", "[unit][engine]") {
  constexpr std::uint32_t entities = 2000;
  EntityAlarms::Slots slots(entities);
  EntityAlarms alarms(slots, 1.0);
  // One alarm a day for the first thousand days, and every tenth entity three thousand days ahead (past
  // the ring of buckets), set in an order unrelated to time.
  for (std::uint32_t e = 0; e < entities; ++e) {
    const std::uint32_t day = (e * 7919u) % entities;
    const double time = day < 1000 ? day + 0.5 : 3000.0 + day;
    alarms.set(Event{time, e, e, 0, 0, 0, 0});
  }
  REQUIRE(alarms.size() == entities);
  double last = -1.0;
  std::size_t popped = 0;
  std::size_t most_ordered = 0;
  while (!alarms.empty()) {
    const Event& top = alarms.top();
    most_ordered = std::max(most_ordered, alarms.ordered_size());
    CHECK(top.time > last);
    last = top.time;
    alarms.erase(top.target);
    ++popped;
  }
  CHECK(popped == entities);
  // Alarms on different days never share the heap: each admits only its own day.
  CHECK(most_ordered == 1);
}

namespace {

constexpr std::uint16_t kind_wake = 0;
constexpr std::uint16_t kind_nudge = 1;

// Each entity has a hazard whose due time it redraws whenever it is nudged by another entity, as a
// person's clocks do when their state changes. With alarms the entity moves its one alarm; the
// reference schedules a fresh event at each change and ignores outdated ones by generation. Both
// must handle the same live events in the same order.
class MovingHazardModel {
 public:
  MovingHazardModel(std::uint32_t entities, engine::LpIndex lps, bool use_alarms)
      : use_alarms_(use_alarms), logs_(lps), due_(entities, 0.0), generation_(entities, 0) {
    for (std::uint32_t e = 0; e < entities; ++e) streams_.emplace_back(engine::StreamKey{17, 0, e, 0});
  }

  void handle(const Event& event, engine::EventContext& context) {
    const std::uint32_t e = event.target;
    if (event.kind == kind_wake && !use_alarms_ && event.payload != generation_[e]) {
      ++outdated_;
      return;
    }
    logs_[context.lp()].push_back({event.time, e, event.kind});
    auto& stream = streams_[e];
    if (event.kind == kind_wake) {
      const auto other = static_cast<engine::EntityId>(engine::uniform_index(stream, streams_.size()));
      context.schedule(context.now() + 1.0 + engine::exponential(stream, 0.5), other, 0, kind_nudge);
    }
    // A wake, or a nudge that changes the entity's rate: redraw the due time, earlier or later, or
    // pause the hazard now and then.
    due_[e] = engine::bernoulli(stream, 0.1) ? -1.0 : context.now() + engine::exponential(stream, 2.0);
    if (use_alarms_) {
      if (due_[e] < 0.0) {
        context.clear_alarm();
      } else {
        context.set_alarm(due_[e], 1, kind_wake);
      }
    } else {
      ++generation_[e];
      if (due_[e] >= 0.0) context.schedule(due_[e], e, 1, kind_wake, generation_[e]);
    }
  }

  struct Handled {
    double time;
    std::uint32_t entity;
    std::uint16_t kind;
    bool operator==(const Handled&) const = default;
  };

  bool use_alarms_;
  std::vector<std::vector<Handled>> logs_;
  std::vector<engine::RandomStream> streams_;
  std::vector<double> due_;
  std::vector<std::uint64_t> generation_;
  int outdated_ = 0;
};

template <class Model = MovingHazardModel>
Model run_moving_hazards(bool use_alarms, unsigned threads, std::uint32_t entities = 60, engine::LpIndex lps = 5) {
  Model model(entities, lps, use_alarms);
  engine::testing::run_on_threads(model, entities, lps, 40.0, threads, 0.05, kind_nudge);
  return model;
}

}  // namespace

TEST_CASE("alarms handle the same live events as fresh events with generations, and leave none outdated",
          "[unit][engine]") {
  // Few entities an LP keep every alarm in one heap; many put them in buckets of a window.
  const std::uint32_t entities =
      GENERATE(std::uint32_t{60}, std::uint32_t{2 * engine::detail::alarm_buckets_from_entities_per_lp});
  const engine::LpIndex lps = entities == 60 ? 5 : 2;
  CAPTURE(entities, lps);
  const auto reference = run_moving_hazards(false, 1, entities, lps);
  REQUIRE(reference.outdated_ > 100);  // the reference really does leave outdated events behind
  for (unsigned threads : {1u, 2u, 4u}) {
    const auto with_alarms = run_moving_hazards(true, threads, entities, lps);
    CHECK(with_alarms.outdated_ == 0);
    std::size_t handled = 0;
    for (std::size_t lp = 0; lp < reference.logs_.size(); ++lp) {
      CHECK(with_alarms.logs_[lp] == reference.logs_[lp]);
      handled += with_alarms.logs_[lp].size();
    }
    CHECK(handled > 1000);
  }
}

namespace {

// The same model with the prefetch hint: the engine must call it and it must change nothing.
class PrefetchingHazardModel : public MovingHazardModel {
 public:
  using MovingHazardModel::MovingHazardModel;
  void prefetch(engine::EntityId entity) const noexcept {
    ++prefetches_;
    if (entity >= streams_.size()) ++out_of_range_;
  }
  mutable int prefetches_ = 0;
  mutable int out_of_range_ = 0;
};

}  // namespace

TEST_CASE("the prefetch hint is given for entities the model has and changes no result", "[unit][engine]") {
  const auto plain = run_moving_hazards(true, 1);
  const auto prefetching = run_moving_hazards<PrefetchingHazardModel>(true, 1);
  CHECK(prefetching.prefetches_ > 1000);
  CHECK(prefetching.out_of_range_ == 0);
  CHECK(prefetching.logs_ == plain.logs_);
}

namespace {

// One entity, with its first event at `first_event`, run to `end` on one logical process.
template <class Model>
void run_one_entity(Model& model, double first_event, double end) {
  engine::RunOptions options;
  options.end = end;
  engine::Simulator simulator(model, engine::Partition::round_robin(1, 1), options);
  simulator.schedule_initial(first_event, 0, 0, 0);
  simulator.run();
}

// On each of its alarms an entity sets the next one at the same time until it has run three, then
// a day later: an alarm set again while it is being handled must stay set.
struct RepeatingAlarmModel {
  void handle(const Event& event, engine::EventContext& context) {
    handled.push_back(event.time);
    CHECK_FALSE(context.has_alarm());  // the alarm being handled no longer counts as set
    const bool again_now = handled.size() % 3 != 0;
    context.set_alarm(context.now() + (again_now ? 0.0 : 1.0), 0, 0);
    CHECK(context.has_alarm());
  }
  std::vector<double> handled;
};

}  // namespace

TEST_CASE("an alarm set again at the time being handled fires again", "[unit][engine]") {
  RepeatingAlarmModel model;
  run_one_entity(model, 0.5, 3.0);
  CHECK(model.handled == std::vector<double>{0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 2.5, 2.5, 2.5});
}

namespace {

struct PastAlarmModel {
  void handle(const Event&, engine::EventContext& context) { context.set_alarm(context.now() - 0.5, 0, 0); }
};

}  // namespace

#if HSIM_CHECKS
TEST_CASE("an alarm set into the past is a causality error", "[unit][engine]") {
  PastAlarmModel model;
  CHECK_THROWS_AS(run_one_entity(model, 1.0, 10.0), engine::CausalityError);
}
#endif
