// The cost accounting on spells written by hand: each item's quantity by calendar year, prices brought
// to the price year, municipal flats annualised, present values, payers adding up to the total, and
// the degenerate cases (no service use, no prices).

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "sim/model/observers.hpp"
#include "sim/model/price_list.hpp"
#include "sim/model/service_use.hpp"
#include "tests/model/test_city.hpp"

namespace {

using namespace hsim::model;

constexpr double year_days = 365.25;

// One cohort member over 2014-01-01 .. day 731 (1 January 2016 included): 100 days on the street, 200 in a
// shelter, then a municipal flat from day 300, followed by the Housing First team from day 400, and a
// prison stay of the city-pool member.
struct HandCase {
  CityParameters parameters;
  std::vector<PersonRecord> people;
  std::vector<SpellRecord> spells;
  double status_day = 731.0;

  HandCase() {
    parameters.window.start_date = {2014, 1, 1};
    PersonRecord cohort;
    cohort.id = 0;
    cohort.cohort = true;
    cohort.days_at_substance_use_level = {0.0, 731.0, 0.0};  // medium throughout
    cohort.days_at_mental_health_level = {0.0, 0.0, 731.0};  // high throughout
    PersonRecord pool;
    pool.id = 1;
    pool.days_at_substance_use_level = {731.0, 0.0, 0.0};
    pool.days_at_mental_health_level = {731.0, 0.0, 0.0};
    people = {cohort, pool};
    const auto spell = [](std::uint32_t person, SpellType type, double from, double to) {
      SpellRecord s;
      s.person = person;
      s.type = type;
      s.start_day = from;
      s.end_day = to;
      return s;
    };
    spells.push_back(spell(0, SpellType::street_or_friends, 0.0, 100.0));
    spells.push_back(spell(0, SpellType::shelter, 100.0, 300.0));
    spells.push_back(spell(0, SpellType::own_flat, 300.0, 731.0));
    SpellRecord tenancy = spell(0, SpellType::tenancy, 300.0, 731.0);
    tenancy.tenure = Tenure::municipal;
    spells.push_back(tenancy);
    spells.push_back(spell(0, SpellType::housing_first_enrolment, 400.0, 731.0));
    spells.push_back(spell(1, SpellType::prison, 50.0, 500.0));
  }

  [[nodiscard]] std::vector<CostRecord> price(double team_fte = 0.0) const {
    return price_resource_use(parameters, people, spells, {}, status_day, [team_fte](double) { return team_fte; });
  }
};

const CostRecord& find(const std::vector<CostRecord>& records, CostGroup group, int year, CostItemName item) {
  for (const auto& record : records) {
    if (record.group == group && record.year == year && record.item == item) return record;
  }
  FAIL("no record for " << to_string(item) << " in " << year);
  return records.front();
}

}  // namespace

TEST_CASE("a person's costs are their spells priced by hand, year by year", "[unit][model][costs]") {
  const HandCase hand;
  const auto records = hand.price();
  const auto& use = hand.parameters.service_use.psychiatric_admission_days;
  const auto rate = [&](ServicePlace place) {
    return use.per_year_by_place[static_cast<std::size_t>(place)] * use.severity_factor[2] / year_days;
  };
  // 2014 = days 0-365, 2015 = 365-730, 2016 = 730-731.
  const double psych_2014 = 100.0 * rate(ServicePlace::street_or_friends) + 200.0 * rate(ServicePlace::shelter) +
                            65.0 * rate(ServicePlace::own_flat_without_support);
  const double psych_2015 =
      35.0 * rate(ServicePlace::own_flat_without_support) + 330.0 * rate(ServicePlace::own_flat_with_support);
  const double psych_2016 = 1.0 * rate(ServicePlace::own_flat_with_support);
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::psychiatric_admission_day).quantity == Approx(psych_2014));
  CHECK(find(records, CostGroup::cohort, 2015, CostItemName::psychiatric_admission_day).quantity == Approx(psych_2015));
  CHECK(find(records, CostGroup::cohort, 2016, CostItemName::psychiatric_admission_day).quantity == Approx(psych_2016));
  const auto& psych = find(records, CostGroup::cohort, 2015, CostItemName::psychiatric_admission_day);
  CHECK(psych.amount_nok == Approx(psych_2015 * hand.parameters.costs.psychiatric_admission_day.value_nok));
  CHECK(psych.payer == Payer::health_trust);

  // Police contacts follow the substance-use level (medium: factor 1 by default).
  const auto& police = hand.parameters.service_use.police_contacts;
  const double police_2014 =
      (100.0 * police.per_year_by_place[0] + 200.0 * police.per_year_by_place[1] + 65.0 * police.per_year_by_place[5]) *
      police.severity_factor[1] / year_days;
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::police_contact).quantity == Approx(police_2014));
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::police_contact).payer == Payer::police);

  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::shelter_night).quantity == Approx(200.0));
  CHECK(find(records, CostGroup::cohort, 2015, CostItemName::shelter_night).quantity == 0.0);
  // The municipal flat: flat-years, no rent support (the rent stays inside the public purse).
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::municipal_flat_year).quantity == Approx(65.0 / year_days));
  CHECK(find(records, CostGroup::cohort, 2015, CostItemName::municipal_flat_year).quantity ==
        Approx(365.0 / year_days));
  CHECK(find(records, CostGroup::cohort, 2015, CostItemName::housing_grant_year).payer == Payer::state);
  CHECK(find(records, CostGroup::cohort, 2015, CostItemName::rent_support_month).quantity == 0.0);
  // The prison stay is the city pool's, split at the new year.
  CHECK(find(records, CostGroup::city_pool, 2014, CostItemName::prison_day).quantity == Approx(315.0));
  CHECK(find(records, CostGroup::city_pool, 2015, CostItemName::prison_day).quantity == Approx(135.0));
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::prison_day).quantity == 0.0);
}

TEST_CASE("a person's severity factor is weighted by the days at each level", "[unit][model][costs]") {
  PersonRecord person;
  person.days_at_mental_health_level = {100.0, 0.0, 300.0};
  ServiceRate rate;
  rate.severity_factor = {0.2, 1.0, 2.6};
  CHECK(severity_factor(rate, person, true) == Approx((100.0 * 0.2 + 300.0 * 2.6) / 400.0));
  person.days_at_mental_health_level = {0.0, 0.0, 0.0};
  person.initial_mental_health_level = 1;
  CHECK(severity_factor(rate, person, true) == 1.0);  // no days in the window: the level at entry
}

TEST_CASE("prices are indexed from their own year and flats are annualised", "[unit][model][costs]") {
  CostParameters costs;
  costs.price_year = 2016;
  costs.consumer_price_index = {{2010, 92.1}, {2015, 100.0}, {2016, 103.6}};
  // NOK 350 of 2010 in 2016 prices: 350 x 103.6 / 92.1.
  CHECK(index_price(costs, 350.0, 2010) == Approx(393.7025).epsilon(1e-6));
  CHECK(index_price(costs, 350.0, 0) == 350.0);
  CHECK(index_price(costs, 350.0, 2016) == 350.0);
  // 0.02 / (1 - 1.02^-50) = 0.0318232; a zero rate repays in equal parts.
  CHECK(annuity_factor(0.02, 50.0) == Approx(0.0318232).epsilon(1e-5));
  CHECK(annuity_factor(0.0, 40.0) == Approx(0.025));
  costs.municipal_flat = {2500000.0, 0.2, 0.02, 50.0, 0.015, 0};
  const PriceList list = price_list(costs);
  // 0.8 x 2.5 M x 0.0318232 + 1.5 % of 2.5 M; the grant is 0.2 x 2.5 M x 0.0318232.
  CHECK(list[static_cast<std::size_t>(CostItemName::municipal_flat_year)].price_nok == Approx(101146.42).epsilon(1e-6));
  CHECK(list[static_cast<std::size_t>(CostItemName::housing_grant_year)].price_nok == Approx(15911.60).epsilon(1e-6));
  costs.shelter_night = {400.0, Payer::municipality, 2015};
  CHECK(price_list(costs)[static_cast<std::size_t>(CostItemName::shelter_night)].price_nok == Approx(400.0 * 1.036));
  // Discounting from the first year.
  CHECK(discount_factor(0.04, 2014, 2014) == 1.0);
  CHECK(discount_factor(0.04, 2016, 2014) == Approx(1.0 / (1.04 * 1.04)));
}

TEST_CASE("present values discount each year's costs and budgets stay undiscounted", "[unit][model][costs]") {
  HandCase hand;
  hand.parameters.costs.discount_rate_per_year = 0.04;
  const auto records = hand.price(2.0);
  for (const auto& record : records) {
    const double factor = 1.0 / std::pow(1.04, record.year - 2014);
    CHECK(record.present_value_nok == Approx(record.amount_nok * factor));
  }
  // Two team members all through the window, split by year.
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::hf_team_fte_year).quantity ==
        Approx(2.0 * 365.0 / year_days));
  CHECK(find(records, CostGroup::cohort, 2016, CostItemName::hf_team_fte_year).quantity ==
        Approx(2.0 * 1.0 / year_days));
}

TEST_CASE("without service use or prices, nothing is charged", "[unit][model][costs][degenerate]") {
  HandCase hand;
  hand.parameters.service_use = ServiceUseParameters{};
  for (ServiceRate* rate :
       {&hand.parameters.service_use.emergency_clinic_visits, &hand.parameters.service_use.somatic_admission_days,
        &hand.parameters.service_use.psychiatric_admission_days, &hand.parameters.service_use.police_contacts}) {
    rate->per_year_by_place.fill(0.0);
  }
  for (const auto& record : hand.price()) {
    const bool service =
        record.item == CostItemName::emergency_clinic_visit || record.item == CostItemName::somatic_admission_day ||
        record.item == CostItemName::psychiatric_admission_day || record.item == CostItemName::police_contact;
    if (service) CHECK(record.quantity == 0.0);
  }
  HandCase free;
  auto& k = free.parameters.costs;
  for (auto& [item, price] : plain_cost_items(k)) price->value_nok = 0.0;
  k.municipal_flat.purchase_price_nok = 0.0;
  double total = 0.0, quantity = 0.0;
  for (const auto& record : free.price(3.0)) {
    total += record.amount_nok;
    quantity += record.quantity;
  }
  CHECK(total == 0.0);
  CHECK(quantity > 0.0);  // the use is still counted
}

TEST_CASE("payers add up to the total in a simulated city", "[unit][model][costs]") {
  const auto result = simulate_replicate(testing::small_city(), PolicyName::housing_first, 3, 0);
  std::map<Payer, double> by_payer;
  double total = 0.0, programme = 0.0;
  for (const auto& cost : result.costs) {
    if (cost.group != CostGroup::cohort) continue;
    by_payer[cost.payer] += cost.present_value_nok;
    total += cost.present_value_nok;
    if (is_programme_item(cost.item)) programme += cost.present_value_nok;
  }
  const auto& m = result.summary;
  CHECK(m[Metric::cost_total_nok] == Approx(total));
  CHECK(m[Metric::cost_by_payer_municipality_nok] + m[Metric::cost_by_payer_state_nok] +
            m[Metric::cost_by_payer_health_trust_nok] + m[Metric::cost_by_payer_correctional_service_nok] +
            m[Metric::cost_by_payer_police_nok] ==
        Approx(total));
  CHECK(m[Metric::cost_by_payer_police_nok] == Approx(by_payer[Payer::police]));
  CHECK(m[Metric::cost_programme_nok] == Approx(programme));
  CHECK(m[Metric::cost_programme_nok] + m[Metric::cost_outside_programme_nok] == Approx(total));
  CHECK(by_payer[Payer::health_trust] > 0.0);  // admissions are priced for people outside institutions
}

TEST_CASE("a what-if with more team members prices them", "[unit][model][costs]") {
  auto p = testing::small_city();
  const auto base = simulate_replicate(p, PolicyName::housing_first, 4, 0);
  for (auto& [year, fte] : p.teams.housing_first.fte_by_year) fte += 2.0;
  const auto more = simulate_replicate(p, PolicyName::housing_first, 4, 0);
  // Two more staff-years for each year of the window, at the team's price.
  const double extra = 2.0 * more.status_day / year_days * p.costs.hf_team_fte_year.value_nok;
  REQUIRE(p.costs.janitor_in_team_fte);  // so janitor hours, which may change, are not charged on top
  CHECK(more.summary[Metric::cost_programme_nok] - base.summary[Metric::cost_programme_nok] ==
        Approx(extra).epsilon(1e-9));
}

TEST_CASE("a staircase night splits into a fixed part paid for every place and a part paid per night used",
          "[unit][model][costs]") {
  HandCase hand;
  auto& k = hand.parameters.costs;
  k.price_year = 2014;
  k.consumer_price_index = {{2014, 100.0}};
  k.shelter_night = {400.0, Payer::municipality, 0};
  k.place_fixed_share = {0.75, 0.0, 0.5};
  hand.parameters.staircase.shelter_places = 12;
  hand.parameters.staircase.temporary_accommodation_places = 30;
  hand.parameters.staircase.training_flat_places = 4;
  const auto records = hand.price();

  // The cohort's 200 shelter nights pay only the quarter that varies with use.
  const auto& nights = find(records, CostGroup::cohort, 2014, CostItemName::shelter_night);
  CHECK(nights.quantity == Approx(200.0));
  CHECK(nights.amount_nok == Approx(200.0 * 0.25 * 400.0));
  // Every one of the 12 places is paid for all of 2014 (365 of 365.25 days) at three quarters of a night.
  const auto& places = find(records, CostGroup::city_places, 2014, CostItemName::shelter_place_year);
  CHECK(places.quantity == Approx(12.0 * 365.0 / year_days));
  CHECK(places.amount_nok == Approx(12.0 * 365.0 * 0.75 * 400.0));
  CHECK(find(records, CostGroup::city_places, 2016, CostItemName::shelter_place_year).quantity ==
        Approx(12.0 / year_days));
  // Temporary accommodation bought by the night: its places cost nothing when empty.
  const auto& rooms = find(records, CostGroup::city_places, 2015, CostItemName::temporary_accommodation_place_year);
  CHECK(rooms.quantity == Approx(30.0 * 365.0 / year_days));
  CHECK(rooms.amount_nok == 0.0);
  CHECK(find(records, CostGroup::city_places, 2015, CostItemName::training_flat_place_year).amount_nok ==
        Approx(4.0 * 365.0 * 0.5 * k.training_flat_night.value_nok));
  // Nobody's use lands in the places group, and the places are nobody's cohort cost.
  for (const auto& record : records) {
    const bool place_item = record.item == CostItemName::shelter_place_year ||
                            record.item == CostItemName::temporary_accommodation_place_year ||
                            record.item == CostItemName::training_flat_place_year;
    if (record.group == CostGroup::city_places) CHECK((place_item || record.quantity == 0.0));
    if (place_item && record.group != CostGroup::city_places) CHECK(record.quantity == 0.0);
  }
}

TEST_CASE("with no fixed share a night costs its whole price and empty places cost nothing",
          "[unit][model][costs][degenerate]") {
  HandCase hand;
  hand.parameters.costs.place_fixed_share = {0.0, 0.0, 0.0};
  hand.parameters.staircase.shelter_places = 50;
  const PriceList prices = price_list(hand.parameters.costs);
  const double night = prices[static_cast<std::size_t>(CostItemName::shelter_night)].price_nok;
  CHECK(night == Approx(index_price(hand.parameters.costs, hand.parameters.costs.shelter_night.value_nok,
                                    hand.parameters.costs.shelter_night.price_year)));
  const auto records = hand.price();
  CHECK(find(records, CostGroup::cohort, 2014, CostItemName::shelter_night).amount_nok == Approx(200.0 * night));
  CHECK(find(records, CostGroup::city_places, 2014, CostItemName::shelter_place_year).amount_nok == 0.0);
  // A fixed share of 1 moves the whole night to the place.
  hand.parameters.costs.place_fixed_share.shelter = 1.0;
  const PriceList all_fixed = price_list(hand.parameters.costs);
  CHECK(all_fixed[static_cast<std::size_t>(CostItemName::shelter_night)].price_nok == 0.0);
  CHECK(all_fixed[static_cast<std::size_t>(CostItemName::shelter_place_year)].price_nok == Approx(night * year_days));
}

TEST_CASE("a what-if with fewer staircase places prices them and changes no cohort cost of places",
          "[unit][model][costs]") {
  auto p = testing::small_city();
  p.costs.place_fixed_share = {0.8, 0.0, 0.8};
  const auto base = simulate_replicate(p, PolicyName::housing_first, 5, 0);
  p.staircase.shelter_places -= 4;
  const auto fewer = simulate_replicate(p, PolicyName::housing_first, 5, 0);
  const double night =
      price_list(p.costs)[static_cast<std::size_t>(CostItemName::shelter_night)].price_nok / (1.0 - 0.8);
  // Four places fewer for the whole window, at 80 % of a night's price every night.
  const double saved = 4.0 * fewer.status_day * 0.8 * night;
  CHECK(base.summary[Metric::cost_city_staircase_places_nok] - fewer.summary[Metric::cost_city_staircase_places_nok] ==
        Approx(saved).epsilon(1e-9));
  CHECK(fewer.summary[Metric::cost_city_staircase_places_nok] > 0.0);
}
