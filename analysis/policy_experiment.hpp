#pragma once

// Runs a scenario under one or more policies over many replicates and summarises the results with
// intervals. Every replicate runs all policies on the same people with the same random streams
// (common random numbers), so differences between policies are paired.

#include <array>
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
};

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

class ExperimentSummary {
 public:
  explicit ExperimentSummary(std::vector<model::PolicyName> policies);

  void add(const std::vector<model::ReplicateResult>& results);

  // Rows in a fixed order: for each metric, each policy, then each paired difference; the
  // difference rows end with cost_per_extra_stable_day_nok and cost_offset_share.
  [[nodiscard]] std::vector<SummaryRow> rows() const;
  [[nodiscard]] const std::vector<model::PolicyName>& policies() const noexcept { return policies_; }
  [[nodiscard]] std::size_t replicates() const noexcept { return replicates_; }

  // Per-replicate paired (cost difference, stable-day difference) of policy i against the baseline,
  // for cost-effectiveness analysis.
  [[nodiscard]] const std::vector<std::pair<double, double>>& paired_cost_and_stable_days(std::size_t policy) const {
    return paired_increments_[policy];
  }

 private:
  using MetricStatistics = std::array<RunningStatistics, model::metric_count>;

  std::vector<model::PolicyName> policies_;
  std::vector<MetricStatistics> by_policy_;
  std::vector<MetricStatistics> differences_;  // index 0 unused (baseline)
  std::vector<PairedStatistics> cost_and_stable_days_;
  std::vector<PairedStatistics> savings_and_programme_cost_;
  // paired increments vs baseline
  std::vector<std::vector<std::pair<double, double>>> paired_increments_;
  std::size_t replicates_ = 0;
};

std::string difference_label(model::PolicyName policy, model::PolicyName baseline);

// Runs the experiment, handing each replicate to `observer` (may be null) in replicate order.
ExperimentSummary run_policy_experiment(const model::CityParameters& parameters, const ExperimentSettings& settings,
                                        ReplicateObserver* observer);

}  // namespace hsim::analysis
