#pragma once

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <utility>

namespace hsim::engine {

struct EnsembleOptions {
  std::size_t replicates = 1;
  unsigned threads = 1;
  // When set and it becomes true (a signal handler may set it), no further replicate starts and
  // run_ensemble throws EnsembleStopped once the started ones have finished.
  const std::atomic<bool>* stop = nullptr;
  // Replicates started but not yet handed to the sink, at most. Bounds memory whatever the count.
  std::size_t max_in_flight = 0;  // 0: twice the thread count
};

// The ensemble was stopped through EnsembleOptions::stop before every replicate ran.
class EnsembleStopped : public std::runtime_error {
 public:
  EnsembleStopped() : std::runtime_error("stopped before every replicate ran") {}
};

// Runs `run_replicate(r)` for r = 0..replicates-1 in parallel and hands each result to
// `sink(r, result)` in replicate order, whatever order they finish in. `sink` runs on one thread at
// a time, so it may write files or accumulate statistics without locking.
template <class RunReplicate, class Sink>
void run_ensemble(const EnsembleOptions& options, RunReplicate&& run_replicate, Sink&& sink) {
  using Result = decltype(run_replicate(std::size_t{0}));
  if (options.replicates == 0) return;
  const std::size_t tokens = options.max_in_flight > 0 ? options.max_in_flight : 2 * std::size_t{options.threads};

  auto pipeline = [&] {
    std::size_t next = 0;
    tbb::parallel_pipeline(
        tokens, tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                                    [&](tbb::flow_control& control) -> std::size_t {
                                                      if (next == options.replicates ||
                                                          (options.stop != nullptr && options.stop->load())) {
                                                        control.stop();
                                                        return 0;
                                                      }
                                                      return next++;
                                                    }) &
                    tbb::make_filter<std::size_t, std::pair<std::size_t, std::optional<Result>>>(
                        tbb::filter_mode::parallel,
                        [&](std::size_t replicate) {
                          return std::pair<std::size_t, std::optional<Result>>(replicate, run_replicate(replicate));
                        }) &
                    tbb::make_filter<std::pair<std::size_t, std::optional<Result>>, void>(
                        tbb::filter_mode::serial_in_order, [&](std::pair<std::size_t, std::optional<Result>> done) {
                          sink(done.first, std::move(*done.second));
                        }));
  };

  tbb::task_arena arena(static_cast<int>(options.threads > 0 ? options.threads : 1));
  arena.execute(pipeline);
  if (options.stop != nullptr && options.stop->load()) throw EnsembleStopped();
}

}  // namespace hsim::engine
