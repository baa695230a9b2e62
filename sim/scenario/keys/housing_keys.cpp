#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_housing_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(housing.private_vacancies_for_programme_per_year)
               .at_most(1000000)
               .unit("flats per year")
               .describe("Private flats a fully trusted team could rent per year (vacancies offered to the "
                         "programme); landlords' willingness scales it down.")
               .assumption("Bergen found the private market hard in year 1 and easier later (001:1572-1589); the "
                           "ceiling itself is not reported and is calibrated"));
  keys.add(HSIM_SCENARIO_KEY(housing.municipal_vacancies_per_year)
               .at_most(1000000)
               .unit("flats per year")
               .describe("Municipal flats becoming vacant per year for the whole waiting list.")
               .assumption("Not reported; Sandnes had few municipal flats (001:1215), so city files set their own"));
  keys.add(HSIM_SCENARIO_KEY(housing.municipal_flats_reserved_for_programme_per_year)
               .at_most(1000000)
               .unit("flats per year")
               .describe("Of the municipal vacancies, flats per year set aside for the programme (HF or mixed "
                         "policy only); at most housing.municipal_vacancies_per_year.")
               .assumption("Not reported; about one in ten vacancies"));
  keys.add(HSIM_SCENARIO_KEY(housing.private_landlords)
               .at_most(1000000)
               .describe("Private landlords who may let to programme tenants; each has its own tolerance.")
               .assumption("Enough landlords that one eviction does not close the market; calibrated"));
  keys.add(HSIM_SCENARIO_KEY(housing.flats_offered_to_choose_from)
               .range(1, 20)
               .describe("Flats shown to a participant at once.")
               .source("001:1623-1624"));
  keys.add(HSIM_SCENARIO_KEY(housing.vacancy_open_days)
               .above(0)
               .describe("A vacancy not taken within this many days is let to someone else.")
               .assumption("Landlords hold a flat for a few weeks at most"));
  keys.add(HSIM_SCENARIO_KEY(housing.move_in_preparation_days)
               .describe("Days from accepting a flat to moving in (contract, preparation).")
               .source("001:3153-3154"));
}

}  // namespace hsim::scenario::keys
