#include "sim/model/spell_order.hpp"

#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace hsim::model {
namespace {

// A function object, not a function pointer, so that the sorts inline the comparison.
constexpr auto in_order = [](const SpellRecord& a, const SpellRecord& b) { return spell_precedes(a, b); };

// Up to this many spells (2 MB of records; a Bergen run has about 11,000) the counting sort by
// person is used; beyond it, one comparison sort over all spells, which keeps its memory accesses
// local. Both give the one full order, so the result does not depend on which ran.
constexpr std::size_t counting_sort_spell_limit = 65'536;

// Spells grouped by person with a counting sort, then each person's few spells sorted: linear in the
// number of spells, but its scattered writes only pay while both arrays stay in the cache.
void sort_by_person_then_within(SpellRecords& spells) {
  std::uint32_t last_person = 0;
  for (const SpellRecord& spell : spells) last_person = std::max(last_person, spell.person);
  std::vector<std::uint32_t> first_of_person(std::size_t{last_person} + 2, 0);
  for (const SpellRecord& spell : spells) ++first_of_person[std::size_t{spell.person} + 1];
  for (std::size_t p = 1; p < first_of_person.size(); ++p) first_of_person[p] += first_of_person[p - 1];
  SpellRecords grouped(spells.size());
  std::vector<std::uint32_t> next = first_of_person;
  for (const SpellRecord& spell : spells) grouped[next[spell.person]++] = spell;
  for (std::size_t p = 0; p + 1 < first_of_person.size(); ++p) {
    std::sort(grouped.begin() + first_of_person[p], grouped.begin() + first_of_person[p + 1], in_order);
  }
  spells.swap(grouped);
}

}  // namespace

void sort_spells(SpellRecords& spells, unsigned threads) {
  if (spells.size() <= counting_sort_spell_limit) {
    sort_by_person_then_within(spells);
  } else if (threads > 1) {
    tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] { tbb::parallel_sort(spells.begin(), spells.end(), in_order); });
  } else {
    std::sort(spells.begin(), spells.end(), in_order);
  }
}

}  // namespace hsim::model
