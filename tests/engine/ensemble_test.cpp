#include "sim/engine/ensemble.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

TEST_CASE("ensemble results reach the sink in replicate order whatever the completion order", "[unit][engine]") {
  constexpr std::size_t replicates = 24;
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<std::size_t> delivered;
    std::vector<std::size_t> finished;
    std::mutex finished_mutex;
    std::condition_variable replicate_one_finished;
    hsim::engine::EnsembleOptions options;
    options.replicates = replicates;
    options.threads = threads;
    hsim::engine::run_ensemble(
        options,
        [&](std::size_t replicate) {
          std::unique_lock lock(finished_mutex);
          // With several threads, replicate 0 waits for replicate 1, so completion is out of order
          // however the machine is loaded; the timeout only matters when running on one thread.
          if (replicate == 0 && threads > 1) {
            replicate_one_finished.wait_for(lock, std::chrono::seconds(30), [&] {
              return std::find(finished.begin(), finished.end(), std::size_t{1}) != finished.end();
            });
          }
          finished.push_back(replicate);
          replicate_one_finished.notify_all();
          return replicate * 10;
        },
        [&](std::size_t replicate, std::size_t result) {
          CHECK(result == replicate * 10);
          delivered.push_back(replicate);
        });
    std::vector<std::size_t> expected(replicates);
    for (std::size_t i = 0; i < replicates; ++i) expected[i] = i;
    CHECK(delivered == expected);
    if (threads > 1) CHECK(finished != expected);
  }
}

TEST_CASE("the ensemble keeps at most max_in_flight results alive", "[unit][engine]") {
  std::atomic<int> alive{0};
  std::atomic<int> most_alive{0};
  struct Tracked {
    std::atomic<int>* alive = nullptr;
    explicit Tracked(std::atomic<int>* counter) : alive(counter) { ++*alive; }
    Tracked(Tracked&& other) noexcept : alive(std::exchange(other.alive, nullptr)) {}
    Tracked& operator=(Tracked&&) = delete;
    ~Tracked() {
      if (alive) --*alive;
    }
  };
  hsim::engine::EnsembleOptions options;
  options.replicates = 50;
  options.threads = 2;
  options.max_in_flight = 3;
  hsim::engine::run_ensemble(
      options,
      [&](std::size_t) {
        Tracked tracked(&alive);
        int now = alive.load();
        int previous = most_alive.load();
        while (now > previous && !most_alive.compare_exchange_weak(previous, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return tracked;
      },
      [&](std::size_t, Tracked) {});
  CHECK(most_alive.load() <= 3);
  CHECK(alive.load() == 0);
}
