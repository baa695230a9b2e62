#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"
#include "sim/scenario/keys/shared_groups.hpp"

namespace hsim::scenario::keys {

void declare_city_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(city.initial_homeless_count)
               .at_most(1000000)
               .describe("Homeless people outside the programme at the start of the burn-in (the staircase "
                         "system's users).")
               .assumption("Order of magnitude of a mid-sized Norwegian city's count; city files give theirs from the "
                           "national count"));
  keys.add(HSIM_SCENARIO_KEY(city.homelessness_inflow_per_year)
               .at_most(1000000)
               .unit("people per year")
               .describe("People becoming homeless in the city per year.")
               .assumption("Not in the sources; set so the pool stays near its initial size and calibrated"));
  keys.add(HSIM_SCENARIO_KEY(city.homelessness_inflow_by_year)
               .at_most(1000000)
               .unit("people per year")
               .describe("People becoming homeless per year from each listed calendar year on, replacing "
                         "homelessness_inflow_per_year; empty: that value throughout.")
               .assumption("A what-if lever and a place for yearly counts where a city has them"));
  keys.add(HSIM_SCENARIO_KEY(city.simulated_pool_share)
               .above(0)
               .describe("Share of the city's homeless pool simulated (counts are scaled back up); below 1 trades "
                         "accuracy of city-level competition for speed.")
               .assumption("Simulate everyone unless speed demands otherwise"));
  declare_level_shares(
      keys, "city.substance_use_level", [](auto& p) -> auto& { return p.city.substance_use_level; },
      "the city's homeless pool by substance-use severity",
      assumed("Not reported; a broader mix than the programme's hand-picked entrants"));
  declare_level_shares(
      keys, "city.mental_health_level", [](auto& p) -> auto& { return p.city.mental_health_level; },
      "the city's homeless pool by mental-health severity",
      assumed("Not reported; a broader mix than the programme's hand-picked entrants"));
  keys.add(HSIM_SCENARIO_KEY(city.female_share)
               .describe("Share of the city's homeless pool who are women.")
               .source("001:527-528"));
  keys.add(HSIM_SCENARIO_KEY(city.initial_waiting_list_share)
               .describe("Share of the initial homeless pool already on the municipal housing waiting list.")
               .assumption("Long waiting lists are reported without numbers (001:978-979)"));
}

}  // namespace hsim::scenario::keys
