#pragma once

// The conservative parallel discrete-event kernel.
//
// The schedule, in one place:
//   1. Find the earliest pending event t_min over all logical processes (LPs).
//   2. Open the window [T, T + lookahead) on the lookahead grid that holds t_min (or the next grid
//      window, with `visit_every_window`), clipped to the end time.
//   3. Every LP processes its own events with time < window end, in `precedes` order, in parallel.
//      Events an LP schedules for its own entities go straight into its queue; events for another
//      LP's entities wait in its outbox and must lie at or after the window end (causality). An
//      entity may also hold one alarm (EntityAlarms), an event it moves or cancels in place; each LP
//      takes alarms and queued events together in `precedes` order.
//   4. Barrier: outboxes are merged into the destination queues, by source LP in index order.
//   5. The model's coordinator hook runs alone (city-wide decisions), and may schedule events at or
//      after the window end.
// Because events are totally ordered by key and every random draw is keyed by entity, the result
// does not depend on the thread count or on which thread ran which LP.

#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <sstream>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/engine/causality_error.hpp"
#include "sim/engine/entity_alarms.hpp"
#include "sim/engine/event.hpp"
#include "sim/engine/partition.hpp"
#include "sim/engine/pending_event_queue.hpp"
#include "sim/engine/time.hpp"

#ifndef HSIM_CHECKS
#define HSIM_CHECKS 1
#endif

namespace hsim::engine {

struct RunOptions {
  SimTime start = 0.0;
  SimTime end = 0.0;        // events at or after `end` are left unprocessed
  SimTime lookahead = 1.0;  // every cross-LP event lies at least this far after its window start
  unsigned threads = 1;
  bool visit_every_window = false;  // run the coordinator hook at every window, even empty ones
  // Below this many pending events, or when the last window handled fewer than
  // `parallel_window_min_handled`, a window runs on the calling thread alone: spreading a near-empty
  // window over threads costs more than it saves. The result is the same either way.
  std::size_t parallel_window_min_events = 1024;
  std::size_t parallel_window_min_handled = 256;
};

struct RunStats {
  std::uint64_t committed_events = 0;
  std::uint64_t cross_lp_events = 0;
  std::uint64_t windows = 0;
  std::uint64_t peak_pending_events = 0;  // the most events waiting at the start of a window
};

namespace detail {

inline constexpr std::size_t outbox_blocks_max = 16;
inline constexpr std::size_t alarm_buckets_from_entities_per_lp = 2048;

struct alignas(64) LogicalProcess {
  LogicalProcess(EntityAlarms::Slots& alarm_slots, SimTime bucket_width) : alarms(alarm_slots, bucket_width) {}

  PendingEventQueue queue;
  EntityAlarms alarms;
  // Outgoing cross-LP events, grouped by block of destination LPs so the merge can run in parallel.
  std::vector<std::vector<Event>> outbox_by_block;
  std::uint64_t committed = 0;
  std::uint64_t committed_last_window = 0;  // how busy it was: the busiest LPs are started first
  std::uint64_t sent = 0;
  std::uint64_t merged = 0;  // `sent` at the last merge: equal means the outbox is empty
  SimTime last_time = -std::numeric_limits<SimTime>::infinity();
  bool top_in_service = false;    // the event being handled still sits at the top of `queue`
  bool alarm_in_service = false;  // the event being handled is its entity's alarm, still set
};

class Kernel {
 public:
  Kernel(Partition partition, RunOptions options)
      : partition_(std::move(partition)),
        options_(options),
        alarm_slots_(partition_.entity_count()),
        next_sequence_(partition_.entity_count(), 0),
        block_count_(std::min<std::size_t>(partition_.lp_count(), outbox_blocks_max)) {
    if (!(options_.lookahead > 0.0)) throw std::invalid_argument("simulator: lookahead must be positive");
    if (options_.threads == 0) throw std::invalid_argument("simulator: threads must be at least 1");
    lps_.reserve(partition_.lp_count());
    // Alarms wait in buckets of one window only where an LP has so many entities that a heap of all their
    // alarms would leave the cache; below that the one heap is faster.
    const bool bucketed = partition_.entity_count() >= alarm_buckets_from_entities_per_lp * partition_.lp_count();
    const SimTime bucket_width = bucketed ? options_.lookahead : std::numeric_limits<SimTime>::infinity();
    for (std::size_t i = 0; i < partition_.lp_count(); ++i) lps_.emplace_back(alarm_slots_, bucket_width);
    for (auto& lp : lps_) lp.outbox_by_block.resize(block_count_);
  }

  [[nodiscard]] const Partition& partition() const noexcept { return partition_; }
  [[nodiscard]] const RunOptions& options() const noexcept { return options_; }

  std::size_t block_of(LpIndex lp) const noexcept { return lp * block_count_ / lps_.size(); }

  void push_from_coordinator(Event event, SimTime not_before) {
#if HSIM_CHECKS
    if (event.time < not_before) {
      std::ostringstream message;
      message << "coordinator scheduled an event at t=" << event.time << " for entity " << event.target
              << " before the current time " << not_before;
      throw CausalityError(message.str());
    }
#endif
    event.source = coordinator_entity;
    event.source_sequence = coordinator_sequence_++;
    lps_[partition_.owner(event.target)].queue.push(event);
  }

  struct PendingSummary {
    SimTime earliest = std::numeric_limits<SimTime>::infinity();
    std::size_t count = 0;
  };

  PendingSummary pending_summary() {
    PendingSummary summary;
    for (auto& lp : lps_) {
      summary.count += lp.queue.size() + lp.alarms.size();
      if (!lp.queue.empty()) summary.earliest = std::min(summary.earliest, lp.queue.top().time);
      if (!lp.alarms.empty()) summary.earliest = std::min(summary.earliest, lp.alarms.top().time);
    }
    return summary;
  }

  // Delivers every outbox into its destination queues. Order of insertion does not change the
  // processing order (keys are unique), but a fixed order keeps memory layouts reproducible too.
  template <class ForEachBlock>
  void merge_outboxes(ForEachBlock&& for_each_block) {
    for_each_block(block_count_, [this](std::size_t block) {
      for (auto& source : lps_) {
        if (source.sent == source.merged) continue;
        auto& outbox = source.outbox_by_block[block];
        for (const Event& event : outbox) lps_[partition_.owner(event.target)].queue.push(event);
        outbox.clear();
      }
    });
    for (auto& source : lps_) source.merged = source.sent;
  }

  RunStats stats(std::uint64_t windows) const {
    RunStats result;
    result.windows = windows;
    for (const auto& lp : lps_) {
      result.committed_events += lp.committed;
      result.cross_lp_events += lp.sent;
    }
    return result;
  }

  Partition partition_;
  RunOptions options_;
  EntityAlarms::Slots alarm_slots_;  // each entity's alarm and its place in its LP's alarms
  std::vector<LogicalProcess> lps_;
  std::vector<std::uint32_t> next_sequence_;
  std::uint32_t coordinator_sequence_ = 0;
  std::size_t block_count_;
  SimTime window_end_ = 0.0;
};

}  // namespace detail

// What a model's event handler may do: read the clock and schedule events. It is only valid during
// the handler call it was passed to.
class EventContext {
 public:
  EventContext(detail::Kernel& kernel, LpIndex lp) : kernel_(kernel), lp_index_(lp), lp_(kernel.lps_[lp]) {}

  [[nodiscard]] SimTime now() const noexcept { return current_.time; }
  [[nodiscard]] EntityId self() const noexcept { return current_.target; }
  [[nodiscard]] LpIndex lp() const noexcept { return lp_index_; }
  [[nodiscard]] SimTime window_end() const noexcept { return kernel_.window_end_; }
  [[nodiscard]] const Partition& partition() const noexcept { return kernel_.partition_; }

  // Schedules an event from the entity being handled. Local targets may be at any time >= now();
  // targets owned by another LP must be at or after the window end.
  void schedule(SimTime time, EntityId target, std::uint16_t event_class, std::uint16_t kind,
                std::uint64_t payload = 0) {
    Event event{time, target, current_.target, kernel_.next_sequence_[current_.target]++, event_class, kind, payload};
    const LpIndex destination = kernel_.partition_.owner(target);
    if (destination == lp_index_) {
#if HSIM_CHECKS
      if (time < current_.time) throw_causality("into its own past", time, target);
#endif
      if (lp_.top_in_service) {
        lp_.queue.replace_top(event);
        lp_.top_in_service = false;
      } else {
        lp_.queue.push(event);
      }
    } else {
#if HSIM_CHECKS
      if (time < kernel_.window_end_) throw_causality("to another LP inside the current window", time, target);
#endif
      lp_.outbox_by_block[kernel_.block_of(destination)].push_back(event);
      ++lp_.sent;
    }
  }

  // Sets the alarm of the entity being handled, replacing the one it had: one event the entity can
  // move or cancel without leaving the old one in the queue. At any time >= now().
  void set_alarm(SimTime time, std::uint16_t event_class, std::uint16_t kind, std::uint64_t payload = 0) {
#if HSIM_CHECKS
    if (time < current_.time) throw_causality("(an alarm) into its own past", time, current_.target);
#endif
    lp_.alarms.set(Event{time, current_.target, current_.target, kernel_.next_sequence_[current_.target]++, event_class,
                         kind, payload});
    lp_.alarm_in_service = false;
  }

  void clear_alarm() {
    lp_.alarms.erase(current_.target);
    lp_.alarm_in_service = false;
  }

  // Whether the entity being handled has an alarm set; the alarm being handled no longer counts.
  [[nodiscard]] bool has_alarm() const noexcept {
    return !lp_.alarm_in_service && lp_.alarms.contains(current_.target);
  }
  // The alarm of the entity being handled; only valid when has_alarm().
  [[nodiscard]] const Event& alarm() const noexcept {
    return lp_.alarms.of(current_.target);
  }

  void begin(const Event& event) noexcept {
    current_ = event;
  }

 private:
  [[noreturn]] void throw_causality(const char* what, SimTime time, EntityId target) const {
    std::ostringstream message;
    message << "entity " << current_.target << " at t=" << current_.time << " scheduled an event " << what
            << ": t=" << time << " for entity " << target << " (window ends at " << kernel_.window_end_ << ")";
    throw CausalityError(message.str());
  }

  detail::Kernel& kernel_;
  LpIndex lp_index_;
  detail::LogicalProcess& lp_;
  Event current_{};
};

// What the coordinator hook may do at a barrier: read the clock and schedule events anywhere.
class Coordinator {
 public:
  Coordinator(detail::Kernel& kernel, SimTime now) : kernel_(kernel), now_(now) {}
  [[nodiscard]] SimTime now() const noexcept { return now_; }
  void schedule(SimTime time, EntityId target, std::uint16_t event_class, std::uint16_t kind,
                std::uint64_t payload = 0) {
    kernel_.push_from_coordinator(Event{time, target, 0, 0, event_class, kind, payload}, now_);
  }

  // Calls body(i) for every i in [0, count), on the run's threads when it has several: for barrier work
  // split into parts that write only their own results (never schedule from the body). The parts may
  // run in any order and at once.
  template <class Body>
  void for_each_part(std::size_t count, Body&& body) const {
    if (kernel_.options_.threads > 1 && count > 1) {
      tbb::parallel_for(std::size_t{0}, count, [&](std::size_t i) { body(i); });
    } else {
      for (std::size_t i = 0; i < count; ++i) body(i);
    }
  }

 private:
  detail::Kernel& kernel_;
  SimTime now_;
};

// A model provides `void handle(const Event&, EventContext&)`, called for events of entities owned
// by the context's LP (it must touch only state of those entities, or state private to that LP),
// and optionally `void at_barrier(Coordinator&)`, called alone between windows, and
// `void prefetch(EntityId) const`, a hint that an entity's event is likely next (no effect on results).
template <class Model>
class Simulator {
 public:
  Simulator(Model& model, Partition partition, RunOptions options)
      : model_(model), kernel_(std::move(partition), options) {}

  // Schedules an event before the run starts, as if from the coordinator.
  void schedule_initial(SimTime time, EntityId target, std::uint16_t event_class, std::uint16_t kind,
                        std::uint64_t payload = 0) {
    kernel_.push_from_coordinator(Event{time, target, 0, 0, event_class, kind, payload}, kernel_.options_.start);
  }

  RunStats run() {
    if (kernel_.options_.threads == 1) return run_windows(SerialFor{});
    tbb::task_arena arena(static_cast<int>(kernel_.options_.threads));
    RunStats stats;
    arena.execute([&] { stats = run_windows(ParallelFor{}); });
    return stats;
  }

  [[nodiscard]] const Partition& partition() const noexcept { return kernel_.partition_; }

 private:
  struct SerialFor {
    template <class Body>
    void operator()(std::size_t count, Body&& body) const {
      for (std::size_t i = 0; i < count; ++i) body(i);
    }
  };
  struct ParallelFor {
    template <class Body>
    void operator()(std::size_t count, Body&& body) const {
      tbb::parallel_for(std::size_t{0}, count, [&](std::size_t i) { body(i); });
    }
  };

  // Processes every LP's window on the run's threads. LPs differ in size (a model's districts are
  // uneven), so each thread takes the next LP from a list ordered by how many events each handled in
  // the last window, busiest first (longest processing time first): no thread is left with two large
  // LPs while another idles. Which thread runs an LP does not change its results.
  void process_lps_balanced(SimTime window_end) {
    auto& lps = kernel_.lps_;
    lp_order_.resize(lps.size());
    std::iota(lp_order_.begin(), lp_order_.end(), std::size_t{0});
    std::stable_sort(lp_order_.begin(), lp_order_.end(), [&lps](std::size_t a, std::size_t b) {
      return lps[a].committed_last_window > lps[b].committed_last_window;
    });
    std::atomic<std::size_t> next{0};
    const std::size_t workers = std::min<std::size_t>(kernel_.options_.threads, lps.size());
    tbb::parallel_for(
        std::size_t{0}, workers,
        [&](std::size_t) {
          for (std::size_t i = next.fetch_add(1); i < lp_order_.size(); i = next.fetch_add(1)) {
            process_window(lp_order_[i], window_end);
          }
        },
        tbb::simple_partitioner{});
  }

  template <class ForEach>
  RunStats run_windows(ForEach for_each) {
    const RunOptions& options = kernel_.options_;
    std::uint64_t windows = 0;
    std::uint64_t peak_pending = 0;
    std::int64_t window_index = 0;
    for (;;) {
      const auto pending = kernel_.pending_summary();
      peak_pending = std::max<std::uint64_t>(peak_pending, pending.count);
      if (!options.visit_every_window) {
        if (!(pending.earliest < options.end)) break;
        window_index = std::max(window_index, grid_index_holding(pending.earliest));
      }
      const SimTime window_start = options.start + static_cast<SimTime>(window_index) * options.lookahead;
      if (!(window_start < options.end)) break;
      const SimTime window_end = std::min(window_start + options.lookahead, options.end);
      kernel_.window_end_ = window_end;

      auto process_and_merge = [&](auto&& each) {
        if constexpr (std::is_same_v<std::decay_t<decltype(each)>, ParallelFor>) {
          process_lps_balanced(window_end);
        } else {
          each(kernel_.lps_.size(), [this, window_end](std::size_t lp) { process_window(lp, window_end); });
        }
        kernel_.merge_outboxes(each);
      };
      std::uint64_t handled_last_window = 0;
      for (const auto& lp : kernel_.lps_) handled_last_window += lp.committed_last_window;
      if (pending.count < options.parallel_window_min_events ||
          (windows > 0 && handled_last_window < options.parallel_window_min_handled)) {
        process_and_merge(SerialFor{});
      } else {
        process_and_merge(for_each);
      }
      ++windows;
      if constexpr (requires(Model & m, Coordinator & c) { m.at_barrier(c); }) {
        Coordinator coordinator(kernel_, window_end);
        model_.at_barrier(coordinator);
      }
      ++window_index;
    }
    RunStats stats = kernel_.stats(windows);
    stats.peak_pending_events = peak_pending;
    return stats;
  }

  std::int64_t grid_index_holding(SimTime time) const {
    const RunOptions& options = kernel_.options_;
    auto index = static_cast<std::int64_t>(std::floor((time - options.start) / options.lookahead));
    while (options.start + static_cast<SimTime>(index) * options.lookahead > time) --index;
    while (options.start + static_cast<SimTime>(index + 1) * options.lookahead <= time) ++index;
    return index;
  }

  void prefetch(EntityId entity) const noexcept {
    if (entity == coordinator_entity) return;
    __builtin_prefetch(&kernel_.next_sequence_[entity]);
    __builtin_prefetch(&kernel_.alarm_slots_.position[entity]);
    __builtin_prefetch(&kernel_.alarm_slots_.event[entity]);
    if constexpr (requires(const Model& m, EntityId e) { m.prefetch(e); }) model_.prefetch(entity);
  }

  void process_window(std::size_t lp_index, SimTime window_end) {
    detail::LogicalProcess& lp = kernel_.lps_[lp_index];
    const std::uint64_t committed_before = lp.committed;
    EventContext context(kernel_, static_cast<LpIndex>(lp_index));
    for (;;) {
      const bool queued = !lp.queue.empty() && lp.queue.top().time < window_end;
      const bool alarmed = !lp.alarms.empty() && lp.alarms.top().time < window_end;
      if (!queued && !alarmed) break;
      const bool from_alarm = alarmed && (!queued || precedes(lp.alarms.top(), lp.queue.top()));
      const Event event = from_alarm ? lp.alarms.top() : lp.queue.top();
#if HSIM_CHECKS
      if (event.time < lp.last_time) {
        std::ostringstream message;
        message << "LP " << lp_index << " received an event at t=" << event.time
                << " after processing t=" << lp.last_time;
        throw CausalityError(message.str());
      }
      lp.last_time = event.time;
#endif
      if (from_alarm) {
        if (queued) prefetch(lp.queue.top().target);
        if (const EntityId next = lp.alarms.runner_up(); next != EntityAlarms::absent) prefetch(next);
      } else if (alarmed) {
        prefetch(lp.alarms.top().target);
      }
      lp.top_in_service = !from_alarm;
      lp.alarm_in_service = from_alarm;
      context.begin(event);
      model_.handle(event, context);
      if (lp.top_in_service) {
        lp.queue.pop();
        lp.top_in_service = false;
      }
      if (lp.alarm_in_service) {
        lp.alarms.erase(event.target);
        lp.alarm_in_service = false;
      }
      ++lp.committed;
    }
    lp.committed_last_window = lp.committed - committed_before;
  }

  Model& model_;
  detail::Kernel kernel_;
  std::vector<std::size_t> lp_order_;
};

}  // namespace hsim::engine
