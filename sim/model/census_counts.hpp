#pragma once

// The census's counts of people by where they are, kept up to date event by event: each logical
// process adds what its people's events change, so a census sums the processes' counts instead of
// reading every person.

#include "sim/model/city_state.hpp"
#include "sim/model/records.hpp"

namespace hsim::model::detail {

// What the census counts of one person: where they are and whether they hold a tenancy.
struct CensusPlace {
  Place place = Place::absent;
  bool tenant = false;
  friend bool operator==(const CensusPlace&, const CensusPlace&) = default;
};

[[nodiscard]] inline CensusPlace census_place_of(const Person& p) {
  return {p.place, p.unit >= 0};
}

[[nodiscard]] bool is_homeless(CensusPlace where);

// Adds `sign` (+1 or -1) for a person at `where` to the counts by place, homeless and tenancies.
void count_place(CensusPlace where, int sign, CensusRow& row);

// Adds the counts by place, homeless and tenancies of `from` into `into`.
void add_place_counts(CensusRow& into, const CensusRow& from);

// Whether the counts by place, homeless and tenancies agree.
[[nodiscard]] bool same_place_counts(const CensusRow& a, const CensusRow& b);

}  // namespace hsim::model::detail
