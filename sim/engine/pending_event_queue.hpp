#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "sim/engine/event.hpp"
#include "sim/engine/huge_page_allocator.hpp"

namespace hsim::engine {

// A 4-ary min-heap of events ordered by `precedes`. Chosen by measurement over a binary heap
// (bench/pending_queue_bench.cpp): a shallower tree means fewer cache misses per pop, and the four
// children of a node share one 128-byte span. Storage is one vector reused for the whole run.
class PendingEventQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
  [[nodiscard]] const Event& top() const noexcept { return heap_.front(); }
  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() noexcept { heap_.clear(); }

  void push(const Event& event) {
    heap_.push_back(event);
    sift_up(heap_.size() - 1);
  }

  Event pop() {
    Event result = heap_.front();
    Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
    return result;
  }

  // Pops the top and pushes `event` in one sift: cheaper than pop() followed by push().
  Event replace_top(const Event& event) {
    Event result = heap_.front();
    sift_down(event);
    return result;
  }

 private:
  static constexpr std::size_t arity = 4;

  void sift_up(std::size_t index) {
    Event moving = heap_[index];
    while (index > 0) {
      std::size_t parent = (index - 1) / arity;
      if (!precedes(moving, heap_[parent])) break;
      heap_[index] = heap_[parent];
      index = parent;
    }
    heap_[index] = moving;
  }

  // Places `moving` starting from the root, whose slot is treated as free.
  void sift_down(const Event& moving) {
    const std::size_t n = heap_.size();
    std::size_t index = 0;
    for (;;) {
      std::size_t first_child = index * arity + 1;
      if (first_child >= n) break;
      std::size_t last_child = first_child + arity < n ? first_child + arity : n;
      std::size_t best = first_child;
      for (std::size_t child = first_child + 1; child < last_child; ++child) {
        if (precedes(heap_[child], heap_[best])) best = child;
      }
      if (!precedes(heap_[best], moving)) break;
      heap_[index] = heap_[best];
      index = best;
    }
    heap_[index] = moving;
  }

  EntityVector<Event> heap_;
};

}  // namespace hsim::engine
