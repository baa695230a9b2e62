#include "sim/model/run.hpp"

#include <algorithm>

#include "sim/engine/simulator.hpp"
#include "sim/model/calendar.hpp"
#include "sim/model/city_model.hpp"
#include "sim/model/observers.hpp"
#include "sim/model/parameter_checks.hpp"

namespace hsim::model {

static_assert(
    [] {
      for (std::size_t i = 0; i < metric_count; ++i) {
        if (static_cast<std::size_t>(metric_declarations[i].metric) != i) return false;
      }
      return true;
    }(),
    "metric_declarations must list the metrics in enum order");

PeopleOverRun people_over_run(const CityParameters& parameters) {
  PeopleOverRun people;
  for (const auto& [year, count] : parameters.population.intake_by_year) people.intake += count;
  const double years = (static_cast<double>(days_between(parameters.window.start_date, parameters.window.status_date)) +
                        parameters.window.burn_in_days) /
                       days_per_year;
  double inflow_per_year = parameters.city.homelessness_inflow_per_year;
  for (const auto& [year, value] : parameters.city.homelessness_inflow_by_year) {
    inflow_per_year = std::max(inflow_per_year, value);
  }
  people.inflow = inflow_per_year * std::max(0.0, years);
  people.initial = parameters.city.initial_homeless_count;
  return people;
}

namespace {

// Runs a built city that has not run yet, under the policy it was built or re-set for.
ReplicateResult run_built_city(detail::CityModel& model, const CityParameters& parameters, PolicyName policy,
                               std::uint64_t seed, std::uint64_t replicate, unsigned threads) {
  engine::Partition partition = model.partition();
  engine::RunOptions options;
  options.start = model.start_day();
  options.end = model.end_day();
  options.lookahead = 1.0;
  options.threads = std::max(1u, std::min<unsigned>(threads, partition.lp_count()));
  options.visit_every_window = true;
  engine::Simulator<detail::CityModel> simulator(model, std::move(partition), options);
  model.seed_events(simulator);
  const engine::RunStats stats = simulator.run();

  ReplicateResult result;
  result.policy = policy;
  result.seed = seed;
  result.replicate = replicate;
  result.status_day = model.end_day();
  result.pool_scale = model.pool_scale();
  const double simulated_person_days = model.simulated_person_days();  // before finish hands the records over
  std::vector<detail::JanitorHours> janitor;
  model.finish(result.people, result.spells, result.time_series, janitor);

  auto& counters = result.counters;
  static_cast<ObservedCounts&>(counters) = model.counters();
  counters.events = stats.committed_events;
  counters.cross_lp_events = stats.cross_lp_events;
  counters.windows = stats.windows;
  counters.peak_pending_events = stats.peak_pending_events;
  counters.simulated_person_days = simulated_person_days;

  std::vector<JanitorCallOut> call_outs;
  call_outs.reserve(janitor.size());
  for (const auto& hours : janitor) call_outs.push_back({hours.person, hours.time, hours.hours});
  result.costs = price_resource_use(parameters, result.people, result.spells, call_outs, result.status_day,
                                    [&model](double day) { return model.hf_fte_at(day); });
  result.summary = summarise(result, CountSource::live_counters);
  return result;
}

}  // namespace

ReplicateResult simulate_replicate(const CityParameters& parameters, PolicyName policy, std::uint64_t seed,
                                   std::uint64_t replicate, unsigned threads, EventDraws draws) {
  require_valid(parameters);
  detail::CityModel model(parameters, policy, seed, replicate, threads, draws);
  return run_built_city(model, parameters, policy, seed, replicate, threads);
}

std::vector<ReplicateResult> simulate_replicate_arms(const CityParameters& parameters,
                                                     std::span<const PolicyName> policies, std::uint64_t seed,
                                                     std::uint64_t replicate, unsigned threads, EventDraws draws) {
  std::vector<ReplicateResult> results;
  results.reserve(policies.size());
  if (policies.size() < 2 || people_over_run(parameters).total() > shared_build_people_max) {
    for (const PolicyName policy : policies) {
      results.push_back(simulate_replicate(parameters, policy, seed, replicate, threads, draws));
    }
    return results;
  }
  require_valid(parameters);
  detail::CityModel built(parameters, policies.front(), seed, replicate, threads, draws);
  const auto run_arm = [&](detail::CityModel& model, PolicyName policy) {
    model.adopt_policy(policy, draws);
    results.push_back(run_built_city(model, parameters, policy, seed, replicate, threads));
  };
  for (std::size_t arm = 0; arm + 1 < policies.size(); ++arm) {
    detail::CityModel copy(built);
    run_arm(copy, policies[arm]);
  }
  run_arm(built, policies.back());  // the last arm runs the built city itself
  return results;
}

}  // namespace hsim::model
