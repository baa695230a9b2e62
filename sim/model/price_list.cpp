#include "sim/model/price_list.hpp"

#include <cmath>

#include "sim/model/calendar.hpp"

namespace hsim::model {

double index_price(const CostParameters& costs, double value, int from_year) {
  if (from_year == 0 || from_year == costs.price_year) return value;
  return value * costs.consumer_price_index.at(costs.price_year) / costs.consumer_price_index.at(from_year);
}

double annuity_factor(double rate, double years) {
  if (rate == 0.0) return 1.0 / years;
  return rate / (1.0 - std::pow(1.0 + rate, -years));
}

PriceList price_list(const CostParameters& costs) {
  PriceList list{};
  for (const auto& [item, priced] : plain_cost_items(costs)) {
    list[static_cast<std::size_t>(item)] = {index_price(costs, priced->value_nok, priced->price_year), priced->payer};
  }

  // The municipality repays its share of the price on Husbanken's loan and keeps the flat up; the
  // state's grant is the rest of the price, annualised the same way so that the two add up to the
  // flat's full yearly cost.
  const auto& flat = costs.municipal_flat;
  const double price = index_price(costs, flat.purchase_price_nok, flat.price_year);
  const double annuity = annuity_factor(flat.loan_rate_per_year, flat.loan_years);
  list[static_cast<std::size_t>(CostItemName::municipal_flat_year)] = {
      (1.0 - flat.grant_share) * price * annuity + flat.upkeep_share_per_year * price, Payer::municipality};
  list[static_cast<std::size_t>(CostItemName::housing_grant_year)] = {flat.grant_share * price * annuity, Payer::state};

  // A staircase night's price splits into the part paid per night used and the part paid for the place
  // all year, used or not.
  const auto split = [&list](CostItemName night, CostItemName place_year, double fixed_share) {
    PricedItem& per_night = list[static_cast<std::size_t>(night)];
    list[static_cast<std::size_t>(place_year)] = {fixed_share * per_night.price_nok * days_per_year, per_night.payer};
    per_night.price_nok *= 1.0 - fixed_share;
  };
  const auto& fixed = costs.place_fixed_share;
  split(CostItemName::shelter_night, CostItemName::shelter_place_year, fixed.shelter);
  split(CostItemName::temporary_accommodation_night, CostItemName::temporary_accommodation_place_year,
        fixed.temporary_accommodation);
  split(CostItemName::training_flat_night, CostItemName::training_flat_place_year, fixed.training_flat);
  return list;
}

double discount_factor(double rate, int year, int base_year) {
  return std::pow(1.0 + rate, -static_cast<double>(year - base_year));
}

}  // namespace hsim::model
