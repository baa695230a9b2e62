#pragma once

#include <cstdint>
#include <tuple>
#include <vector>

#include "sim/model/records.hpp"

namespace hsim::model {

// The order spells are handed over in: by person, then start day, type and end day, and the remaining
// fields, so that spells comparing equal are identical and the order does not depend on the order of
// arrival.
[[nodiscard]] inline bool spell_precedes(const SpellRecord& a, const SpellRecord& b) {
  if (a.person != b.person) return a.person < b.person;
  if (a.start_day != b.start_day) return a.start_day < b.start_day;
  const auto rest = [](const SpellRecord& s) {
    return std::tuple(s.type, s.end_day, s.end_reason, s.unit, s.district, s.flat_number, s.tenure);
  };
  return rest(a) < rest(b);
}
// On up to `threads` threads; the result is the same at any thread count, as equal spells are identical.
void sort_spells(SpellRecords& spells, unsigned threads = 1);

}  // namespace hsim::model
