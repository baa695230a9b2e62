#pragma once

#include <algorithm>
#include <span>

#include "sim/model/records.hpp"

namespace hsim::model {

// Tenancies joined by moves straight into the next flat are one unbroken stay in housing, as survival in
// supportive housing is counted ("continuously housed", Lipton et al. 2000): a lease may end by the
// tenant's wish, a notice or a managed exit and the stay go on in the next flat. Given one person's
// spells and one of their tenancies, returns the last tenancy of the stay it begins.
[[nodiscard]] inline const SpellRecord& last_tenancy_of_stay(std::span<const SpellRecord> person_spells,
                                                             const SpellRecord& tenancy) {
  const SpellRecord* current = &tenancy;
  while (current->end_reason != EndReason::ongoing) {
    const auto next = std::find_if(person_spells.begin(), person_spells.end(), [&](const SpellRecord& s) {
      return s.type == SpellType::tenancy && s.start_day == current->end_day && &s != current;
    });
    if (next == person_spells.end()) break;
    current = &*next;
  }
  return *current;
}

}  // namespace hsim::model
