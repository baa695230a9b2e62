#pragma once

#include <span>

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
[[nodiscard]] ResidentialStay first_residential_stay(std::span<const SpellRecord> person_spells, double entry,
                                                     double status);

}  // namespace hsim::model
