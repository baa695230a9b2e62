#include "sim/server/whatif_service.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "sim/output/experiment_folder.hpp"
#include "sim/output/html_report.hpp"
#include "sim/output/stable_hash.hpp"
#include "sim/scenario/lever.hpp"
#include "sim/scenario/resolved_yaml.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace hsim::server {

namespace {

using nlohmann::json;

// The summary metrics a board shows for each run.
const std::vector<std::string> headline_metrics{"stably_housed_days_share", "in_ordinary_housing_share", "evictions",
                                                "cost_per_person_year_nok"};

std::string number_text(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

// Stops a run when the server stops or when the run has gone on longer than the cap: a watchdog thread
// sets `stop`, which the ensemble polls between replicates.
class RunWatch {
 public:
  RunWatch(const std::atomic<bool>* server_stop, double cap_seconds)
      : server_stop_(server_stop), watchdog_([this, cap_seconds] { watch(cap_seconds); }) {}
  RunWatch(const RunWatch&) = delete;
  RunWatch& operator=(const RunWatch&) = delete;
  ~RunWatch() {
    {
      const std::lock_guard lock(mutex_);
      finished_ = true;
    }
    woken_.notify_all();
    watchdog_.join();
  }
  [[nodiscard]] bool cap_reached() const { return cap_reached_.load(); }

  std::atomic<bool> stop{false};

 private:
  void watch(double cap_seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(cap_seconds);
    std::unique_lock lock(mutex_);
    while (!finished_) {
      if (server_stop_ != nullptr && server_stop_->load()) {
        stop = true;
        return;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        cap_reached_ = true;
        stop = true;
        return;
      }
      woken_.wait_for(lock, std::chrono::milliseconds(50));
    }
  }

  const std::atomic<bool>* server_stop_;
  std::mutex mutex_;
  std::condition_variable woken_;
  bool finished_ = false;
  std::atomic<bool> cap_reached_{false};
  std::thread watchdog_;
};

}  // namespace

std::string WhatIfService::progress_json() const {
  const std::lock_guard lock(progress_mutex_);
  const std::size_t queued = runs_in_queue_.load();
  json progress{{"running", running_.load()},
                {"waiting", running_.load() && queued > 0 ? queued - 1 : queued},
                {"max_run_seconds", limits_.max_run_seconds}};
  if (running_.load()) {
    progress["scenario"] = running_scenario_;
    progress["replicates"] = running_replicates_;
    progress["replicates_done"] = replicates_done_.load();
    progress["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - running_since_).count();
  }
  return progress.dump();
}

WhatIfRequest parse_whatif_request(const std::string& body, const ServiceLimits& limits) {
  json parsed;
  try {
    parsed = json::parse(body);
  } catch (const json::parse_error& error) {
    throw BadRequest(std::string("request body: expected a JSON object (") + error.what() + ")");
  }
  if (!parsed.is_object()) throw BadRequest("request body: expected a JSON object");
  WhatIfRequest request;
  request.replicates = limits.default_replicates;
  for (const auto& [key, value] : parsed.items()) {
    if (key == "scenario") {
      if (!value.is_string()) throw BadRequest("scenario: expected the name of a scenario from /api/scenarios");
      request.scenario = value.get<std::string>();
    } else if (key == "policy") {
      if (!value.is_string()) throw BadRequest("policy: expected a policy name from /api/scenarios");
      request.policy = value.get<std::string>();
    } else if (key == "replicates") {
      if (!value.is_number_integer() || value.get<long long>() < 1 ||
          value.get<long long>() > static_cast<long long>(limits.max_replicates)) {
        throw BadRequest("replicates: expected a whole number from 1 to " + std::to_string(limits.max_replicates));
      }
      request.replicates = value.get<std::size_t>();
    } else if (key == "seed") {
      if (!value.is_number_unsigned()) throw BadRequest("seed: expected a whole number of at least 0");
      request.seed = value.get<std::uint64_t>();
    } else if (key == "changes") {
      if (!value.is_object()) throw BadRequest("changes: expected an object of lever path to amount added");
      for (const auto& [path, amount] : value.items()) {
        const Lever* lever = find_lever(path);
        if (!lever) throw BadRequest("changes." + path + ": not a workshop lever (see levers in /api/scenarios)");
        if (!amount.is_number()) throw BadRequest("changes." + path + ": expected a number");
        const double change = amount.get<double>();
        if (change < lever->minimum_change || change > lever->maximum_change) {
          throw BadRequest("changes." + path + ": expected a change from " + number_text(lever->minimum_change) +
                           " to " + number_text(lever->maximum_change) + ", got " + number_text(change));
        }
        if (change != 0.0) request.changes[path] = change;
      }
    } else {
      throw BadRequest("request body: unknown key " + key + " (expected scenario, changes, policy, replicates, seed)");
    }
  }
  if (request.scenario.empty()) throw BadRequest("scenario: required, the name of a scenario from /api/scenarios");
  if (!request.policy.empty() && !model::parse_spelling(request.policy, model::policy_name_spellings)) {
    throw BadRequest("policy: unknown policy " + request.policy);
  }
  return request;
}

WhatIfService::WhatIfService(std::vector<CatalogueScenario> scenarios, RunStore& store,
                             std::filesystem::path work_folder, ServiceLimits limits, const std::atomic<bool>* stop)
    : scenarios_(std::move(scenarios)),
      store_(store),
      work_folder_(std::move(work_folder)),
      limits_(limits),
      stop_(stop),
      baselines_(limits.max_kept_baseline_bytes) {}

WhatIfAnswer WhatIfService::answer(const WhatIfRequest& request) {
  const auto entry = std::find_if(scenarios_.begin(), scenarios_.end(),
                                  [&](const CatalogueScenario& s) { return s.name == request.scenario; });
  if (entry == scenarios_.end()) throw BadRequest("scenario: no scenario called " + request.scenario);

  auto base_loaded = scenario::load_scenario(entry->file, {});
  if (!base_loaded.ok()) throw BadRequest(base_loaded.diagnostics.to_string());
  const scenario::Scenario base = std::move(*base_loaded.scenario);
  std::vector<std::string> overrides;
  for (const auto& [path, change] : request.changes) {
    try {
      for (auto& text : scenario::added_value_overrides(base, path + "=" + number_text(change))) {
        overrides.push_back(std::move(text));
      }
    } catch (const std::invalid_argument& error) {
      throw BadRequest(error.what());
    }
  }
  auto variant_loaded = scenario::load_scenario(entry->file, overrides);
  if (!variant_loaded.ok()) throw BadRequest(variant_loaded.diagnostics.to_string());
  const scenario::Scenario variant = std::move(*variant_loaded.scenario);

  const auto policy = request.policy.empty() ? base.parameters().policy.name
                                             : *model::parse_spelling(request.policy, model::policy_name_spellings);
  // What determines each arm besides its scenario, and the baseline arm alone (for the kept baselines).
  const std::string run_settings = std::string(model::to_string(policy)) + " " + std::to_string(request.replicates) +
                                   " " + std::to_string(request.seed);
  const std::string base_yaml = scenario::resolved_yaml(base);
  const std::string identity = base_yaml + "\n---\n" + scenario::resolved_yaml(variant) + "\n---\n" + run_settings;
  const std::string baseline_identity = base_yaml + "\n---\n" + run_settings;
  WhatIfAnswer answer;
  answer.key = output::stable_hash(identity);
  if (auto stored = store_.find(answer.key)) {
    answer.from_store = true;
    answer.result_json = std::move(*stored);
    return answer;
  }

  if (runs_in_queue_.fetch_add(1) > limits_.max_waiting_runs) {
    --runs_in_queue_;
    throw QueueFull("the run queue is full (" + std::to_string(limits_.max_waiting_runs + 1) +
                    " runs); try again in a few seconds");
  }
  struct QueueSlot {
    std::atomic<std::size_t>& count;
    ~QueueSlot() { --count; }
  } slot{runs_in_queue_};
  const std::lock_guard run_lock(run_mutex_);
  if (auto stored = store_.find(answer.key)) {
    answer.from_store = true;
    answer.result_json = std::move(*stored);
    return answer;
  }

  const std::vector<model::ReplicateResult>* kept_baseline = baselines_.find(baseline_identity);
  answer.baseline_reused = kept_baseline != nullptr;
  std::vector<model::ReplicateResult> baseline_results;
  std::vector<output::FolderArm> arms{
      {"baseline", &base, policy, kept_baseline, answer.baseline_reused ? nullptr : &baseline_results},
      {"what-if", &variant, policy}};
  RunWatch watch(stop_, limits_.max_run_seconds);
  analysis::ExperimentSettings settings;
  settings.seed = request.seed;
  settings.replicates = request.replicates;
  settings.threads = limits_.threads;
  settings.stop = &watch.stop;
  settings.replicates_done = &replicates_done_;
  {
    const std::lock_guard progress_lock(progress_mutex_);
    running_scenario_ = request.scenario;
    running_replicates_ = request.replicates;
    running_since_ = std::chrono::steady_clock::now();
    replicates_done_ = 0;
    running_ = true;
  }
  struct RunningFlag {
    std::atomic<bool>& running;
    ~RunningFlag() { running = false; }
  } running_flag{running_};
  output::FolderOptions options;
  options.folder = work_folder_ / ("run-" + std::to_string(::getpid()) + "-" + std::to_string(next_run_++));
  options.people_rows = output::PeopleRows::cohort;
  std::ostringstream command;
  command << "hsim whatif scenarios/" << (entry->teaching ? "teaching/" : "") << entry->file.filename().string();
  for (const auto& [path, change] : request.changes) command << " --add " << path << "=" << number_text(change);
  command << " --policy " << model::to_string(policy) << " --reps " << request.replicates << " --seed " << request.seed;
  options.command_line = command.str();

  json result;
  try {
    const auto summary = output::run_arms_to_folder(arms, settings, options);
    result["report"] = json::parse(output::report_data_json(options.folder));
    json headline = json::object();
    for (const auto& row : summary.rows()) {
      if (std::find(headline_metrics.begin(), headline_metrics.end(), row.metric) == headline_metrics.end()) continue;
      headline[row.metric][row.policy] = {
          {"mean", row.interval.mean}, {"low", row.interval.low}, {"high", row.interval.high}};
    }
    result["headline"] = headline;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(options.folder, ignored);
    if (watch.cap_reached()) {
      throw RunTooLong("the run was stopped after " + number_text(limits_.max_run_seconds) +
                       " s, the server's cap on one run (hsim serve --max-run-seconds); ask for fewer replicates");
    }
    throw;
  }
  std::error_code ignored;
  std::filesystem::remove_all(options.folder, ignored);
  if (!answer.baseline_reused) baselines_.keep(baseline_identity, std::move(baseline_results));
  result["key"] = answer.key;
  result["command_line"] = options.command_line;
  json request_json{{"scenario", request.scenario},
                    {"policy", model::to_string(policy)},
                    {"replicates", request.replicates},
                    {"seed", request.seed},
                    {"changes", request.changes}};
  result["request"] = request_json;
  answer.result_json = result.dump();
  store_.put(answer.key, request_json.dump(), answer.result_json);
  return answer;
}

}  // namespace hsim::server
