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

// A counting sort by person, then each person's few spells sorted in place: linear in the number of
// spells where one sort over all of them is not.
void sort_spells(std::vector<SpellRecord>& spells, std::uint32_t person_count) {
  std::vector<std::uint32_t> first(std::size_t{person_count} + 1, 0);
  for (const SpellRecord& spell : spells) ++first[std::size_t{spell.person} + 1];
  for (std::size_t p = 0; p < person_count; ++p) first[p + 1] += first[p];
  std::vector<SpellRecord> sorted(spells.size());
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  for (const SpellRecord& spell : spells) sorted[next[spell.person]++] = spell;
  for (std::size_t p = 0; p < person_count; ++p) {
    std::sort(sorted.begin() + first[p], sorted.begin() + first[p + 1], spell_precedes);
  }
  spells = std::move(sorted);
}

}  // namespace hsim::model
