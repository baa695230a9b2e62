#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_policy_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(policy.name)
               .choice_descriptions({
                   "ordinary services only: shelter, temporary accommodation, training flats, then an ordinary flat "
                   "after the waiting list, earned step by step",
                   "every programme entrant goes to the Housing First team: an ordinary flat quickly, no readiness "
                   "demands, services follow the person",
                   "a Housing First team with limited places (policy.mixed_hf_places) inside the city's usual "
                   "services (policy.comparator)",
                   "ordinary services without a readiness ladder: every homeless person may join the municipal "
                   "waiting list, the welfare office helps people into private lets, ordinary follow-up in the flat",
               })
               .describe("Which service policy the city runs.")
               .source("001:719-731"));
  keys.add(HSIM_SCENARIO_KEY(policy.mixed_hf_places)
               .at_most(1000000)
               .describe("Under `mixed`: the most programme entrants the HF team takes at once; 0 means its caseload "
                         "cap.")
               .assumption("Every Norwegian city ran a capped HF team inside ordinary services; 0 lets the cap follow "
                           "team size"));
  keys.add(HSIM_SCENARIO_KEY(policy.comparator)
               .choice_descriptions({
                   "the strict readiness ladder: the waiting list only after the training flat",
                   "usual services: waiting list open to every homeless person, welfare-assisted private lets",
               })
               .describe("Under `mixed`: the services around the Housing First team.")
               .source("001:838-853; 001:900-901")
               .assumption("Norway left strict readiness rules in the 2000s; temporary accommodation and waiting "
                           "lists remain the usual route (001:967-979)"));
}

}  // namespace hsim::scenario::keys
