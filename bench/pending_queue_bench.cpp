// Why the pending-event queue is a 4-ary heap: the hold model (pop the minimum, push t + Exp(1)) on
// full 32-byte events, with the engine's 4-ary heap against a binary heap (std::priority_queue), at
// the pending counts of the PHOLD table.
//
//   hsim-bench-pending-queue

#include <chrono>
#include <cstdio>
#include <queue>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "sim/engine/pending_event_queue.hpp"

namespace {

using hsim::engine::Event;
using Clock = std::chrono::steady_clock;

struct Later {
  bool operator()(const Event& a, const Event& b) const { return hsim::engine::precedes(b, a); }
};

template <class Queue, class PopPush>
double hold_ns_per_event(std::size_t pending, std::uint64_t operations, PopPush pop_push) {
  hsim::engine::RandomStream stream(hsim::engine::StreamKey{1, 0, 0, 0});
  Queue queue;
  for (std::uint32_t i = 0; i < pending; ++i) {
    queue.push(Event{hsim::engine::exponential(stream, 1.0), i % 64, 0, i, 0, 0, 0});
  }
  const auto start = Clock::now();
  double checksum = 0.0;
  for (std::uint64_t i = 0; i < operations; ++i) {
    checksum += pop_push(queue, stream, static_cast<std::uint32_t>(i));
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (checksum < 0.0) std::puts("");
  return 1e9 * seconds / static_cast<double>(operations);
}

}  // namespace

int main() {
  std::printf("hold model on 32-byte events, ns per pop+push\n%10s %14s %14s\n", "pending", "4-ary heap",
              "binary heap");
  for (std::size_t pending : {std::size_t{64}, std::size_t{16384}, std::size_t{262144}}) {
    const std::uint64_t operations = 10'000'000;
    const double four_ary = hold_ns_per_event<hsim::engine::PendingEventQueue>(
        pending, operations, [](auto& queue, auto& stream, std::uint32_t i) {
          const double now = queue.top().time;
          queue.replace_top(Event{now + hsim::engine::exponential(stream, 1.0), i % 64, 1, i, 0, 0, 0});
          return now;
        });
    const double binary = hold_ns_per_event<std::priority_queue<Event, std::vector<Event>, Later>>(
        pending, operations, [](auto& queue, auto& stream, std::uint32_t i) {
          const double now = queue.top().time;
          queue.pop();
          queue.push(Event{now + hsim::engine::exponential(stream, 1.0), i % 64, 1, i, 0, 0, 0});
          return now;
        });
    std::printf("%10zu %14.1f %14.1f\n", pending, four_ary, binary);
  }
  return 0;
}
