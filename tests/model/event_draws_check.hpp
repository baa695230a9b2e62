#pragma once

// Drawing the fewest events (EventDraws::fewest: thinned disturbances, sleeping episodes) must leave the
// model's law unchanged: the same seeds run both ways give complaints and evictions within a few paired
// standard errors, and fewer events.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

#include "analysis/running_statistics.hpp"
#include "tests/model/test_city.hpp"

namespace hsim::model::testing {

// read(fewest events drawn) - read(all drawn) over seeds 1..seeds, replicate by replicate: the other
// clocks draw from the same streams in both runs, so the pairs are correlated.
template <typename Read>
analysis::RunningStatistics fewest_minus_all_draws(const CityParameters& parameters, PolicyName policy,
                                                   std::uint64_t seeds, Read read) {
  analysis::RunningStatistics differences;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    differences.add(read(simulate_replicate(parameters, policy, seed, 0, 1, EventDraws::fewest)) -
                    read(simulate_replicate(parameters, policy, seed, 0, 1, EventDraws::all)));
  }
  return differences;
}

// The small city with a larger pool and more flats, so that many tenancies start and end.
inline CityParameters busy_city() {
  auto p = small_city();
  p.city.initial_homeless_count = 120;
  p.city.homelessness_inflow_per_year = 60.0;
  p.housing.municipal_vacancies_per_year = 40.0;
  return p;
}

// Four standard errors: a false alarm about once in 16,000 per comparison.
inline constexpr double allowed_standard_errors = 4.0;

inline void check_same_complaints_and_fewer_events(const CityParameters& p, PolicyName policy, std::uint64_t seeds) {
  const auto complaints =
      fewest_minus_all_draws(p, policy, seeds, [](const ReplicateResult& r) { return double(r.counters.complaints); });
  const auto evictions =
      fewest_minus_all_draws(p, policy, seeds, [](const ReplicateResult& r) { return double(r.counters.evictions); });
  const auto events =
      fewest_minus_all_draws(p, policy, seeds, [](const ReplicateResult& r) { return double(r.counters.events); });
  INFO("complaints: fewest - all drawn " << complaints.mean() << " (se " << complaints.standard_error() << ")");
  INFO("evictions: " << evictions.mean() << " (se " << evictions.standard_error() << ")");
  INFO("events: " << events.mean() << " (se " << events.standard_error() << ")");
  CHECK(complaints.standard_error() > 0.0);
  CHECK(std::abs(complaints.mean()) <= allowed_standard_errors * complaints.standard_error());
  CHECK(std::abs(evictions.mean()) <= allowed_standard_errors * evictions.standard_error());
  CHECK(events.mean() + allowed_standard_errors * events.standard_error() < 0.0);
}

}  // namespace hsim::model::testing
