#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/engine/event.hpp"

namespace hsim::engine {

// At most one pending alarm per entity, which its owner can move or cancel in place: a 4-ary min-heap
// with each entity's position in the heap kept beside it. A model whose next event keeps changing (a
// hazard whose rate moves with the entity's state) sets an alarm instead of scheduling a fresh event at
// every change, so no outdated events pile up in the pending queue to be popped and ignored.
//
// An alarm is scheduled by its own entity (source == target) and is that entity's only alarm, so among
// alarms `precedes` reduces to (time, event_class, target): the heap holds only that 16-byte key and
// the events themselves stay in one slot per entity, which halves what every sift moves and compares.
//
// The slots live in one set of arrays over all entities, shared by the logical processes: each entity
// belongs to one of them, so they never write the same element.
class EntityAlarms {
 public:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();

  struct Slots {
    explicit Slots(std::size_t entity_count) : position(entity_count, absent), event(entity_count) {}
    std::vector<std::uint32_t> position;  // in the heap of the LP that owns the entity
    std::vector<Event> event;             // valid while position != absent
  };

  explicit EntityAlarms(Slots& slots) : slots_(slots) {}

  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  [[nodiscard]] const Event& top() const noexcept { return slots_.event[heap_.front().target()]; }
  [[nodiscard]] bool contains(EntityId entity) const noexcept { return slots_.position[entity] != absent; }
  [[nodiscard]] const Event& of(EntityId entity) const noexcept { return slots_.event[entity]; }
  // The alarm that becomes the top when the top goes; null when there is none.
  [[nodiscard]] const Event* runner_up() const noexcept {
    const Key* best = nullptr;
    for (std::size_t child = 1; child <= arity && child < heap_.size(); ++child) {
      if (!best || heap_[child] < *best) best = &heap_[child];
    }
    return best ? &slots_.event[best->target()] : nullptr;
  }

  // Sets the alarm of `event.target`, replacing the one it had; `event.source` must be `event.target`.
  void set(const Event& event) {
    slots_.event[event.target] = event;
    const Key key{event.time, (std::uint64_t{event.event_class} << 32) | event.target};
    const std::uint32_t index = slots_.position[event.target];
    if (index == absent) {
      heap_.push_back(key);
      sift_up(heap_.size() - 1, key);
      return;
    }
    if (key < heap_[index]) {
      sift_up(index, key);
    } else {
      sift_down(index, key);
    }
  }

  void erase(EntityId entity) {
    const std::uint32_t index = slots_.position[entity];
    if (index == absent) return;
    slots_.position[entity] = absent;
    const Key last = heap_.back();
    heap_.pop_back();
    if (index == heap_.size()) return;
    if (index > 0 && last < heap_[(index - 1) / arity]) {
      sift_up(index, last);
    } else {
      sift_down(index, last);
    }
  }

 private:
  static constexpr std::size_t arity = 4;

  struct Key {
    SimTime time;
    std::uint64_t class_and_target;  // event_class in the high word, target in the low word

    [[nodiscard]] EntityId target() const noexcept { return static_cast<EntityId>(class_and_target); }
    // Without branches: which child of a node comes first is a coin toss the branch predictor loses.
    friend bool operator<(const Key& a, const Key& b) noexcept {
      return (a.time < b.time) | ((a.time == b.time) & (a.class_and_target < b.class_and_target));
    }
  };

  void place(std::size_t index, const Key& key) {
    heap_[index] = key;
    slots_.position[key.target()] = static_cast<std::uint32_t>(index);
  }

  void sift_up(std::size_t index, const Key& moving) {
    while (index > 0) {
      const std::size_t parent = (index - 1) / arity;
      if (!(moving < heap_[parent])) break;
      place(index, heap_[parent]);
      index = parent;
    }
    place(index, moving);
  }

  // Places `moving` starting from `index`, whose slot is treated as free.
  void sift_down(std::size_t index, const Key& moving) {
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first_child = index * arity + 1;
      if (first_child >= n) break;
      const std::size_t last_child = first_child + arity < n ? first_child + arity : n;
      std::size_t best = first_child;
      for (std::size_t child = first_child + 1; child < last_child; ++child) {
        best = heap_[child] < heap_[best] ? child : best;
      }
      if (!(heap_[best] < moving)) break;
      place(index, heap_[best]);
      index = best;
    }
    place(index, moving);
  }

  std::vector<Key> heap_;
  Slots& slots_;
};

}  // namespace hsim::engine
