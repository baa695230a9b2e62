#pragma once

#include <compare>
#include <cstdint>

#include "sim/engine/time.hpp"

namespace hsim::engine {

using EntityId = std::uint32_t;

// The scheduler of events that come from the coordinator rather than from an entity.
inline constexpr EntityId coordinator_entity = 0xFFFFFFFFu;

// A pending event: 32 bytes, no heap allocation. What it means is the model's business: `kind`
// selects the handler and `payload` carries one word of data.
//
// Events are totally ordered by (time, event_class, target, source, source_sequence). The last two
// fields together form the per-entity sequence: `source` is the entity that scheduled the event and
// `source_sequence` counts the events it has scheduled. The order never depends on insertion order,
// memory addresses or threads.
struct Event {
  SimTime time = 0.0;
  EntityId target = 0;
  EntityId source = 0;
  std::uint32_t source_sequence = 0;
  std::uint16_t event_class = 0;
  std::uint16_t kind = 0;
  std::uint64_t payload = 0;
};
static_assert(sizeof(Event) == 32, "events are kept compact for the pending-event queue");

// True when `a` must be processed before `b`.
[[nodiscard]] inline bool precedes(const Event& a, const Event& b) noexcept {
  if (a.time != b.time) return a.time < b.time;
  if (a.event_class != b.event_class) return a.event_class < b.event_class;
  if (a.target != b.target) return a.target < b.target;
  if (a.source != b.source) return a.source < b.source;
  return a.source_sequence < b.source_sequence;
}

}  // namespace hsim::engine
