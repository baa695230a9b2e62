// Disturbances nobody would complain about are thinned out of the event stream: the clock runs at the
// disturbance rate times an upper bound of the complaint chance, and each disturbance it draws is kept
// with chance / bound. Complaints and what follows from them must be the same process as when every
// disturbance is drawn; only the events should be fewer.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "tests/model/test_city.hpp"

namespace {

using hsim::model::CityParameters;
using hsim::model::DisturbanceDraws;
using hsim::model::PolicyName;
using hsim::model::simulate_replicate;
using hsim::model::testing::small_city;

struct PairedDifference {
  double mean = 0.0;
  double standard_error = 0.0;
};

// Mean and standard error of (thinned - unthinned) over seeds 1..seeds, replicate by replicate: the
// other clocks draw from the same streams in both runs, so the pairs are correlated.
template <typename Read>
PairedDifference paired_difference(const CityParameters& parameters, PolicyName policy, std::uint64_t seeds,
                                   Read read) {
  std::vector<double> differences;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    differences.push_back(read(simulate_replicate(parameters, policy, seed, 0, 1, DisturbanceDraws::thinned)) -
                          read(simulate_replicate(parameters, policy, seed, 0, 1, DisturbanceDraws::all)));
  }
  double mean = 0.0;
  for (double d : differences) mean += d;
  mean /= static_cast<double>(differences.size());
  double squares = 0.0;
  for (double d : differences) squares += (d - mean) * (d - mean);
  const double variance = squares / static_cast<double>(differences.size() - 1);
  return {mean, std::sqrt(variance / static_cast<double>(differences.size()))};
}

CityParameters busy_city() {
  auto p = small_city();
  p.city.initial_homeless_count = 120;
  p.city.homelessness_inflow_per_year = 60.0;
  p.housing.municipal_vacancies_per_year = 40.0;
  return p;
}

// Four standard errors: a false alarm about once in 16,000 per comparison.
constexpr double allowed_standard_errors = 4.0;

void check_same_complaints_and_fewer_events(const CityParameters& p, PolicyName policy) {
  constexpr std::uint64_t seeds = 150;
  const auto complaints = paired_difference(
      p, policy, seeds, [](const hsim::model::ReplicateResult& r) { return double(r.counters.complaints); });
  const auto evictions = paired_difference(
      p, policy, seeds, [](const hsim::model::ReplicateResult& r) { return double(r.counters.evictions); });
  const auto events = paired_difference(
      p, policy, seeds, [](const hsim::model::ReplicateResult& r) { return double(r.counters.events); });
  INFO("complaints: thinned - all drawn " << complaints.mean << " (se " << complaints.standard_error << ")");
  INFO("evictions: " << evictions.mean << " (se " << evictions.standard_error << ")");
  INFO("events: " << events.mean << " (se " << events.standard_error << ")");
  CHECK(complaints.standard_error > 0.0);
  CHECK(std::abs(complaints.mean) <= allowed_standard_errors * complaints.standard_error);
  CHECK(std::abs(evictions.mean) <= allowed_standard_errors * evictions.standard_error);
  CHECK(events.mean + allowed_standard_errors * events.standard_error < 0.0);
}

}  // namespace

TEST_CASE("thinning disturbances keeps complaints and evictions and draws fewer events",
          "[statistical][model][thinning]") {
  SECTION("factors that fall with time in the flat, usual services") {
    check_same_complaints_and_fewer_events(busy_city(), PolicyName::usual_services);
  }
  SECTION("factors that fall with time in the flat, Housing First with a janitor and extended hours") {
    auto p = busy_city();
    p.teams.housing_first.janitor_by_year = {{2014, 0}, {2015, 1}};
    p.teams.housing_first.extended_hours_by_year = {{2014, 1}, {2015, 0}};
    check_same_complaints_and_fewer_events(p, PolicyName::housing_first);
  }
  SECTION("factors that rise with time in the flat (the bound must take their later values)") {
    auto p = busy_city();
    p.behaviour.disturbance.early_tenancy_complaint_factor = 0.4;
    p.behaviour.disturbance.settled_tenancy_complaint_factor = 2.5;
    p.behaviour.disturbance.janitor_complaint_factor = 1.5;
    p.teams.housing_first.janitor_by_year = {{2014, 0}, {2015, 1}};
    check_same_complaints_and_fewer_events(p, PolicyName::housing_first);
    check_same_complaints_and_fewer_events(p, PolicyName::usual_services);
  }
}
