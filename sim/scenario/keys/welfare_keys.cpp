#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_welfare_keys(KeyRegistry& keys) {
  keys.add(HSIM_SCENARIO_KEY(welfare.rent_secured)
               .describe("The welfare office secures rent (managed accounts, direct debit), so nobody loses a flat "
                         "for arrears.")
               .source("001:3023-3024"));
  keys.add(HSIM_SCENARIO_KEY(welfare.arrears_termination_per_year)
               .at_most(365)
               .describe("Rent-arrears terminations per tenant-year when rent is not secured.")
               .assumption("Only used in counterfactuals without rent security; not reported"));
}

}  // namespace hsim::scenario::keys
