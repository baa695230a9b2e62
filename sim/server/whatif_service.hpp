#pragma once

// Answers a workshop what-if: a scenario picked by name, lever changes and an optional policy, run as
// a baseline and a variant on the same people and seeds. Requests are checked by the scenario
// validator (the CLI's messages); results are the report's data, stored by the hash of everything that
// determines them, so that a repeat is answered from the store.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/server/baseline_cache.hpp"
#include "sim/server/run_store.hpp"
#include "sim/server/workshop_catalogue.hpp"

namespace hsim::server {

// A request the validator refused: the message is the located one the CLI prints.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The run queue is full: the client should try again later (HTTP 429).
class QueueFull : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A run went past the server's run-time cap and was stopped (HTTP 503); nothing of it is stored.
class RunTooLong : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ServiceLimits {
  // Recent runs' baseline arms are kept in memory up to this many bytes of results, so that a what-if
  // on the same scenario, policy, seed and replicates (a slider moved) runs only its own arm.
  std::size_t max_kept_baseline_bytes = std::size_t{512} << 20;
  std::size_t max_replicates = 1000;
  std::size_t default_replicates = 200;
  unsigned threads = 1;
  std::size_t max_waiting_runs = 4;  // runs waiting behind the one running; more are refused
  double max_run_seconds = 60.0;     // a run still going after this long is stopped
};

struct WhatIfRequest {
  std::string scenario;
  std::map<std::string, double> changes;  // lever path -> amount added
  std::string policy;                     // empty: the scenario's own
  std::size_t replicates = 200;
  std::uint64_t seed = 1;
};

// Parses the JSON body; throws BadRequest naming the key and what was expected.
WhatIfRequest parse_whatif_request(const std::string& body, const ServiceLimits& limits);

struct WhatIfAnswer {
  std::string key;
  bool from_store = false;
  bool baseline_reused = false;  // the baseline arm came from an earlier run, not simulated again
  std::string result_json;       // {"key", "report": <report data>, "headline": {...}}
};

class WhatIfService {
 public:
  WhatIfService(std::vector<CatalogueScenario> scenarios, RunStore& store, std::filesystem::path work_folder,
                ServiceLimits limits, const std::atomic<bool>* stop);

  [[nodiscard]] const std::vector<CatalogueScenario>& scenarios() const noexcept { return scenarios_; }
  [[nodiscard]] const ServiceLimits& limits() const noexcept { return limits_; }

  // Throws BadRequest for input the validator refuses and QueueFull when too many runs wait. Answers
  // found in the store do not queue.
  WhatIfAnswer answer(const WhatIfRequest& request);
  [[nodiscard]] std::optional<std::string> stored(const std::string& key) const { return store_.find(key); }
  // The run in progress, if any, and how many wait behind it, as JSON: {"running", "scenario",
  // "replicates_done", "replicates", "seconds", "waiting", "max_run_seconds"}.
  [[nodiscard]] std::string progress_json() const;

 private:
  std::vector<CatalogueScenario> scenarios_;
  RunStore& store_;
  std::filesystem::path work_folder_;
  ServiceLimits limits_;
  const std::atomic<bool>* stop_;
  std::atomic<unsigned long long> next_run_{0};
  std::atomic<std::size_t> runs_in_queue_{0};
  std::mutex run_mutex_;  // one run at a time: each run uses every worker thread

  // The run holding run_mutex_, for progress_json().
  mutable std::mutex progress_mutex_;
  std::string running_scenario_;
  std::size_t running_replicates_ = 0;
  std::chrono::steady_clock::time_point running_since_;
  std::atomic<std::size_t> replicates_done_{0};
  std::atomic<bool> running_{false};

  BaselineCache baselines_;  // used under run_mutex_
};

}  // namespace hsim::server
