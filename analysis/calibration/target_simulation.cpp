#include "analysis/calibration/target_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/calibration/target_statistics.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/model/run.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace hsim::analysis::calibration {

std::vector<SimulatedStatistic> simulate_city_targets(const CityTargets& city, const SimulationSettings& settings) {
  auto loaded = scenario::load_scenario(city.scenario, settings.overrides);
  if (!loaded.ok()) throw std::invalid_argument(loaded.diagnostics.to_string());
  const model::CityParameters& parameters = loaded.scenario->parameters();

  std::vector<model::PolicyName> policies;
  std::vector<std::size_t> policy_of_target(city.targets.size(), 0);
  for (std::size_t t = 0; t < city.targets.size(); ++t) {
    const model::PolicyName policy = city.targets[t].policy.value_or(parameters.policy.name);
    auto found = std::find(policies.begin(), policies.end(), policy);
    if (found == policies.end()) {
      policies.push_back(policy);
      found = policies.end() - 1;
    }
    policy_of_target[t] = static_cast<std::size_t>(found - policies.begin());
  }

  std::vector<SimulatedStatistic> simulated(city.targets.size());
  for (auto& statistic : simulated) statistic.replicates = settings.replicates;
  // Over MPI ranks, every rank runs the fit alike and receives every replicate's statistics.
  engine::distributed::TaskOptions options;
  options.threads = settings.threads;
  const auto per_replicate =
      engine::distributed::map_tasks(0, settings.replicates, options, [&](std::uint64_t replicate) {
        std::vector<double> values(city.targets.size(), std::nan(""));
        std::vector<model::ReplicateResult> results;
        for (model::PolicyName policy : policies) {
          results.push_back(
              model::simulate_replicate(parameters, policy, settings.seed, replicate, 1, model::EventDraws::all));
        }
        for (std::size_t t = 0; t < city.targets.size(); ++t) {
          if (!city.targets[t].modelled()) continue;
          values[t] = compute_statistic(city.targets[t], results[policy_of_target[t]]);
        }
        return values;
      });
  for (std::size_t replicate = 0; replicate < per_replicate.size(); ++replicate) {
    const auto& values = per_replicate[replicate];
    for (std::size_t t = 0; t < values.size(); ++t) {
      if (!std::isfinite(values[t])) continue;
      simulated[t].values.push_back(values[t]);
      simulated[t].replicate_of_value.push_back(replicate);
    }
  }
  return simulated;
}

SimulatedTargets simulate_targets(const TargetSet& set, const std::vector<std::string>& cities,
                                  const SimulationSettings& settings) {
  SimulatedTargets all;
  for (const auto& name : cities) {
    const CityTargets* city = set.find(name);
    if (city == nullptr) throw std::invalid_argument("no targets for city '" + name + "' in " + set.file.string());
    auto simulated = simulate_city_targets(*city, settings);
    all.targets.insert(all.targets.end(), city->targets.begin(), city->targets.end());
    all.simulated.insert(all.simulated.end(), simulated.begin(), simulated.end());
  }
  return all;
}

}  // namespace hsim::analysis::calibration
