#include "sim/model/spell_order.hpp"

#include <algorithm>
#include <tuple>

namespace hsim::model {

bool spell_precedes(const SpellRecord& a, const SpellRecord& b) {
  const auto key = [](const SpellRecord& s) {
    return std::tuple(s.person, s.start_day, s.type, s.end_day, s.end_reason, s.unit, s.district, s.flat_number,
                      s.tenure);
  };
  return key(a) < key(b);
}

// One sort over all spells: they arrive nearly in time order, and a counting sort by person (in place or
// into a second array) costs more at large cities, where its scattered writes leave the cache.
void sort_spells(std::vector<SpellRecord>& spells) {
  std::sort(spells.begin(), spells.end(), spell_precedes);
}

}  // namespace hsim::model
