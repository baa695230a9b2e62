#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/engine/event.hpp"
#include "sim/engine/time.hpp"

namespace hsim::engine {

// Where an entity's alarm is kept: which tier (or ring bucket) and the index inside it.
struct AlarmLocation {
  std::uint32_t index = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t tier = 0;
};

// At most one pending alarm per entity, which its owner can move or cancel in place. A model whose next
// event keeps changing (a hazard whose rate moves with the entity's state) sets an alarm instead of
// scheduling a fresh event at every change, so no outdated events pile up in the pending queue to be
// popped and ignored.
//
// Two tiers, so that the cost of setting an alarm does not grow with the number of entities:
//   - the near heap, a 4-ary min-heap in `precedes` order, holds every alarm in a time bucket before
//     `next_bucket_` (a bucket is `bucket_width` long, the engine's lookahead);
//   - the far calendar holds the others unsorted: a ring of buckets for the next `ring_size` buckets and
//     one overflow list beyond. Setting or moving a far alarm is a push or a swap-remove.
// When the near heap runs empty, the next non-empty bucket moves into it. Every far alarm lies in a later
// bucket than every near one, so the near heap's top is always the earliest alarm, and the order in which
// alarms come out depends only on their keys.
//
// The locations live in one array over all entities, shared by the logical processes: each entity
// belongs to one of them, so they never write the same element.
class EntityAlarms {
 public:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();

  EntityAlarms(std::vector<AlarmLocation>& location_of_entity, SimTime bucket_width)
      : location_(location_of_entity), bucket_width_(bucket_width), ring_(ring_size) {}

  [[nodiscard]] bool empty() const noexcept { return near_.empty(); }  // far alarms only wait behind near ones
  [[nodiscard]] std::size_t size() const noexcept { return near_.size() + ring_count_ + overflow_.size(); }
  [[nodiscard]] const Event& top() const noexcept { return near_.front(); }
  [[nodiscard]] bool contains(EntityId entity) const noexcept { return location_[entity].index != absent; }
  [[nodiscard]] const Event& of(EntityId entity) const noexcept {
    const AlarmLocation where = location_[entity];
    return tier_list(where.tier)[where.index];
  }
  // The alarm that becomes the top when the top goes, when it is already known; null otherwise.
  [[nodiscard]] const Event* runner_up() const noexcept {
    const Event* best = nullptr;
    for (std::size_t child = 1; child <= arity && child < near_.size(); ++child) {
      if (!best || precedes(near_[child], *best)) best = &near_[child];
    }
    return best;
  }

  // Sets the alarm of `event.target`, replacing the one it had.
  void set(const Event& event) {
    const std::int64_t bucket = bucket_of(event.time);
    const AlarmLocation where = location_[event.target];
    if (where.index != absent && where.tier == near_tier && bucket < next_bucket_) {
      if (precedes(event, near_[where.index])) {
        sift_up(where.index, event);
      } else {
        sift_down(where.index, event);
      }
      return;
    }
    if (where.index != absent) remove(where);
    insert(event, bucket);
    refill_if_needed();
  }

  void erase(EntityId entity) {
    const AlarmLocation where = location_[entity];
    if (where.index == absent) return;
    remove(where);
    refill_if_needed();
  }

 private:
  static constexpr std::size_t arity = 4;
  static constexpr std::uint32_t ring_size = 256;  // buckets ahead kept apart; a power of two
  static constexpr std::size_t bucket_capacity_kept = 16;
  static constexpr std::uint32_t near_tier = ring_size;
  static constexpr std::uint32_t overflow_tier = ring_size + 1;

  [[nodiscard]] std::int64_t bucket_of(SimTime time) const noexcept {
    constexpr double largest = 4.0e18;  // beyond it every time shares the last bucket
    const double bucket = std::floor(time / bucket_width_);
    if (!(bucket < largest)) return static_cast<std::int64_t>(largest);
    if (!(bucket > -largest)) return -static_cast<std::int64_t>(largest);
    return static_cast<std::int64_t>(bucket);
  }
  [[nodiscard]] static std::uint32_t ring_slot(std::int64_t bucket) noexcept {
    return static_cast<std::uint32_t>(static_cast<std::uint64_t>(bucket) & (ring_size - 1));
  }
  [[nodiscard]] const std::vector<Event>& tier_list(std::uint32_t tier) const noexcept {
    return tier == near_tier ? near_ : tier == overflow_tier ? overflow_ : ring_[tier];
  }
  std::vector<Event>& tier_list(std::uint32_t tier) noexcept {
    return tier == near_tier ? near_ : tier == overflow_tier ? overflow_ : ring_[tier];
  }

  void insert(const Event& event, std::int64_t bucket) {
    if (bucket < next_bucket_) {
      near_.push_back(event);
      sift_up(near_.size() - 1, event);
    } else if (bucket < ring_end_) {
      push_unsorted(ring_slot(bucket), event);
      ++ring_count_;
    } else {
      push_unsorted(overflow_tier, event);
    }
  }

  void push_unsorted(std::uint32_t tier, const Event& event) {
    std::vector<Event>& list = tier_list(tier);
    location_[event.target] = {static_cast<std::uint32_t>(list.size()), tier};
    list.push_back(event);
  }

  void remove(AlarmLocation where) {
    location_[tier_list(where.tier)[where.index].target].index = absent;
    if (where.tier == near_tier) {
      remove_from_heap(where.index);
      return;
    }
    std::vector<Event>& list = tier_list(where.tier);
    if (where.index + 1 != list.size()) {
      list[where.index] = list.back();
      location_[list[where.index].target].index = where.index;
    }
    list.pop_back();
    if (where.tier != overflow_tier) --ring_count_;
  }

  void remove_from_heap(std::size_t index) {
    const Event last = near_.back();
    near_.pop_back();
    if (index == near_.size()) return;
    if (index > 0 && precedes(last, near_[(index - 1) / arity])) {
      sift_up(index, last);
    } else {
      sift_down(index, last);
    }
  }

  // Moves far buckets into the near heap until it holds an alarm or no alarm is left.
  void refill_if_needed() {
    while (near_.empty() && (ring_count_ > 0 || !overflow_.empty())) {
      if (ring_count_ == 0) {
        // Nothing in the ring: jump to the earliest bucket of the overflow.
        std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
        for (const Event& event : overflow_) earliest = std::min(earliest, bucket_of(event.time));
        next_bucket_ = earliest;
        ring_end_ = earliest;
      }
      if (ring_end_ - next_bucket_ < static_cast<std::int64_t>(ring_size / 2)) pull_overflow_into_ring();
      std::vector<Event>& bucket = ring_[ring_slot(next_bucket_)];
      ring_count_ -= bucket.size();
      for (const Event& event : bucket) {
        near_.push_back(event);
        sift_up(near_.size() - 1, event);
      }
      // Its slot next holds a bucket a ring's length later; a large one hands its memory back meanwhile.
      if (bucket.capacity() > bucket_capacity_kept) {
        std::vector<Event>().swap(bucket);
      } else {
        bucket.clear();
      }
      ++next_bucket_;
    }
  }

  // The ring covers [next_bucket_, ring_end_); widen it to a full ring and bring in what the overflow
  // holds for the buckets added.
  void pull_overflow_into_ring() {
    ring_end_ = next_bucket_ + static_cast<std::int64_t>(ring_size);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < overflow_.size(); ++i) {
      const Event event = overflow_[i];
      const std::int64_t bucket = bucket_of(event.time);
      if (bucket < ring_end_) {
        push_unsorted(ring_slot(bucket), event);
        ++ring_count_;
      } else {
        location_[event.target].index = static_cast<std::uint32_t>(kept);
        overflow_[kept++] = event;
      }
    }
    overflow_.resize(kept);
    if (overflow_.capacity() > 4 * kept + 64) overflow_.shrink_to_fit();
  }

  void place(std::size_t index, const Event& event) {
    near_[index] = event;
    location_[event.target] = {static_cast<std::uint32_t>(index), near_tier};
  }

  void sift_up(std::size_t index, const Event& moving) {
    while (index > 0) {
      const std::size_t parent = (index - 1) / arity;
      if (!precedes(moving, near_[parent])) break;
      place(index, near_[parent]);
      index = parent;
    }
    place(index, moving);
  }

  // Places `moving` starting from `index`, whose slot is treated as free.
  void sift_down(std::size_t index, const Event& moving) {
    const std::size_t n = near_.size();
    for (;;) {
      const std::size_t first_child = index * arity + 1;
      if (first_child >= n) break;
      const std::size_t last_child = first_child + arity < n ? first_child + arity : n;
      std::size_t best = first_child;
      for (std::size_t child = first_child + 1; child < last_child; ++child) {
        if (precedes(near_[child], near_[best])) best = child;
      }
      if (!precedes(near_[best], moving)) break;
      place(index, near_[best]);
      index = best;
    }
    place(index, moving);
  }

  std::vector<AlarmLocation>& location_;
  SimTime bucket_width_;
  std::vector<Event> near_;
  std::vector<std::vector<Event>> ring_;
  std::vector<Event> overflow_;
  std::size_t ring_count_ = 0;
  std::int64_t next_bucket_ = std::numeric_limits<std::int64_t>::min();  // the first bucket not in the near heap
  std::int64_t ring_end_ = std::numeric_limits<std::int64_t>::min();     // buckets from here on are in the overflow
};

}  // namespace hsim::engine
