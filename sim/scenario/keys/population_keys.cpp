#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"
#include "sim/scenario/keys/shared_groups.hpp"

namespace hsim::scenario::keys {

void declare_population_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(population.intake_by_year)
               .required()
               .at_most(1000000)
               .unit("people by year")
               .describe("Accepted programme entrants per calendar year; every year must lie inside the window.")
               .source("001:2911-2917"));
  keys.add(HSIM_SCENARIO_KEY(population.intake_rule)
               .required()
               .choice_descriptions({
                   "homeless people referred by services, taken when a place is free (Bergen)",
                   "people on the municipal housing waiting list, invited (Sandnes)",
                   "people apply and the team selects (Bodø)",
                   "referrals include people still housed but at risk of losing the home (Drammen)",
               })
               .describe("How the programme finds its entrants.")
               .source("001:1412-1425; 001:1490-1498; 002:45-55; 004:27"));
  keys.add(HSIM_SCENARIO_KEY(population.offer_refusal_share)
               .describe("Share of people offered the programme who refuse it.")
               .source("001:1138-1142"));

  const auto route = [](auto& p) -> auto& {
    return p.population.entry_route;
  };
  const Basis route_basis =
      assumed("The sources name the channels (003:55-63; 001:1075-1097) but not their sizes; city files set their own");
  const auto add_route = [&](const std::string& name, const std::string& text, auto access) {
    auto declaration = make_key("population.entry_route." + name, access);
    declaration.describe("Share of entrants referred " + text + "; the five route shares sum to 1.");
    keys.add(with_basis(declaration, route_basis));
  };
  add_route(
      "street_or_friends_share", "from the street or staying with friends", [route](auto& p) -> auto& {
        return route(p).street_or_friends_share;
      });
  add_route(
      "temporary_accommodation_share", "from temporary accommodation or hostels", [route](auto& p) -> auto& {
        return route(p).temporary_accommodation_share;
      });
  add_route(
      "treatment_discharge_share",
      "on discharge from treatment", [route](auto& p) -> auto& { return route(p).treatment_discharge_share; });
  add_route(
      "prison_release_share",
      "on release from prison", [route](auto& p) -> auto& { return route(p).prison_release_share; });
  add_route(
      "risk_of_eviction_share", "while still housed but at risk of eviction", [route](auto& p) -> auto& {
        return route(p).risk_of_eviction_share;
      });

  keys.add(HSIM_SCENARIO_KEY(population.age.mean_years)
               .at_most(120)
               .describe("Mean age of entrants at referral.")
               .source("002:45-48"));
  keys.add(HSIM_SCENARIO_KEY(population.age.sd_years)
               .at_most(120)
               .describe("Standard deviation of entrants' age at referral.")
               .assumption("No source gives the spread; ten years keeps most entrants between 20 and 60"));
  keys.add(HSIM_SCENARIO_KEY(population.age.min_years)
               .at_most(120)
               .describe("Youngest age at referral (ages are truncated here).")
               .assumption("Adult services: the programmes took people aged 18 and over"));
  keys.add(HSIM_SCENARIO_KEY(population.age.max_years)
               .at_most(120)
               .describe("Oldest age at referral (ages are truncated here).")
               .assumption("Few entrants over 70 are expected in the target group"));
  keys.add(HSIM_SCENARIO_KEY(population.female_share).describe("Share of entrants who are women.").source("002:45-48"));
  declare_level_shares(
      keys, "population.substance_use_level", [](auto& p) -> auto& { return p.population.substance_use_level; },
      "entrants by substance-use severity",
      assumed("The programmes chose those needing most (001:1446-1454); Table 9.1 gives no "
              "three-level split, so most are put at the high level"));
  declare_level_shares(
      keys, "population.mental_health_level", [](auto& p) -> auto& { return p.population.mental_health_level; },
      "entrants by mental-health severity",
      assumed("Co-occurring problems were an entry criterion (001:1221-1222); the split is not "
              "reported"));
  keys.add(HSIM_SCENARIO_KEY(population.first_quarter_intake_share)
               .describe("Share of a year's intake referred in its first quarter; 0.25 spreads referrals evenly.")
               .assumption("Referral timing within a year is not reported; even spread unless a city file says "
                           "otherwise"));
  keys.add(HSIM_SCENARIO_KEY(population.housed_entrant_private_share)
               .describe("Of entrants referred while still housed (risk of eviction), the share living in a private "
                         "flat; the rest rent municipally.")
               .assumption("Not reported; an even split"));
  keys.add(HSIM_SCENARIO_KEY(population.self_resolved_housing_factor)
               .at_most(10)
               .describe("Entrants' chance of finding housing on their own, relative to the city pool's "
                         "behaviour.life.self_resolved_housing_per_year.")
               .assumption("The programme picks those who need most (001:1446-1454), so their own chances are "
                           "well below the pool's"));
}

}  // namespace hsim::scenario::keys
