#pragma once

#include <algorithm>
#include <span>
#include <vector>

#include "sim/model/records.hpp"

namespace hsim::model {

// Places a residential continuum counts as housing: its residences (the model's temporary accommodation
// and training flats) and flats.
constexpr bool is_residential(SpellType type) {
  return type == SpellType::temporary_accommodation || type == SpellType::training_flat || type == SpellType::own_flat;
}

struct ResidentialStay {
  double days = -1.0;  // to its end or censoring; negative when the person was never in such a place
  bool lost = false;   // ended by a move elsewhere (not by death, moving away or the status date)
};

// The first stay after `entry` in temporary accommodation, a training flat or an own flat, as a residential
// continuum counts tenure (Tsemberis & Eisenberg 2000; Lipton et al. 2000): moves between its places the
// same day, and treatment or prison stays left straight back into one of them, do not end it; a move
// anywhere else does, from the day the place was left. Censored at `status`, death or moving away.
[[nodiscard]] inline ResidentialStay first_residential_stay(std::span<const SpellRecord> person_spells, double entry,
                                                            double status) {
  std::vector<const SpellRecord*> places;
  for (const SpellRecord& s : person_spells) {
    if (is_location(s.type) && s.end_day > entry && s.start_day < status) places.push_back(&s);
  }
  std::stable_sort(places.begin(), places.end(),
                   [](const SpellRecord* a, const SpellRecord* b) { return a->start_day < b->start_day; });
  const auto first =
      std::find_if(places.begin(), places.end(), [](const SpellRecord* s) { return is_residential(s->type); });
  if (first == places.end()) return {};
  const auto leaves_the_run = [status](const SpellRecord& s) {
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
      if (leaves_the_run(s)) break;
      continue;
    }
    if (s.type == SpellType::treatment || s.type == SpellType::prison) {
      if (leaves_the_run(s)) {
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
