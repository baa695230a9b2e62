#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/engine/event.hpp"
#include "sim/engine/huge_page_allocator.hpp"
#include "sim/engine/time.hpp"

namespace hsim::engine {

// At most one pending alarm per entity, which its owner can move or cancel in place. A model whose next
// event keeps changing (a hazard whose rate moves with the entity's state) sets an alarm instead of
// scheduling a fresh event at every change, so no outdated events pile up in the pending queue to be
// popped and ignored.
//
// An alarm is scheduled by its own entity (source == target) and is that entity's only alarm, so among
// alarms `precedes` reduces to (time, event_class, target): the structures hold only that key or the
// entity, and the events themselves stay in one slot per entity.
//
// Most alarms lie days or months ahead, and a city's alarms outnumber those of one day by a thousand, so
// they are kept in two tiers (a calendar queue with a heap in front): a 4-ary min-heap holds every alarm
// up to the end of the admitted bucket of time, and alarms after it wait unordered in buckets of
// `bucket_width` days, a ring of `ring_buckets` of them and one list for anything further ahead. When the
// heap runs dry the next bucket that holds alarms is admitted into it. So the heap stays the size of a
// day's alarms, which fits in the cache however large the city, setting a distant alarm costs one
// append, and the earliest alarm is always the heap's top: the order is exactly `precedes`, whatever
// the bucket width.
//
// The slots live in one set of arrays over all entities, shared by the logical processes: each entity
// belongs to one of them, so they never write the same element.
class EntityAlarms {
 public:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::size_t ring_buckets = 1024;

  struct Slots {
    explicit Slots(std::size_t entity_count) : position(entity_count, absent), event(entity_count) {}
    // Where the entity's alarm is: the tier in the top two bits, the index inside it below them.
    EntityVector<std::uint32_t> position;
    EntityVector<Event> event;  // valid while position != absent
  };

  // An infinite `bucket_width` keeps every alarm in the heap, which is cheaper while there are few.
  explicit EntityAlarms(Slots& slots, SimTime bucket_width = std::numeric_limits<SimTime>::infinity())
      : slots_(slots), bucketed_(std::isfinite(bucket_width)), buckets_per_day_(1.0 / bucket_width) {}

  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  // The earliest alarm; only when !empty(). Admits the next bucket when the heap has run dry.
  [[nodiscard]] const Event& top() {
    if (heap_.empty()) admit_next_bucket();
    return slots_.event[heap_.front().target()];
  }
  // Alarms already in the heap; the others wait in buckets.
  [[nodiscard]] std::size_t ordered_size() const noexcept { return heap_.size(); }
  [[nodiscard]] bool contains(EntityId entity) const noexcept { return slots_.position[entity] != absent; }
  [[nodiscard]] const Event& of(EntityId entity) const noexcept { return slots_.event[entity]; }
  // The entity whose alarm becomes the top when the top goes, when it is already in the heap (a hint for
  // prefetching); `absent` otherwise. Read from the heap's keys alone, so it costs no miss of its own.
  [[nodiscard]] EntityId runner_up() const noexcept {
    const Key* best = nullptr;
    for (std::size_t child = 1; child <= arity && child < heap_.size(); ++child) {
      if (!best || heap_[child] < *best) best = &heap_[child];
    }
    return best ? best->target() : absent;
  }

  // Sets the alarm of `event.target`, replacing the one it had; `event.source` must be `event.target`.
  void set(const Event& event) {
    const EntityId entity = event.target;
    const std::uint32_t where = slots_.position[entity];
    const Key key{event.time, (std::uint64_t{event.event_class} << 32) | entity};
    const std::int64_t bucket = bucketed_ ? bucket_of(event.time) : admitted_;
    if (where != absent && tier_of(where) == heap_tier && bucket <= admitted_) {
      slots_.event[entity] = event;
      const std::uint32_t index = where & index_mask;
      if (key < heap_[index]) {
        sift_up(index, key);
      } else {
        sift_down(index, key);
      }
      return;
    }
    if (where != absent) {
      remove(entity, where);
    } else if (size_ == 0) {
      admitted_ = bucket;  // nothing waits anywhere: this alarm's bucket opens the heap
      far_first_bucket_ = no_bucket;
    }
    slots_.event[entity] = event;
    ++size_;
    insert(key, bucket);
  }

  void erase(EntityId entity) {
    const std::uint32_t where = slots_.position[entity];
    if (where == absent) return;
    remove(entity, where);
  }

 private:
  static constexpr std::size_t arity = 4;
  static constexpr std::uint32_t heap_tier = 0;
  static constexpr std::uint32_t ring_tier = 1;
  static constexpr std::uint32_t far_tier = 2;
  static constexpr std::uint32_t index_mask = (1u << 30) - 1;
  static constexpr std::int64_t ring_span = static_cast<std::int64_t>(ring_buckets);
  static_assert(std::has_single_bit(ring_buckets), "the ring is indexed by the bucket's low bits");

  struct Key {
    SimTime time;
    std::uint64_t class_and_target;  // event_class in the high word, target in the low word

    [[nodiscard]] EntityId target() const noexcept { return static_cast<EntityId>(class_and_target); }
    // Without branches: which child of a node comes first is a coin toss the branch predictor loses.
    friend bool operator<(const Key& a, const Key& b) noexcept {
      return (a.time < b.time) | ((a.time == b.time) & (a.class_and_target < b.class_and_target));
    }
  };

  static constexpr std::uint32_t tier_of(std::uint32_t where) noexcept { return where >> 30; }
  static constexpr std::uint32_t at(std::uint32_t tier, std::size_t index) noexcept {
    return (tier << 30) | static_cast<std::uint32_t>(index);
  }

  // Clamped far inside the 64-bit range, so that sums and differences of buckets never overflow.
  [[nodiscard]] std::int64_t bucket_of(SimTime time) const noexcept {
    constexpr double limit = 0x1p62;
    const double bucket = std::floor(time * buckets_per_day_);
    if (!(bucket > -limit)) return -static_cast<std::int64_t>(limit);
    if (!(bucket < limit)) return static_cast<std::int64_t>(limit);
    return static_cast<std::int64_t>(bucket);
  }
  [[nodiscard]] std::vector<EntityId>& ring_slot(std::int64_t bucket) noexcept {
    return ring_[static_cast<std::uint64_t>(bucket) & (ring_buckets - 1)];
  }
  [[nodiscard]] Key key_of(EntityId entity) const noexcept {
    const Event& event = slots_.event[entity];
    return Key{event.time, (std::uint64_t{event.event_class} << 32) | entity};
  }

  // Files an alarm already counted in size_ in the tier its bucket belongs to.
  void insert(const Key& key, std::int64_t bucket) {
    const EntityId entity = key.target();
    if (bucket <= admitted_) {
      heap_.push_back(key);
      sift_up(heap_.size() - 1, key);
    } else if (bucket - admitted_ <= ring_span) {
      if (ring_.empty()) ring_.resize(ring_buckets);
      auto& slot = ring_slot(bucket);
      slots_.position[entity] = at(ring_tier, slot.size());
      slot.push_back(entity);
      ++ring_count_;
    } else {
      slots_.position[entity] = at(far_tier, far_.size());
      far_.push_back(entity);
      far_first_bucket_ = std::min(far_first_bucket_, bucket);
    }
  }

  void remove(EntityId entity, std::uint32_t where) {
    slots_.position[entity] = absent;
    --size_;
    const std::uint32_t index = where & index_mask;
    switch (tier_of(where)) {
      case heap_tier: {
        const Key last = heap_.back();
        heap_.pop_back();
        if (index == heap_.size()) return;
        if (index > 0 && last < heap_[(index - 1) / arity]) {
          sift_up(index, last);
        } else {
          sift_down(index, last);
        }
        return;
      }
      case ring_tier:
        remove_unordered(ring_slot(bucket_of(slots_.event[entity].time)), index, ring_tier);
        --ring_count_;
        return;
      default:
        remove_unordered(far_, index, far_tier);
        return;
    }
  }

  void remove_unordered(std::vector<EntityId>& list, std::uint32_t index, std::uint32_t tier) {
    const EntityId moved = list.back();
    list.pop_back();
    if (index == list.size()) return;
    list[index] = moved;
    slots_.position[moved] = at(tier, index);
  }

  // Moves the next bucket that holds alarms into the empty heap; only when !empty().
  void admit_next_bucket() {
    while (heap_.empty() && size_ > 0) {
      if (ring_count_ == 0) {
        admitted_ = far_first_bucket_ - 1;  // nothing in the ring: skip to where the far list starts
        refile_far();
        continue;
      }
      ++admitted_;
      auto& slot = ring_slot(admitted_);
      ring_count_ -= slot.size();
      for (const EntityId entity : slot) {
        const Key key = key_of(entity);
        heap_.push_back(key);
        sift_up(heap_.size() - 1, key);
      }
      slot.clear();
      if (far_first_bucket_ <= admitted_ + ring_span) refile_far();
    }
  }

  // Files the alarms of the far list that the ring now reaches into it.
  void refile_far() {
    std::vector<EntityId> waiting;
    waiting.swap(far_);
    far_first_bucket_ = no_bucket;
    for (const EntityId entity : waiting) {
      const Key key = key_of(entity);
      insert(key, bucket_of(key.time));
    }
    waiting.clear();
    if (far_.empty()) far_.swap(waiting);  // keep the larger allocation
  }

  void place(std::size_t index, const Key& key) {
    heap_[index] = key;
    slots_.position[key.target()] = at(heap_tier, index);
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

  static constexpr std::int64_t no_bucket = std::numeric_limits<std::int64_t>::max();

  Slots& slots_;
  bool bucketed_;  // false: every alarm in the heap, no bucket is ever computed
  double buckets_per_day_;
  EntityVector<Key> heap_;                     // every alarm in buckets up to admitted_
  std::vector<std::vector<EntityId>> ring_;    // buckets admitted_ + 1 .. admitted_ + ring_buckets
  std::vector<EntityId> far_;                  // buckets after those
  std::int64_t admitted_ = 0;                  // the last bucket whose alarms are in the heap
  std::int64_t far_first_bucket_ = no_bucket;  // no later than the earliest bucket in far_
  std::size_t ring_count_ = 0;
  std::size_t size_ = 0;
};

}  // namespace hsim::engine
