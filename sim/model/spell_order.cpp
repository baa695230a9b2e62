#include "sim/model/spell_order.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace hsim::model {

bool spell_precedes(const SpellRecord& a, const SpellRecord& b) {
  const auto key = [](const SpellRecord& s) {
    return std::tuple(s.person, s.start_day, s.type, s.end_day, s.end_reason, s.unit, s.district, s.flat_number,
                      s.tenure);
  };
  return key(a) < key(b);
}

// The spells are put in their person's range by swapping in place (a counting sort that needs no second
// array of spells), then each person's few spells are sorted: linear in the number of spells where one
// sort over all of them is not.
void sort_spells(std::vector<SpellRecord>& spells, std::uint32_t person_count) {
  std::vector<std::uint32_t> first(std::size_t{person_count} + 1, 0);
  for (const SpellRecord& spell : spells) ++first[std::size_t{spell.person} + 1];
  for (std::size_t p = 0; p < person_count; ++p) first[p + 1] += first[p];
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);  // the first unplaced slot of each range
  for (std::uint32_t p = 0; p < person_count; ++p) {
    while (next[p] < first[p + 1]) {
      SpellRecord& slot = spells[next[p]];
      if (slot.person == p) {
        ++next[p];
      } else {
        std::swap(slot, spells[next[slot.person]++]);
      }
    }
  }
  for (std::size_t p = 0; p < person_count; ++p) {
    std::sort(spells.begin() + first[p], spells.begin() + first[p + 1], spell_precedes);
  }
}

}  // namespace hsim::model
