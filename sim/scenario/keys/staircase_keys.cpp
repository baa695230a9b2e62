#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_staircase_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(staircase.shelter_places)
               .at_most(1000000)
               .describe("Shelter and hostel places (the bottom step).")
               .assumption("Capacities are not reported (Straxhuset has none given, 001:946-949); city files set "
                           "theirs"));
  keys.add(HSIM_SCENARIO_KEY(staircase.temporary_accommodation_places)
               .at_most(1000000)
               .describe("Temporary accommodation places.")
               .assumption("Not reported; Sandnes had 10 emergency places (001:998-999), larger cities more"));
  keys.add(HSIM_SCENARIO_KEY(staircase.training_flat_places)
               .at_most(1000000)
               .describe("Supervised or training flats (the step before an ordinary flat).")
               .source("001:944-952"));
  keys.add(HSIM_SCENARIO_KEY(staircase.shelter_promotion_days)
               .describe("Days without incidents in a shelter before promotion to the next step.")
               .assumption("Step durations are not reported; months per step"));
  keys.add(HSIM_SCENARIO_KEY(staircase.temporary_accommodation_promotion_days)
               .describe("Days without incidents in temporary accommodation before promotion.")
               .assumption("Some lived 5-6 years in temporary housing (001:1450-1451); half a year without incident"));
  keys.add(HSIM_SCENARIO_KEY(staircase.training_flat_promotion_days)
               .describe("Days without incidents in a training flat before an ordinary flat.")
               .assumption("Not reported; nine months"));
  keys.add(HSIM_SCENARIO_KEY(staircase.demotion_probability_per_incident)
               .range(0, 1)
               .unit("probability 0..1")
               .describe("Chance of losing a staircase place after an incident.")
               .assumption("Relapse or breach usually means losing the place (001:2384-2387; 001:1459-1462); "
                           "calibrated"));
  keys.add(HSIM_SCENARIO_KEY(staircase.incident_reported_share)
               .describe("Share of disturbances in a staircase place that staff record as incidents (breaking the "
                         "rules).")
               .assumption("Hostel life is noisy (001:1538-1540) and not every disturbance is written up; not "
                           "reported, calibrated"));
  keys.add(HSIM_SCENARIO_KEY(staircase.exclusion_to_street_share)
               .describe("Of those losing a place, the share sent to the street rather than one step down.")
               .assumption("Described qualitatively (001:2402-2404); half"));
  keys.add(HSIM_SCENARIO_KEY(staircase.eviction_ineligibility_days)
               .describe("Evicted tenants (not managed exits) cannot join the municipal waiting list for this "
                         "long.")
               .assumption("Eviction costs eligibility for municipal housing (001:3031-3040); one year"));
  keys.add(HSIM_SCENARIO_KEY(staircase.place_kept_during_spell_max_days)
               .unit("days")
               .describe("How long a place in temporary accommodation or a training flat is held for a resident "
                         "admitted to treatment or prison; released within it, they return to the place. 0: the "
                         "place is given up at admission.")
               .assumption("Not documented for the Norwegian cities, where a hostel room is not held; 0"));
}

}  // namespace hsim::scenario::keys
