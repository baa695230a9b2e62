#include "sim/model/spell_order.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/engine/parallel_parts.hpp"

namespace hsim::model {
namespace {

// A function object, not a function pointer, so that the sorts inline the comparison.
constexpr auto in_order = [](const SpellRecord& a, const SpellRecord& b) { return spell_precedes(a, b); };

// Up to this many spells (2 MB of records; a Bergen run has about 11,000) one counting sort by person is
// used; beyond it the spells are first spread over ranges of people, each of which is then sorted the
// same way. Both give the one full order, so the result does not depend on which ran.
constexpr std::size_t counting_sort_spell_limit = 65'536;
// About this many spells a range: 256 KiB of records, so that each range is sorted in the cache.
constexpr std::size_t spells_per_range = 8192;

// Copies `spells` into `grouped` in order of key_of(spell) (keys below `keys`), keeping their order
// within a key: a counting sort. Returns where each key's spells begin, and their end as the last entry.
template <class KeyOf>
std::vector<std::size_t> group_by(std::span<const SpellRecord> spells, std::span<SpellRecord> grouped, std::size_t keys,
                                  KeyOf&& key_of) {
  std::vector<std::size_t> first_of_key(keys + 1, 0);
  for (const SpellRecord& spell : spells) ++first_of_key[key_of(spell) + 1];
  for (std::size_t k = 1; k <= keys; ++k) first_of_key[k] += first_of_key[k - 1];
  std::vector<std::size_t> next(first_of_key.begin(), first_of_key.end() - 1);
  for (const SpellRecord& spell : spells) grouped[next[key_of(spell)]++] = spell;
  return first_of_key;
}

// The spells of people first_person .. first_person + people - 1 grouped by person, then each person's
// few spells sorted: linear in the number of spells, but its scattered writes only pay while the spells
// and the people's counts stay in the cache.
void sort_within_people(std::span<SpellRecord> spells, std::uint32_t first_person, std::size_t people) {
  std::vector<SpellRecord> grouped(spells.size());
  const auto first_of_person =
      group_by(spells, grouped, people, [&](const SpellRecord& spell) { return spell.person - first_person; });
  for (std::size_t p = 0; p < people; ++p) {
    std::sort(grouped.begin() + static_cast<std::ptrdiff_t>(first_of_person[p]),
              grouped.begin() + static_cast<std::ptrdiff_t>(first_of_person[p + 1]), in_order);
  }
  std::copy(grouped.begin(), grouped.end(), spells.begin());
}

// Spells spread over consecutive ranges of people (one pass, a few hundred places written in turn), then
// each range sorted within its people on its own, the ranges on the run's threads.
void sort_by_person_ranges(SpellRecords& spells, std::size_t people, unsigned threads) {
  const std::size_t ranges = std::clamp<std::size_t>(spells.size() / spells_per_range, 1, people);
  // The first person of range r is the first p with p * ranges / people == r.
  const auto first_person_of = [&](std::size_t range) { return (range * people + ranges - 1) / ranges; };
  SpellRecords grouped(spells.size());
  const auto first_of_range = group_by(
      spells, grouped, ranges, [&](const SpellRecord& spell) { return std::size_t{spell.person} * ranges / people; });
  engine::for_each_part_on(threads, ranges, [&](std::size_t r) {
    sort_within_people(std::span(grouped).subspan(first_of_range[r], first_of_range[r + 1] - first_of_range[r]),
                       static_cast<std::uint32_t>(first_person_of(r)), first_person_of(r + 1) - first_person_of(r));
  });
  spells.swap(grouped);
}

}  // namespace

void sort_spells(SpellRecords& spells, unsigned threads) {
  if (spells.empty()) return;
  std::uint32_t last_person = 0;
  for (const SpellRecord& spell : spells) last_person = std::max(last_person, spell.person);
  const std::size_t people = std::size_t{last_person} + 1;
  if (spells.size() <= counting_sort_spell_limit) {
    sort_within_people(spells, 0, people);
  } else {
    sort_by_person_ranges(spells, people, threads);
  }
}

}  // namespace hsim::model
