// Disturbances nobody would complain about are thinned out of the event stream: the clock runs at the
// disturbance rate times an upper bound of the complaint chance, and each disturbance it draws is kept
// with chance / bound. Complaints and what follows from them must be the same process as when every
// disturbance is drawn; only the events should be fewer. (Drawing the fewest events also lets idle
// episodes sleep, tests/model/episode_sleep_test.cpp; neither changes the law of the other.)

#include <catch2/catch.hpp>

#include "tests/model/event_draws_check.hpp"

using hsim::model::PolicyName;
using hsim::model::testing::busy_city;

namespace {

void check_same_complaints_and_fewer_events(const hsim::model::CityParameters& p, PolicyName policy) {
  hsim::model::testing::check_same_complaints_and_fewer_events(p, policy, 150);
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
