#include "sim/engine/pending_event_queue.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "sim/engine/distributions.hpp"

using hsim::engine::Event;
using hsim::engine::PendingEventQueue;
using hsim::engine::precedes;

namespace {

std::vector<Event> random_events(std::size_t count) {
  hsim::engine::RandomStream stream(hsim::engine::StreamKey{3, 0, 0, 0});
  std::vector<Event> events(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    // Coarse times so that many ties must be broken by the other key fields.
    events[i].time = static_cast<double>(hsim::engine::uniform_index(stream, 20));
    events[i].event_class = static_cast<std::uint16_t>(hsim::engine::uniform_index(stream, 3));
    events[i].target = static_cast<std::uint32_t>(hsim::engine::uniform_index(stream, 5));
    events[i].source = static_cast<std::uint32_t>(hsim::engine::uniform_index(stream, 5));
    events[i].source_sequence = i;
  }
  return events;
}

bool same_key(const Event& a, const Event& b) {
  return !precedes(a, b) && !precedes(b, a);
}

}  // namespace

TEST_CASE("ties are broken by class, then target, then source, then source sequence", "[unit][engine]") {
  Event base{1.0, 5, 2, 10, 1, 0, 0};
  Event later_time = base, higher_class = base, higher_target = base, higher_source = base, higher_sequence = base;
  later_time.time = 1.5;
  higher_class.event_class = 2;
  higher_target.target = 6;
  higher_source.source = 3;
  higher_sequence.source_sequence = 11;
  for (const Event* other : {&later_time, &higher_class, &higher_target, &higher_source, &higher_sequence}) {
    CHECK(precedes(base, *other));
    CHECK_FALSE(precedes(*other, base));
  }
  CHECK(precedes(higher_target, higher_class));     // class outranks target
  CHECK(precedes(higher_sequence, higher_source));  // source outranks its sequence
}

TEST_CASE("the queue pops in key order whatever the insertion order", "[unit][engine]") {
  auto events = random_events(5000);
  auto sorted = events;
  std::sort(sorted.begin(), sorted.end(), precedes);

  for (int shuffle = 0; shuffle < 3; ++shuffle) {
    std::rotate(events.begin(), events.begin() + 1234 * shuffle, events.end());
    PendingEventQueue queue;
    for (const auto& event : events) queue.push(event);
    for (const auto& expected : sorted) {
      REQUIRE_FALSE(queue.empty());
      CHECK(same_key(queue.pop(), expected));
    }
    CHECK(queue.empty());
  }
}

TEST_CASE("replace_top equals pop followed by push", "[unit][engine]") {
  auto events = random_events(3000);
  PendingEventQueue with_replace;
  PendingEventQueue with_pop_push;
  for (std::size_t i = 0; i < 1000; ++i) {
    with_replace.push(events[i]);
    with_pop_push.push(events[i]);
  }
  for (std::size_t i = 1000; i < events.size(); ++i) {
    Event a = with_replace.replace_top(events[i]);
    Event b = with_pop_push.pop();
    with_pop_push.push(events[i]);
    CHECK(same_key(a, b));
  }
  while (!with_replace.empty()) CHECK(same_key(with_replace.pop(), with_pop_push.pop()));
}
