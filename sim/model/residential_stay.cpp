#include "sim/model/residential_stay.hpp"

#include <algorithm>
#include <vector>

namespace hsim::model {

ResidentialStay first_residential_stay(std::span<const SpellRecord> person_spells, double entry, double status) {
  std::vector<const SpellRecord*> places;
  for (const SpellRecord& s : person_spells) {
    if (is_location(s.type) && s.end_day > entry && s.start_day < status) places.push_back(&s);
  }
  std::stable_sort(places.begin(), places.end(),
                   [](const SpellRecord* a, const SpellRecord* b) { return a->start_day < b->start_day; });
  const auto first =
      std::find_if(places.begin(), places.end(), [](const SpellRecord* s) { return is_residential(s->type); });
  if (first == places.end()) return {};
  const auto follow_up_ends = [status](const SpellRecord& s) {
    return s.end_reason == EndReason::ongoing || s.end_day >= status || s.end_reason == EndReason::death ||
           s.end_reason == EndReason::moved_away;
  };
  const double start = std::max((*first)->start_day, entry);
  double left_day = status;  // the day the last residential place of the stay was left
  bool lost = false;
  for (auto at = first; at != places.end(); ++at) {
    const SpellRecord& s = **at;
    if (is_residential(s.type)) {
      left_day = std::min(s.end_day, status);
      if (follow_up_ends(s)) break;
      continue;
    }
    if (s.type == SpellType::treatment || s.type == SpellType::prison) {
      if (follow_up_ends(s)) {
        if (s.end_reason == EndReason::death || s.end_reason == EndReason::moved_away)
          left_day = std::min(s.end_day, status);
        break;
      }
      const auto next = at + 1;
      if (next != places.end() && is_residential((*next)->type) && (*next)->start_day == s.end_day) continue;
    }
    lost = true;
    break;
  }
  return {left_day - start, lost};
}

}  // namespace hsim::model
