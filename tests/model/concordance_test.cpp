// Concordance: the person-spell records aggregate exactly to the time series and to the summary
// metrics that observers counted while the run went.

#include <catch2/catch.hpp>

#include <cmath>

#include "sim/model/observers.hpp"
#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;
using hsim::model::testing::same_value;
using hsim::model::testing::small_city;

namespace {

CensusRow census_from_spells(const ReplicateResult& result, double day) {
  CensusRow row;
  row.day = day;
  // Per person: where they are, whether they hold a tenancy.
  std::vector<int> location(result.people.size(), -1);
  std::vector<bool> tenant(result.people.size(), false);
  for (const auto& spell : result.spells) {
    if (!spell.covers(day)) continue;
    if (is_location(spell.type)) {
      REQUIRE(location[spell.person] == -1);  // never in two places
      location[spell.person] = static_cast<int>(spell.type);
    }
    switch (spell.type) {
      case SpellType::tenancy:
        ++row.tenancies;
        tenant[spell.person] = true;
        break;
      case SpellType::waiting_list:
        ++row.waiting_list_length;
        if (result.people[spell.person].cohort) ++row.cohort_waiting_list;
        break;
      case SpellType::housing_first_enrolment:
        ++row.housing_first_caseload;
        break;
      case SpellType::ordinary_follow_up_enrolment:
        ++row.ordinary_follow_up_caseload;
        break;
      default:
        break;
    }
  }
  for (std::size_t id = 0; id < result.people.size(); ++id) {
    const auto type = static_cast<SpellType>(location[id]);
    if (location[id] < 0) continue;
    switch (type) {
      case SpellType::street_or_friends:
        ++row.street_or_friends;
        break;
      case SpellType::shelter:
        ++row.shelter;
        break;
      case SpellType::temporary_accommodation:
        ++row.temporary_accommodation;
        break;
      case SpellType::training_flat:
        ++row.training_flat;
        break;
      case SpellType::own_flat:
        ++row.own_flat;
        break;
      case SpellType::treatment:
        ++row.treatment;
        break;
      case SpellType::prison:
        ++row.prison;
        break;
      default:
        break;
    }
    const bool homeless = type == SpellType::street_or_friends || type == SpellType::shelter ||
                          type == SpellType::temporary_accommodation || type == SpellType::training_flat ||
                          ((type == SpellType::treatment || type == SpellType::prison) && !tenant[id]);
    if (homeless) ++row.homeless_point_in_time;
    const auto& person = result.people[id];
    if (person.cohort && homeless) ++row.cohort_homeless;
  }
  for (const auto& person : result.people) {
    if (person.cohort && person.entry_day >= 0.0 && person.entry_day < day) {
      ++row.cohort_entered;
      if (tenant[person.id]) ++row.cohort_in_ordinary_housing;
    }
  }
  return row;
}

void check_concordance(const ReplicateResult& result) {
  REQUIRE_FALSE(result.time_series.empty());
  for (const auto& row : result.time_series) {
    const CensusRow expected = census_from_spells(result, row.day);
    INFO("census day " << row.day);
    CHECK(row.homeless_point_in_time == expected.homeless_point_in_time);
    CHECK(row.street_or_friends == expected.street_or_friends);
    CHECK(row.shelter == expected.shelter);
    CHECK(row.temporary_accommodation == expected.temporary_accommodation);
    CHECK(row.training_flat == expected.training_flat);
    CHECK(row.own_flat == expected.own_flat);
    CHECK(row.treatment == expected.treatment);
    CHECK(row.prison == expected.prison);
    CHECK(row.tenancies == expected.tenancies);
    CHECK(row.waiting_list_length == expected.waiting_list_length);
    CHECK(row.housing_first_caseload == expected.housing_first_caseload);
    CHECK(row.ordinary_follow_up_caseload == expected.ordinary_follow_up_caseload);
    CHECK(row.cohort_in_ordinary_housing == expected.cohort_in_ordinary_housing);
    CHECK(row.cohort_entered == expected.cohort_entered);
    CHECK(row.cohort_homeless == expected.cohort_homeless);
    CHECK(row.cohort_waiting_list == expected.cohort_waiting_list);
  }
  CHECK(result.time_series.back().day == result.status_day);

  const SummaryMetrics from_spells = summarise(result, CountSource::spells);
  for (const auto& declaration : metric_declarations) {
    INFO("metric " << declaration.name << ": live " << result.summary[declaration.metric] << ", from spells "
                   << from_spells[declaration.metric]);
    CHECK(same_value(result.summary[declaration.metric], from_spells[declaration.metric]));
  }

  std::uint64_t evictions = 0;
  for (const auto& spell : result.spells) {
    if (spell.type == SpellType::tenancy && is_eviction(spell.end_reason)) ++evictions;
  }
  CHECK(evictions == result.counters.evictions);

  double total = 0.0;
  for (const auto& cost : result.costs) {
    if (cost.group == CostGroup::cohort) total += cost.present_value_nok;
  }
  CHECK(total == Approx(result.summary[Metric::cost_total_nok]));
  CHECK(result.summary[Metric::cost_by_payer_municipality_nok] + result.summary[Metric::cost_by_payer_state_nok] +
            result.summary[Metric::cost_by_payer_health_trust_nok] +
            result.summary[Metric::cost_by_payer_correctional_service_nok] +
            result.summary[Metric::cost_by_payer_police_nok] ==
        Approx(total));
}

}  // namespace

TEST_CASE("spells aggregate to the time series and the summary", "[unit][model][concordance]") {
  for (auto policy : {PolicyName::staircase, PolicyName::housing_first, PolicyName::mixed}) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      INFO("policy " << to_string(policy) << ", seed " << seed);
      check_concordance(simulate_replicate(small_city(), policy, seed, 0));
    }
  }
}

TEST_CASE("spells aggregate to the time series for the default city", "[unit][model][concordance]") {
  check_concordance(simulate_replicate(CityParameters{}, PolicyName::housing_first, 5, 0));
}

TEST_CASE("spells aggregate to the time series when the census is counted in parts on two threads",
          "[unit][model][concordance]") {
  check_concordance(
      simulate_replicate(hsim::model::testing::city_counted_in_parts(), PolicyName::housing_first, 5, 0, 2));
}

TEST_CASE("costs price the spells", "[unit][model][concordance]") {
  const auto p = small_city();
  const auto result = simulate_replicate(p, PolicyName::housing_first, 2, 0);
  double shelter_nights = 0.0;
  for (const auto& spell : result.spells) {
    if (spell.type != SpellType::shelter || !result.people[spell.person].cohort) continue;
    shelter_nights += std::max(0.0, std::min(spell.end_day, result.status_day) - std::max(spell.start_day, 0.0));
  }
  double nights = 0.0, amount = 0.0, fte_years = 0.0;
  for (const auto& cost : result.costs) {
    if (cost.group == CostGroup::cohort && cost.item == CostItemName::shelter_night) {
      nights += cost.quantity;
      amount += cost.amount_nok;
      CHECK(cost.payer == p.costs.shelter_night.payer);
    }
    if (cost.item == CostItemName::hf_team_fte_year && cost.group == CostGroup::cohort) fte_years += cost.quantity;
  }
  CHECK(nights == Approx(shelter_nights));
  CHECK(amount == Approx(shelter_nights * p.costs.shelter_night.value_nok));
  // 3 FTE for the whole two-year window.
  CHECK(fte_years == Approx(3.0 * result.status_day / 365.25).epsilon(1e-9));
}
