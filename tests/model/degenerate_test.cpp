// Degenerate parameters whose outcome is known without simulation.

#include <catch2/catch.hpp>

#include <array>

#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::small_city;

namespace {
constexpr std::uint64_t seeds = 4;
const PolicyName all_policies[] = {PolicyName::staircase, PolicyName::housing_first, PolicyName::mixed,
                                   PolicyName::usual_services};

// Complaints under Housing First over the first `count` seeds.
std::size_t housing_first_complaints(const CityParameters& p, std::uint64_t count = seeds) {
  std::size_t total = 0;
  for (std::uint64_t seed = 1; seed <= count; ++seed) {
    total += simulate_replicate(p, PolicyName::housing_first, seed, 0).counters.complaints;
  }
  return total;
}

std::size_t count_spells(const ReplicateResult& result, SpellType type) {
  std::size_t n = 0;
  for (const auto& spell : result.spells) n += spell.type == type ? 1 : 0;
  return n;
}

// Tenancies ended by the landlord (eviction, or a managed exit instead of one) over 16 seeds, by tenure.
std::array<std::size_t, 2> landlord_terminations(const CityParameters& p, PolicyName policy) {
  std::array<std::size_t, 2> by_tenure{};  // private, municipal
  for (std::uint64_t seed = 1; seed <= 4 * seeds; ++seed) {
    const auto result = simulate_replicate(p, policy, seed, 0);
    for (const auto& spell : result.spells) {
      const bool terminated = is_eviction(spell.end_reason) || spell.end_reason == EndReason::managed_exit;
      if (spell.type == SpellType::tenancy && terminated) ++by_tenure[spell.tenure == Tenure::municipal ? 1 : 0];
    }
  }
  return by_tenure;
}
}  // namespace

TEST_CASE("no disturbance gives no complaints and no evictions", "[unit][model][degenerate]") {
  auto p = small_city();
  p.behaviour.disturbance.baseline_per_year = 0.0;
  p.behaviour.disturbance.in_episode_per_week = 0.0;
  p.behaviour.disturbance.visitor_episodes_per_homeless_contact_per_year = 0.0;
  for (auto policy : all_policies) {
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      const auto result = simulate_replicate(p, policy, seed, 0);
      CHECK(result.counters.complaints == 0);
      CHECK(result.counters.warnings == 0);
      CHECK(result.counters.evictions == 0);
      CHECK(result.summary[Metric::evictions] == 0.0);
    }
  }
}

TEST_CASE("landlords with unlimited tolerance never evict", "[unit][model][degenerate]") {
  auto p = small_city();
  p.behaviour.landlords.complaints_before_warning_mean = 1e12;
  p.behaviour.landlords.complaints_before_warning_log_sd = 0.0;
  for (auto policy : all_policies) {
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      const auto result = simulate_replicate(p, policy, seed, 0);
      CHECK(result.counters.complaints > 0);  // disturbance still happens
      CHECK(result.counters.evictions == 0);
      for (const auto& spell : result.spells) CHECK_FALSE(is_eviction(spell.end_reason));  // no tenancy or move
    }
  }
}

TEST_CASE("a municipal housing service with unlimited tolerance never evicts, private landlords still do",
          "[unit][model][degenerate]") {
  auto tolerant = small_city();
  tolerant.behaviour.landlords.municipal_complaints_before_warning_factor = 1e12;
  std::size_t municipal_at_shared_tolerance = 0;
  for (auto policy : all_policies) {
    const auto ordinary = landlord_terminations(small_city(), policy);
    const auto unlimited = landlord_terminations(tolerant, policy);
    INFO(to_string(policy) << ": private " << ordinary[0] << " -> " << unlimited[0] << ", municipal " << ordinary[1]
                           << " -> " << unlimited[1]);
    CHECK(unlimited[1] == 0);
    CHECK(unlimited[0] > 0);  // the factor acts on municipal flats only
    municipal_at_shared_tolerance += ordinary[1];
  }
  CHECK(municipal_at_shared_tolerance > 0);  // so the zero above is the factor's doing
}

TEST_CASE("the short-choice complaint factor acts only where the team offers a choice of flats",
          "[unit][model][degenerate]") {
  const auto complaints = [](int flats_offered, double factor) {
    auto p = small_city();
    p.housing.flats_offered_to_choose_from = flats_offered;
    p.behaviour.disturbance.short_choice_complaint_factor = factor;
    return housing_first_complaints(p);
  };
  // One flat at a time is never fewer than the team offers: the factor changes nothing at all.
  CHECK(complaints(1, 5.0) == complaints(1, 1.0));
  // The small city's scarce private supply often leaves one open flat where the team offers two.
  const std::size_t shared = complaints(2, 1.0);
  const std::size_t short_choice = complaints(2, 5.0);
  INFO("complaints at factor 1: " << shared << ", at factor 5: " << short_choice);
  CHECK(short_choice > shared);
}

TEST_CASE("a Housing First team without staff takes nobody in", "[unit][model][degenerate]") {
  auto p = small_city();
  p.teams.housing_first.fte_by_year = {{2014, 0.0}, {2015, 0.0}};
  for (auto policy : {PolicyName::housing_first, PolicyName::mixed}) {
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      const auto result = simulate_replicate(p, policy, seed, 0);
      CHECK(result.summary[Metric::entrants] == 0.0);
      CHECK(count_spells(result, SpellType::housing_first_enrolment) == 0);
      for (const auto& row : result.time_series) CHECK(row.housing_first_caseload == 0);
    }
  }
}

TEST_CASE("without inflow or housing loss the homeless count never rises", "[unit][model][degenerate]") {
  auto p = small_city();
  p.city.homelessness_inflow_per_year = 0.0;
  p.population.intake_by_year.clear();
  p.behaviour.disturbance.baseline_per_year = 0.0;
  p.behaviour.disturbance.in_episode_per_week = 0.0;
  p.behaviour.disturbance.visitor_episodes_per_homeless_contact_per_year = 0.0;
  p.behaviour.life.voluntary_move_per_year = 0.0;
  p.behaviour.spells.treatment_by_substance_level = {};
  p.behaviour.spells.prison_by_substance_level = {};
  for (auto policy : all_policies) {
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      const auto result = simulate_replicate(p, policy, seed, 0);
      REQUIRE(result.time_series.size() > 10);
      for (std::size_t i = 1; i < result.time_series.size(); ++i) {
        CHECK(result.time_series[i].homeless_point_in_time <= result.time_series[i - 1].homeless_point_in_time);
      }
    }
  }
}

TEST_CASE("the staircase policy has no Housing First team", "[unit][model][degenerate]") {
  const auto result = simulate_replicate(small_city(), PolicyName::staircase, 1, 0);
  CHECK(count_spells(result, SpellType::housing_first_enrolment) == 0);
  CHECK(result.summary[Metric::entrants] == 12.0);  // the whole comparison cohort enters the staircase
  for (const auto& cost : result.costs) {
    if (cost.item == CostItemName::hf_team_fte_year) CHECK(cost.amount_nok == 0.0);
  }
}

TEST_CASE("a team that does not rehouse ends follow-up at the first loss", "[unit][model][degenerate]") {
  auto p = small_city();
  p.teams.housing_first.rehouse_after_loss = false;
  std::size_t losses_seen = 0;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto result = simulate_replicate(p, PolicyName::housing_first, seed, 0);
    for (const auto& enrolment : result.spells) {
      if (enrolment.type != SpellType::housing_first_enrolment) continue;
      for (const auto& tenancy : result.spells) {
        if (tenancy.person != enrolment.person || tenancy.type != SpellType::tenancy) continue;
        if (!is_housing_loss(tenancy.end_reason)) continue;
        if (tenancy.end_day <= enrolment.start_day || tenancy.end_day > enrolment.end_day) continue;
        ++losses_seen;
        CHECK(enrolment.end_day == tenancy.end_day);
        CHECK(enrolment.end_reason == EndReason::discharged);
      }
    }
    CHECK(result.counters.entrants > 0);
  }
  CHECK(losses_seen > 0);  // the rule was exercised
}

TEST_CASE("without secured rent, arrears alone end tenancies", "[unit][model][degenerate]") {
  auto p = small_city();
  p.behaviour.disturbance.baseline_per_year = 0.0;
  p.behaviour.disturbance.in_episode_per_week = 0.0;
  p.behaviour.disturbance.visitor_episodes_per_homeless_contact_per_year = 0.0;
  p.welfare.rent_secured = false;
  p.welfare.arrears_termination_per_year = 1.0;
  std::uint64_t evictions = 0;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto result = simulate_replicate(p, PolicyName::housing_first, seed, 0);
    CHECK(result.counters.complaints == 0);
    evictions += result.counters.evictions;
  }
  CHECK(evictions > 0);
}

TEST_CASE("a settled-tenancy factor of 1 changes nothing, whatever the settling time", "[unit][model][degenerate]") {
  const auto complaints = [](double settled, double settling_days) {
    auto p = small_city();
    p.behaviour.disturbance.settled_tenancy_complaint_factor = settled;
    p.behaviour.disturbance.tenancy_settling_days = settling_days;
    return housing_first_complaints(p);
  };
  CHECK(complaints(1.0, 30.0) == complaints(1.0, 3000.0));
  const std::size_t unsettled = complaints(1.0, 180.0);
  const std::size_t settling = complaints(0.2, 180.0);
  INFO("complaints without settling: " << unsettled << ", settling to 0.2: " << settling);
  CHECK(settling < unsettled);
}

TEST_CASE("without disengagement nobody waiting for a flat leaves the programme", "[unit][model][degenerate]") {
  auto p = small_city();
  p.housing.private_vacancies_for_programme_per_year = 0.0;
  p.housing.municipal_flats_reserved_for_programme_per_year = 0.0;
  p.behaviour.life.mortality_by_substance_level = {};
  p.behaviour.life.move_away_per_year = 0.0;
  const auto enrolled = [&](double disengagement_per_year) {
    p.teams.housing_first.disengagement_while_unhoused_per_year = disengagement_per_year;
    double sum = 0.0;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
      sum += simulate_replicate(p, PolicyName::housing_first, seed, 0).summary[Metric::still_enrolled_share];
    }
    return sum / static_cast<double>(seeds);
  };
  // No flat ever opens for the team: waiting two years alone must not end anyone's enrolment.
  CHECK(enrolled(0.0) == 1.0);
  // At 12 a year, staying in contact for the months before the status date is rare.
  CHECK(enrolled(12.0) < 0.2);
}

TEST_CASE("usual services without a route out of homelessness house nobody", "[unit][model][degenerate]") {
  auto p = small_city();
  p.welfare.assisted_private_lets_per_year = 0.0;
  p.behaviour.life.self_resolved_housing_per_year = 0.0;
  p.housing.municipal_vacancies_per_year = 0.0;
  p.housing.municipal_flats_reserved_for_programme_per_year = 0.0;
  p.population.entry_route = {1.0, 0.0, 0.0, 0.0, 0.0};
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto result = simulate_replicate(p, PolicyName::usual_services, seed, 0);
    CHECK(result.summary[Metric::ever_housed_share] == 0.0);
    CHECK(result.summary[Metric::entrants] == 12.0);
  }
}

TEST_CASE("yearly team inputs equal to the single values change nothing", "[unit][model][degenerate]") {
  auto single = small_city();
  single.teams.housing_first.janitor = true;
  single.teams.housing_first.extended_hours = false;
  auto yearly = single;
  yearly.teams.housing_first.janitor_by_year = {{2014, 1}};
  yearly.teams.housing_first.extended_hours_by_year = {{2015, 0}};
  yearly.teams.housing_first.caseload_per_fte_by_year = {{2014, single.teams.housing_first.caseload_per_fte}};
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto a = simulate_replicate(single, PolicyName::housing_first, seed, 0);
    const auto b = simulate_replicate(yearly, PolicyName::housing_first, seed, 0);
    CHECK(a.counters.complaints == b.counters.complaints);
    CHECK(a.spells.size() == b.spells.size());
  }
  // Without the janitor from the second year on, complaints can only rise.
  auto without = single;
  without.teams.housing_first.janitor_by_year = {{2015, 0}};
  const std::size_t with_janitor = housing_first_complaints(single, 4 * seeds);
  const std::size_t without_janitor = housing_first_complaints(without, 4 * seeds);
  INFO("complaints with a janitor throughout " << with_janitor << ", without from 2015 " << without_janitor);
  CHECK(without_janitor > with_janitor);
}

TEST_CASE("no inflow from the first year of the window on means nobody new appears", "[unit][model][degenerate]") {
  auto p = small_city();
  p.city.homelessness_inflow_by_year = {{2014, 0.0}};
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const auto result = simulate_replicate(p, PolicyName::usual_services, seed, 0);
    std::size_t inflow_during_burn_in = 0;
    for (const auto& person : result.people) {
      if (person.cohort || person.refused_programme || person.entry_route != EntryRoute::city_inflow) continue;
      CHECK(person.appear_day < 0.0 + 1e-9);
      if (person.appear_day > -p.window.burn_in_days + 1e-9) ++inflow_during_burn_in;
    }
    CHECK(inflow_during_burn_in > 0);  // the burn-in year keeps the single rate
  }
}
