#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"
#include "sim/scenario/keys/shared_groups.hpp"

namespace hsim::scenario::keys {

void declare_costs_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(costs.price_year)
               .range(1990, 2100)
               .describe("Year whose price level all costs are given in.")
               .assumption("The status dates fall in 2016-2017; prices are brought to 2016"));
  declare_cost_item(
      keys, "costs.hf_team_fte_year", [](auto& p) -> auto& { return p.costs.hf_team_fte_year; },
      "one Housing First team member for a year",
      cited("Husbanken web page Housing First lønner seg for kommunene, 2015 figure: NOK 3.8 million a year for 5 "
            "staff"));
  declare_cost_item(
      keys, "costs.ordinary_follow_up_fte_year", [](auto& p) -> auto& { return p.costs.ordinary_follow_up_fte_year; },
      "one ordinary follow-up worker for a year",
      assumed("Municipal social-worker salary with overheads, a little below an HF post"));
  declare_cost_item(
      keys, "costs.temporary_accommodation_night",
      [](auto& p) -> auto& { return p.costs.temporary_accommodation_night; }, "one night in temporary accommodation",
      assumed("No source document prices it (PRIMER); Bodø's NOK 58,700 per household-year is about "
              "160 a night, hostels charge more, see calibration/targets.yaml costs"));
  declare_cost_item(
      keys, "costs.shelter_night", [](auto& p) -> auto& { return p.costs.shelter_night; },
      "one night in a shelter or hostel",
      assumed("Hostel (hospits) nights cost NOK 300-400 (calibration/targets.yaml costs)"));
  declare_cost_item(
      keys, "costs.training_flat_night", [](auto& p) -> auto& { return p.costs.training_flat_night; },
      "one night in a supervised training flat",
      assumed("Staffed housing costs more than a hostel night; not priced in the sources"));
  declare_cost_item(
      keys, "costs.treatment_day", [](auto& p) -> auto& { return p.costs.treatment_day; },
      "one inpatient treatment day", assumed("Below the NOK 8,500 upper bound in calibration/targets.yaml costs"));
  declare_cost_item(
      keys, "costs.prison_day", [](auto& p) -> auto& { return p.costs.prison_day; }, "one prison day",
      cited("Council of Europe SPACE data via VG 2019: over NOK 2,700 a prison day in 2017"));
  declare_cost_item(
      keys, "costs.janitor_hour", [](auto& p) -> auto& { return p.costs.janitor_hour; }, "one janitor hour",
      assumed("Craftsman hourly rate with overheads"));
  declare_cost_item(
      keys, "costs.eviction_process", [](auto& p) -> auto& { return p.costs.eviction_process; },
      "one eviction (legal process, enforcement, clearing the flat)",
      assumed("Not priced in the sources; an order of magnitude"));
  declare_cost_item(
      keys, "costs.rent_support_month", [](auto& p) -> auto& { return p.costs.rent_support_month; },
      "one month of rent support",
      cited("Statistics Norway rental survey 2010: mean municipal rent NOK 4,983 a month"));
  declare_cost_item(
      keys, "costs.emergency_clinic_visit", [](auto& p) -> auto& { return p.costs.emergency_clinic_visit; },
      "one visit to the emergency primary-care clinic (legevakt)",
      assumed("Not priced in the sources (targets.yaml costs.not_found)"));
  declare_cost_item(
      keys, "costs.somatic_admission_day", [](auto& p) -> auto& { return p.costs.somatic_admission_day; },
      "one day admitted to a somatic hospital ward", assumed("Not priced in the sources"));
  declare_cost_item(
      keys, "costs.psychiatric_admission_day", [](auto& p) -> auto& { return p.costs.psychiatric_admission_day; },
      "one day admitted to a psychiatric ward", assumed("Not priced in the sources (targets.yaml costs.not_found)"));
  declare_cost_item(
      keys, "costs.police_contact", [](auto& p) -> auto& { return p.costs.police_contact; },
      "one police contact (call-out, arrest or custody)",
      assumed("Not priced in the sources (targets.yaml costs.not_found)"));
  declare_cost_item(
      keys, "costs.deposit_guarantee_claim", [](auto& p) -> auto& { return p.costs.deposit_guarantee_claim; },
      "one claim on the welfare office's deposit guarantee when a private let ends in eviction",
      assumed("Not priced in the sources"));
  keys.add(HSIM_SCENARIO_KEY(costs.consumer_price_index)
               .above(0)
               .describe("Consumer price index by calendar year (any base year); every price year used must be "
                         "listed.")
               .source("Statistics Norway, table 03014 (consumer price index, 2015 = 100)"));
  keys.add(HSIM_SCENARIO_KEY(costs.discount_rate_per_year)
               .at_most(0.5)
               .describe("Real discount rate a year for present values, counted from window.start_date's year; 0 "
                         "gives undiscounted budget figures.")
               .assumption("Budgets are undiscounted; economic evaluations discount (Norway's R-109 uses 4 %)"));
  keys.add(HSIM_SCENARIO_KEY(costs.municipal_flat.purchase_price_nok)
               .at_most(1.0e8)
               .unit("NOK")
               .describe("Purchase price of one municipal flat for the programme.")
               .assumption("Not in the sources; a small flat in a Norwegian city"));
  keys.add(HSIM_SCENARIO_KEY(costs.municipal_flat.grant_share)
               .at_most(1)
               .describe("Share of the price Husbanken pays as a grant for rental flats (paid by the state).")
               .assumption("Husbanken's grant for rental housing for the disadvantaged"));
  keys.add(HSIM_SCENARIO_KEY(costs.municipal_flat.loan_rate_per_year)
               .at_most(0.5)
               .describe("Interest on the loan that finances the rest of the price.")
               .assumption("Husbanken's loan rate"));
  keys.add(HSIM_SCENARIO_KEY(costs.municipal_flat.loan_years)
               .above(0)
               .at_most(100)
               .unit("years")
               .describe("Repayment period over which the flat's price is annualised.")
               .assumption("Husbanken's longest repayment period"));
  keys.add(HSIM_SCENARIO_KEY(costs.municipal_flat.upkeep_share_per_year)
               .at_most(1)
               .describe("Maintenance and management a year, as a share of the purchase price.")
               .assumption("Not in the sources"));
  keys.add(HSIM_SCENARIO_KEY(costs.municipal_flat.price_year)
               .at_most(2100)
               .describe("Year whose prices purchase_price_nok is given in; 0: costs.price_year.")
               .assumption("Given in the price year"));
  keys.add(HSIM_SCENARIO_KEY(costs.place_fixed_share.shelter)
               .at_most(1)
               .describe("Share of a shelter night's price paid for the place whether it is used or not (staff on "
                         "duty); the rest is paid per night used. The fixed part is charged per place-year to the "
                         "city's places (staircase.shelter_places).")
               .assumption("Staffed night shelters pay their night staff whether beds are full"));
  keys.add(HSIM_SCENARIO_KEY(costs.place_fixed_share.temporary_accommodation)
               .at_most(1)
               .describe("Share of a temporary-accommodation night's price paid for the place whether it is used or "
                         "not; the rest is paid per night used.")
               .assumption("Hostel rooms bought by the night cost nothing when not used"));
  keys.add(HSIM_SCENARIO_KEY(costs.place_fixed_share.training_flat)
               .at_most(1)
               .describe("Share of a training-flat night's price paid for the place whether it is used or not (24-hour "
                         "staff, the lease); the rest is paid per night used.")
               .assumption("Staffed supported housing pays its staff and lease whether flats are full"));
  keys.add(HSIM_SCENARIO_KEY(costs.janitor_hours_per_move_in)
               .at_most(1000)
               .unit("hours")
               .describe("Janitor hours per move-in (refurbishing, locks).")
               .assumption("About a working day per flat (001:1876-1879 describes the work, not its hours)"));
  keys.add(HSIM_SCENARIO_KEY(costs.janitor_in_team_fte)
               .describe("The janitor is a team member, so janitor hours are counted but already paid in the team's "
                         "FTE cost.")
               .source("001:1105, 1124-1126"));
  keys.add(HSIM_SCENARIO_KEY(costs.janitor_hours_per_complaint)
               .at_most(1000)
               .unit("hours")
               .describe("Janitor hours per complaint call-out.")
               .assumption("A short call-out (001:2159-2162 describes the work, not its hours)"));
}

}  // namespace hsim::scenario::keys
