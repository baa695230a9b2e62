#include "sim/model/spell_order.hpp"

#include <algorithm>

namespace hsim::model {

// One sort over all spells: they arrive nearly in time order, and a counting sort by person (in place or
// into a second array) costs more at large cities, where its scattered writes leave the cache.
void sort_spells(std::vector<SpellRecord>& spells) {
  std::sort(spells.begin(), spells.end(),
            [](const SpellRecord& a, const SpellRecord& b) { return spell_precedes(a, b); });
}

}  // namespace hsim::model
