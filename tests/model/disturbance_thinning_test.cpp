// Disturbances nobody would complain about are thinned out of the event stream: the clock runs at the
// disturbance rate times an upper bound of the complaint chance, and each disturbance it draws is kept
// with chance / bound. Complaints and what follows from them must be the same process as when every
// disturbance is drawn; only the events should be fewer. (Drawing the fewest events also lets idle
// episodes sleep, tests/model/episode_sleep_test.cpp; neither changes the law of the other.)

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

#include "tests/model/test_city.hpp"

namespace {

using hsim::model::CityParameters;
using hsim::model::PolicyName;
using hsim::model::testing::fewest_minus_all_draws;
using hsim::model::testing::small_city;

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
  const auto complaints = fewest_minus_all_draws(
      p, policy, seeds, [](const hsim::model::ReplicateResult& r) { return double(r.counters.complaints); });
  const auto evictions = fewest_minus_all_draws(
      p, policy, seeds, [](const hsim::model::ReplicateResult& r) { return double(r.counters.evictions); });
  const auto events = fewest_minus_all_draws(
      p, policy, seeds, [](const hsim::model::ReplicateResult& r) { return double(r.counters.events); });
  INFO("complaints: fewest - all drawn " << complaints.mean << " (se " << complaints.standard_error << ")");
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
