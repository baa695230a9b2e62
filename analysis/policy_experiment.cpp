#include "analysis/policy_experiment.hpp"

#include <algorithm>
#include <cmath>

#include "sim/engine/ensemble.hpp"

namespace hsim::analysis {

using model::Metric;
using model::SpellType;

unsigned threads_inside_each_replicate(unsigned threads, std::size_t replicates, unsigned requested,
                                       double simulated_people) {
  if (requested > 0) return requested;
  if (simulated_people < people_worth_threads || replicates == 0 || replicates >= threads) return 1;
  return std::max(1u, static_cast<unsigned>(threads / replicates));
}

double stably_housed_days(const model::ReplicateResult& result) {
  std::vector<double> observed_until(result.people.size(), result.status_day);
  std::vector<double> entry_day(result.people.size(), -1.0);
  for (const auto& person : result.people) {
    if (person.cohort && person.entry_day >= 0.0 && person.entry_day <= result.status_day) {
      entry_day[person.id] = person.entry_day;
    }
  }
  for (const auto& spell : result.spells) {
    if (spell.end_reason == model::EndReason::death || spell.end_reason == model::EndReason::moved_away) {
      observed_until[spell.person] = std::min(observed_until[spell.person], spell.end_day);
    }
  }
  double days = 0.0;
  for (const auto& spell : result.spells) {
    if (spell.type != SpellType::tenancy || entry_day[spell.person] < 0.0) continue;
    const double from = std::max(spell.start_day, entry_day[spell.person]);
    const double to = std::min(spell.end_day, observed_until[spell.person]);
    if (to > from) days += to - from;
  }
  return days;
}

std::string difference_label(const std::string& arm, const std::string& baseline) {
  return arm + "-" + baseline;
}

std::string difference_label(model::PolicyName policy, model::PolicyName baseline) {
  return difference_label(std::string(model::to_string(policy)), std::string(model::to_string(baseline)));
}

namespace {
std::vector<std::string> policy_labels(const std::vector<model::PolicyName>& policies) {
  std::vector<std::string> labels;
  for (auto policy : policies) labels.emplace_back(model::to_string(policy));
  return labels;
}
}  // namespace

ExperimentSummary::ExperimentSummary(std::vector<model::PolicyName> policies)
    : ExperimentSummary(policy_labels(policies)) {}

ExperimentSummary::ExperimentSummary(std::vector<std::string> labels)
    : labels_(std::move(labels)),
      by_policy_(labels_.size()),
      differences_(labels_.size()),
      cost_and_stable_days_(labels_.size()),
      savings_and_programme_cost_(labels_.size()),
      paired_increments_(labels_.size()) {}

void ExperimentSummary::add(const std::vector<model::ReplicateResult>& results) {
  ++replicates_;
  const double baseline_stable_days = stably_housed_days(results[0]);
  for (std::size_t p = 0; p < labels_.size(); ++p) {
    for (std::size_t m = 0; m < model::metric_count; ++m) {
      // A metric a replicate cannot define (no event to time, no one housed) is left out of that
      // replicate's mean, not of the ensemble's; the replicate count says how many defined it.
      const double value = results[p].summary.values[m];
      if (!std::isnan(value)) by_policy_[p][m].add(value);
      const double difference = value - results[0].summary.values[m];
      if (p > 0 && !std::isnan(difference)) differences_[p][m].add(difference);
    }
    if (p > 0) {
      const double extra_cost = results[p].summary[Metric::cost_total_nok] - results[0].summary[Metric::cost_total_nok];
      const double extra_days = stably_housed_days(results[p]) - baseline_stable_days;
      cost_and_stable_days_[p].add(extra_cost, extra_days);
      const auto& base = results[0].summary;
      const auto& other = results[p].summary;
      savings_and_programme_cost_[p].add(
          base[Metric::cost_outside_programme_nok] - other[Metric::cost_outside_programme_nok],
          other[Metric::cost_programme_nok] - base[Metric::cost_programme_nok]);
      paired_increments_[p].emplace_back(extra_cost, extra_days);
    }
  }
}

namespace {
// Shares and survival probabilities lie in [0, 1], their paired differences in [-1, 1].
bool is_share(const std::string& metric) {
  return metric.ends_with("_share") || metric.starts_with("tenure_survival_");
}
}  // namespace

std::vector<SummaryRow> ExperimentSummary::rows() const {
  std::vector<SummaryRow> rows;
  for (std::size_t m = 0; m < model::metric_count; ++m) {
    const std::string metric(model::metric_declarations[m].name);
    const bool share = is_share(metric);
    for (std::size_t p = 0; p < labels_.size(); ++p) {
      const Interval interval = mean_interval(by_policy_[p][m]);
      rows.push_back({metric, labels_[p], share ? truncated(interval, 0.0, 1.0) : interval});
    }
    for (std::size_t p = 1; p < labels_.size(); ++p) {
      const Interval interval = mean_interval(differences_[p][m]);
      rows.push_back(
          {metric, difference_label(labels_[p], labels_[0]), share ? truncated(interval, -1.0, 1.0) : interval});
    }
  }
  for (std::size_t p = 1; p < labels_.size(); ++p) {
    const auto& pairs = cost_and_stable_days_[p];
    rows.push_back({"cost_per_extra_stable_day_nok", difference_label(labels_[p], labels_[0]),
                    ratio_interval(pairs.x(), pairs.y(), pairs.covariance())});
    // The share of the programme's extra cost that lower costs elsewhere pay back.
    const auto& offset = savings_and_programme_cost_[p];
    rows.push_back({"cost_offset_share", difference_label(labels_[p], labels_[0]),
                    ratio_interval(offset.x(), offset.y(), offset.covariance())});
  }
  return rows;
}

ExperimentSummary run_policy_experiment(const model::CityParameters& parameters, const ExperimentSettings& settings,
                                        ReplicateObserver* observer) {
  std::vector<ExperimentArm> arms;
  for (model::PolicyName policy : settings.policies) {
    arms.push_back({std::string(model::to_string(policy)), &parameters, policy});
  }
  return run_arm_experiment(arms, settings, observer);
}

ExperimentSummary run_arm_experiment(const std::vector<ExperimentArm>& arms, const ExperimentSettings& settings,
                                     ReplicateObserver* observer) {
  std::vector<std::string> labels;
  for (const auto& arm : arms) labels.push_back(arm.label);
  ExperimentSummary summary(labels);
  engine::EnsembleOptions options;
  options.replicates = settings.replicates;
  options.threads = settings.threads;
  options.stop = settings.stop;
  // Policies compared on one city share each replicate's built city.
  const bool one_city = std::all_of(arms.begin(), arms.end(), [&arms](const ExperimentArm& arm) {
    return arm.reuse == nullptr && arm.parameters == arms.front().parameters;
  });
  std::vector<model::PolicyName> policies;
  for (const auto& arm : arms) policies.push_back(arm.policy);
  engine::run_ensemble(
      options,
      [&](std::size_t replicate) {
        if (one_city && !arms.empty()) {
          return model::simulate_replicate_arms(*arms.front().parameters, policies, settings.seed, replicate,
                                                settings.threads_per_replicate);
        }
        std::vector<model::ReplicateResult> results;
        results.reserve(arms.size());
        for (const auto& arm : arms) {
          if (arm.reuse != nullptr) {
            results.push_back(arm.reuse->at(replicate));
          } else {
            results.push_back(model::simulate_replicate(*arm.parameters, arm.policy, settings.seed, replicate,
                                                        settings.threads_per_replicate));
          }
        }
        return results;
      },
      [&](std::size_t replicate, std::vector<model::ReplicateResult> results) {
        for (std::size_t i = 0; i < arms.size(); ++i) {
          if (arms[i].keep != nullptr) arms[i].keep->push_back(results[i]);
        }
        summary.add(results);
        if (observer != nullptr) observer->on_replicate(replicate, results);
        if (settings.replicates_done != nullptr) ++*settings.replicates_done;
      });
  return summary;
}

}  // namespace hsim::analysis
