#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_teams_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.fte_by_year)
               .required()
               .at_most(100000)
               .describe("Housing First team size (full-time equivalents) per calendar year; every year must lie "
                         "inside the window.")
               .source("001:1103-1111, 1336"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.caseload_per_fte)
               .above(0)
               .at_most(100)
               .describe("Participants per full-time team member (the caseload cap).")
               .source("001:1136-1144"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.visits_per_week)
               .at_most(21)
               .describe("Planned home visits per participant per week.")
               .source("001:124; 003:209"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.extended_hours)
               .describe("The team answers a duty phone outside office hours (Bergen 08-22 weekdays).")
               .source("003:196"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.janitor)
               .describe("The team has a janitor (repairs, lock changes, fast call-outs).")
               .source("001:1105"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.rehouse_after_loss)
               .describe("Participants who lose a flat are housed again (Bergen) rather than leaving the programme "
                         "(Sandnes).")
               .source("001:1898-1905"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.caseload_per_fte_by_year)
               .at_most(100)
               .describe("Participants per full-time team member from each listed calendar year on, replacing "
                         "caseload_per_fte; empty: that value throughout.")
               .source("001:1136-1144, 1336-1338"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.janitor_by_year)
               .at_most(1)
               .describe("1 when the team has a janitor from that calendar year on, 0 when not, replacing janitor; "
                         "empty: janitor throughout.")
               .source("001:1105; 001:2159-2162"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.extended_hours_by_year)
               .at_most(1)
               .describe("1 when the team answers a duty phone out of hours from that calendar year on, 0 when not, "
                         "replacing extended_hours; empty: extended_hours throughout.")
               .source("003:196"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.eviction_prevention_base_share)
               .describe("Chance a planned termination is stopped by team work with almost no staff time per "
                         "participant; with eviction_prevention_capacity_share at most 1.")
               .assumption("Teams prevent many evictions (001:3096-3111; Drammen 22, 004:30) but no rate is "
                           "reported; calibrated"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.eviction_prevention_capacity_share)
               .describe("Extra chance of stopping a termination that staff time buys: it is reached as staff per "
                         "participant grows, as 1 - exp(-staff per participant / "
                         "prevention_staff_per_participant_scale).")
               .assumption("Prevention needs time (daily contact in crises, 001:1849-1850) with diminishing returns "
                           "(over-servicing, 001:2111-2123); calibrated"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.prevention_staff_per_participant_scale)
               .above(0)
               .at_most(10)
               .describe("Staff (FTE) per participant at which team work has bought 63 % of its extra prevention.")
               .assumption("Teams of 1:4 to 1:6 (001:1136-1144) against ordinary follow-up at 1:13 (001:1134-1135); "
                           "the curve between is not measured; calibrated"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.new_team_prevention_gap_share)
               .describe("How much less a new team stops than an experienced one; the gap closes as the team's "
                         "tenancy-years grow (behaviour.landlords.reputation_tenancy_years_scale).")
               .assumption("Bergen's 2014 entrants kept their first flat far less often than later ones (4 of 22 "
                           "against 11 of 14, 001:2925-2927) and the team learned from the first flats "
                           "(001:3074-3087); calibrated"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.managed_exit_share)
               .describe("Share of evictions that go ahead which the team turns into a voluntary move, keeping "
                         "municipal eligibility.")
               .assumption("Practice is described (001:3031-3040) without a count"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.managed_exit_days)
               .describe("Days a managed exit gives the tenant to move out instead of being thrown out at once; a "
                         "team that rehouses looks for the next flat meanwhile. 0 ends the lease at once.")
               .source("001:3031-3036"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.search_during_notice)
               .describe("A team that rehouses looks for the next flat while a tenant is under notice, so that "
                         "the tenant can move straight on.")
               .source("001:3037-3040"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.rehousing_delay_days)
               .describe("Mean days (exponential) between losing a flat and the start of the search for the next "
                         "one.")
               .assumption("A hostel or temporary spell may come in between (001:3074-3087); two months"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.crisis_contact_complaint_reduction_share)
               .describe("While the team knows of a heavy-use period, complaints are this much rarer (tighter "
                         "contact in crises).")
               .assumption("Daily contact helps but does not always stop escalation (001:3058-3064); calibrated"));
  keys.add(HSIM_SCENARIO_KEY(teams.housing_first.disengagement_while_unhoused_per_year)
               .at_most(365)
               .describe("Rate per person-year at which a participant without a flat drops out of contact and leaves "
                         "the programme; waiting for a flat alone never ends enrolment.")
               .assumption("Some accepted but could not be reached afterwards (001:1479-1486; 001:3644-3647); no "
                           "count; calibrated"));

  keys.add(HSIM_SCENARIO_KEY(teams.ordinary_follow_up.fte)
               .at_most(100000)
               .describe("Staff of the ordinary housing-support service.")
               .source("001:962-973"));
  keys.add(HSIM_SCENARIO_KEY(teams.ordinary_follow_up.caseload_per_fte)
               .above(0)
               .at_most(100)
               .describe("Users per full-time worker in ordinary follow-up.")
               .source("001:1134-1135"));
  keys.add(HSIM_SCENARIO_KEY(teams.ordinary_follow_up.visits_per_week)
               .at_most(21)
               .describe("Contacts per user per week in ordinary follow-up.")
               .assumption("Daytime-only service with high caseloads (001:967-968); fortnightly to monthly"));
  keys.add(HSIM_SCENARIO_KEY(teams.ordinary_follow_up.office_hours_only)
               .describe("Ordinary follow-up works office hours only.")
               .source("001:967-968"));
  keys.add(HSIM_SCENARIO_KEY(teams.ordinary_follow_up.eviction_prevention_share)
               .describe("Chance ordinary follow-up stops a planned termination.")
               .assumption("About 10 % of NAV Laksevåg users lose housing (001:3690-3692); calibrated to that"));
}

}  // namespace hsim::scenario::keys
