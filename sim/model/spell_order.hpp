#pragma once

#include <cstdint>
#include <vector>

#include "sim/model/records.hpp"

namespace hsim::model {

// The order spells are handed over in: by person, then start day, type and end day, and the remaining
// fields, so that spells comparing equal are identical and the order does not depend on the order of
// arrival.
[[nodiscard]] bool spell_precedes(const SpellRecord& a, const SpellRecord& b);
void sort_spells(std::vector<SpellRecord>& spells);

}  // namespace hsim::model
