#include "sim/model/census_counts.hpp"

namespace hsim::model::detail {

bool is_homeless(CensusPlace where) {
  return where.place == Place::street_or_friends || step_of(where.place) > 0 ||
         (is_institution(where.place) && !where.tenant);
}

void count_place(CensusPlace where, int sign, CensusRow& row) {
  if (!is_present(where.place)) return;
  switch (where.place) {
    case Place::street_or_friends:
      row.street_or_friends += sign;
      break;
    case Place::shelter:
      row.shelter += sign;
      break;
    case Place::temporary_accommodation:
      row.temporary_accommodation += sign;
      break;
    case Place::training_flat:
      row.training_flat += sign;
      break;
    case Place::own_flat:
      row.own_flat += sign;
      break;
    case Place::treatment:
      row.treatment += sign;
      break;
    case Place::prison:
      row.prison += sign;
      break;
    default:
      break;
  }
  if (is_homeless(where)) row.homeless_point_in_time += sign;
  if (where.tenant) row.tenancies += sign;
}

void add_place_counts(CensusRow& into, const CensusRow& from) {
  into.homeless_point_in_time += from.homeless_point_in_time;
  into.street_or_friends += from.street_or_friends;
  into.shelter += from.shelter;
  into.temporary_accommodation += from.temporary_accommodation;
  into.training_flat += from.training_flat;
  into.own_flat += from.own_flat;
  into.treatment += from.treatment;
  into.prison += from.prison;
  into.tenancies += from.tenancies;
}

bool same_place_counts(const CensusRow& a, const CensusRow& b) {
  CensusRow only_a;
  CensusRow only_b;
  add_place_counts(only_a, a);
  add_place_counts(only_b, b);
  return only_a == only_b;
}

}  // namespace hsim::model::detail
