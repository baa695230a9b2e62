#pragma once

// Runs a scenario under one or more policies over many replicates and summarises the results with
// intervals. Every replicate runs all policies on the same people with the same random streams
// (common random numbers), so differences between policies are paired.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/confidence_interval.hpp"
#include "analysis/running_statistics.hpp"
#include "sim/model/metrics.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/run.hpp"

namespace hsim::analysis {

struct ExperimentSettings {
  std::vector<model::PolicyName> policies;  // the first is the baseline of the paired differences
  std::uint64_t seed = 1;
  std::size_t replicates = 100;
  unsigned threads = 1;
  // Threads inside each replicate (logical processes of one city run side by side); results do not
  // depend on it. Pays only for large cities; `threads` runs whole replicates side by side.
  unsigned threads_per_replicate = 1;
  const std::atomic<bool>* stop = nullptr;  // see engine::EnsembleOptions::stop
  // When set, counts the replicates summarised so far (a progress display reads it from another thread).
  std::atomic<std::size_t>* replicates_done = nullptr;
};

// Threads to use inside each replicate: `requested` when given (non-zero); otherwise, for a city of at
// least `people_worth_threads` simulated people, those of `threads` that replicates side by side would
// leave idle (one replicate on two threads gets both); else one. Smaller cities are not faster on two
// threads (hsim-bench-scaling: 0.6x at 2,700 people, 1.0-1.5x at 27,000, 1.3-1.8x at 107,000).
inline constexpr double people_worth_threads = 50'000.0;
unsigned threads_inside_each_replicate(unsigned threads, std::size_t replicates, unsigned requested,
                                       double simulated_people);

// Receives every replicate's results, in replicate order, one call at a time.
class ReplicateObserver {
 public:
  virtual ~ReplicateObserver() = default;
  // `results[i]` is the replicate under settings.policies[i].
  virtual void on_replicate(std::size_t replicate, const std::vector<model::ReplicateResult>& results) = 0;
};

// Days the entrants spent holding a tenancy between entry and the status date (or death or moving
// away): the numerator of stably_housed_days_share, used for the cost per extra stable day.
double stably_housed_days(const model::ReplicateResult& result);

// One row of summary.csv: a metric for a policy, or for a paired difference ("b-a").
struct SummaryRow {
  std::string metric;
  std::string policy;
  Interval interval;
};

// One arm of an experiment: a scenario's parameters run under a policy, named for the tables. A policy
// comparison has one arm per policy on the same parameters; a what-if has a baseline and variants of
// the parameters, each under the city's own policy.
struct ExperimentArm {
  std::string label;
  const model::CityParameters* parameters = nullptr;
  model::PolicyName policy = model::PolicyName::housing_first;
  // This arm's results from an earlier run of the same parameters, policy, seed and replicates, by
  // replicate: used instead of simulating again (replicates are pure functions of those).
  const std::vector<model::ReplicateResult>* reuse = nullptr;
  // When set, receives a copy of this arm's results, by replicate, for a later `reuse`.
  std::vector<model::ReplicateResult>* keep = nullptr;
};

class ExperimentSummary {
 public:
  explicit ExperimentSummary(std::vector<model::PolicyName> policies);
  explicit ExperimentSummary(std::vector<std::string> labels);

  void add(const std::vector<model::ReplicateResult>& results);

  // Rows in a fixed order: for each metric, each policy, then each paired difference; the
  // difference rows end with cost_per_extra_stable_day_nok and cost_offset_share.
  [[nodiscard]] std::vector<SummaryRow> rows() const;
  // Arm labels (policy names in a policy comparison); the first is the baseline.
  [[nodiscard]] const std::vector<std::string>& labels() const noexcept { return labels_; }
  [[nodiscard]] std::size_t replicates() const noexcept { return replicates_; }

  // Per-replicate paired (cost difference, stable-day difference) of policy i against the baseline,
  // for cost-effectiveness analysis.
  [[nodiscard]] const std::vector<std::pair<double, double>>& paired_cost_and_stable_days(std::size_t policy) const {
    return paired_increments_[policy];
  }

 private:
  using MetricStatistics = std::array<RunningStatistics, model::metric_count>;

  std::vector<std::string> labels_;
  std::vector<MetricStatistics> by_policy_;
  std::vector<MetricStatistics> differences_;  // index 0 unused (baseline)
  std::vector<PairedStatistics> cost_and_stable_days_;
  std::vector<PairedStatistics> savings_and_programme_cost_;
  // paired increments vs baseline
  std::vector<std::vector<std::pair<double, double>>> paired_increments_;
  std::size_t replicates_ = 0;
};

std::string difference_label(const std::string& arm, const std::string& baseline);
std::string difference_label(model::PolicyName policy, model::PolicyName baseline);

// Runs the experiment, handing each replicate to `observer` (may be null) in replicate order.
ExperimentSummary run_policy_experiment(const model::CityParameters& parameters, const ExperimentSettings& settings,
                                        ReplicateObserver* observer);

// Runs every arm on the same people and random streams (settings.policies is ignored).
ExperimentSummary run_arm_experiment(const std::vector<ExperimentArm>& arms, const ExperimentSettings& settings,
                                     ReplicateObserver* observer);

}  // namespace hsim::analysis
