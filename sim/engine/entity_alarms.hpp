#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/engine/event.hpp"

namespace hsim::engine {

// At most one pending alarm per entity, which its owner can move or cancel in place: a 4-ary min-heap
// of events ordered by `precedes`, with each entity's position in the heap kept beside it. A model
// whose next event keeps changing (a hazard whose rate moves with the entity's state) sets an alarm
// instead of scheduling a fresh event at every change, so no outdated events pile up in the pending
// queue to be popped and ignored.
//
// The positions live in one array over all entities, shared by the logical processes: each entity
// belongs to one of them, so they never write the same element.
class EntityAlarms {
 public:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();

  explicit EntityAlarms(std::vector<std::uint32_t>& position_of_entity) : position_(position_of_entity) {}

  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  [[nodiscard]] const Event& top() const noexcept { return heap_.front(); }
  [[nodiscard]] bool contains(EntityId entity) const noexcept { return position_[entity] != absent; }
  [[nodiscard]] const Event& of(EntityId entity) const noexcept { return heap_[position_[entity]]; }
  // The alarm that becomes the top when the top goes; null when there is none.
  [[nodiscard]] const Event* runner_up() const noexcept {
    const Event* best = nullptr;
    for (std::size_t child = 1; child <= arity && child < heap_.size(); ++child) {
      if (!best || precedes(heap_[child], *best)) best = &heap_[child];
    }
    return best;
  }

  // Sets the alarm of `event.target`, replacing the one it had.
  void set(const Event& event) {
    const std::uint32_t index = position_[event.target];
    if (index == absent) {
      heap_.push_back(event);
      sift_up(heap_.size() - 1, event);
      return;
    }
    if (precedes(event, heap_[index])) {
      sift_up(index, event);
    } else {
      sift_down(index, event);
    }
  }

  void erase(EntityId entity) {
    const std::uint32_t index = position_[entity];
    if (index == absent) return;
    position_[entity] = absent;
    const Event last = heap_.back();
    heap_.pop_back();
    if (index == heap_.size()) return;
    if (index > 0 && precedes(last, heap_[(index - 1) / arity])) {
      sift_up(index, last);
    } else {
      sift_down(index, last);
    }
  }

 private:
  static constexpr std::size_t arity = 4;

  void place(std::size_t index, const Event& event) {
    heap_[index] = event;
    position_[event.target] = static_cast<std::uint32_t>(index);
  }

  void sift_up(std::size_t index, const Event& moving) {
    while (index > 0) {
      const std::size_t parent = (index - 1) / arity;
      if (!precedes(moving, heap_[parent])) break;
      place(index, heap_[parent]);
      index = parent;
    }
    place(index, moving);
  }

  // Places `moving` starting from `index`, whose slot is treated as free.
  void sift_down(std::size_t index, const Event& moving) {
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first_child = index * arity + 1;
      if (first_child >= n) break;
      const std::size_t last_child = first_child + arity < n ? first_child + arity : n;
      std::size_t best = first_child;
      for (std::size_t child = first_child + 1; child < last_child; ++child) {
        if (precedes(heap_[child], heap_[best])) best = child;
      }
      if (!precedes(heap_[best], moving)) break;
      place(index, heap_[best]);
      index = best;
    }
    place(index, moving);
  }

  std::vector<Event> heap_;
  std::vector<std::uint32_t>& position_;
};

}  // namespace hsim::engine
