#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_welfare_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(welfare.rent_secured)
               .describe("The welfare office secures programme tenants' rent (managed accounts, direct debit), so "
                         "none loses a flat for arrears.")
               .source("001:3023-3024"));
  keys.add(HSIM_SCENARIO_KEY(welfare.rent_secured_outside_programme)
               .describe("The welfare office secures the rent of every other tenant the model follows (city pool "
                         "and cohort outside the programme).")
               .source("001:1923-1932")
               .assumption("NAV's managed accounts and direct debit are ordinary instruments, not the programme's "
                           "own"));
  keys.add(HSIM_SCENARIO_KEY(welfare.arrears_termination_per_year)
               .at_most(365)
               .describe("Rent-arrears terminations per tenant-year when rent is not secured.")
               .assumption("Only used in counterfactuals without rent security; not reported"));
  keys.add(HSIM_SCENARIO_KEY(welfare.assisted_private_lets_per_year)
               .at_most(365)
               .describe("Under usual services (and for the city under housing_first): homeless people the welfare "
                         "office helps into a private let with housing allowance and a deposit guarantee, per "
                         "person-year; the strict staircase has no such route.")
               .assumption("Housing allowance and deposit guarantees are the usual instruments (003:166); no "
                           "Norwegian rate is published; informed by the usual-services arm of At Home/Chez Soi "
                           "(docs/validation.md)"));
}

}  // namespace hsim::scenario::keys
