#pragma once

// The price list brought to one price level: every cost item's price at costs.price_year prices (the
// consumer price index moves a price from its own year), the annualised cost of a municipal flat, and
// discounting to present values.

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"

namespace hsim::model {

struct PricedItem {
  double price_nok = 0.0;  // at costs.price_year prices
  Payer payer = Payer::municipality;
};

using PriceList = std::array<PricedItem, static_cast<std::size_t>(CostItemName::count)>;

// Every price-list item that is a plain CostItem, with the item it prices (the municipal flat's two items
// come from costs.municipal_flat). `Costs` is CostParameters, const or not.
template <class Costs>
auto plain_cost_items(Costs& costs) {
  using Item = std::conditional_t<std::is_const_v<Costs>, const CostItem, CostItem>;
  return std::array<std::pair<CostItemName, Item*>, 15>{{
      {CostItemName::hf_team_fte_year, &costs.hf_team_fte_year},
      {CostItemName::ordinary_follow_up_fte_year, &costs.ordinary_follow_up_fte_year},
      {CostItemName::temporary_accommodation_night, &costs.temporary_accommodation_night},
      {CostItemName::shelter_night, &costs.shelter_night},
      {CostItemName::training_flat_night, &costs.training_flat_night},
      {CostItemName::treatment_day, &costs.treatment_day},
      {CostItemName::prison_day, &costs.prison_day},
      {CostItemName::janitor_hour, &costs.janitor_hour},
      {CostItemName::eviction_process, &costs.eviction_process},
      {CostItemName::rent_support_month, &costs.rent_support_month},
      {CostItemName::emergency_clinic_visit, &costs.emergency_clinic_visit},
      {CostItemName::somatic_admission_day, &costs.somatic_admission_day},
      {CostItemName::psychiatric_admission_day, &costs.psychiatric_admission_day},
      {CostItemName::police_contact, &costs.police_contact},
      {CostItemName::deposit_guarantee_claim, &costs.deposit_guarantee_claim},
  }};
}

// `value` NOK of `from_year` in costs.price_year NOK (from_year 0: already there). Both years must be in
// costs.consumer_price_index (parameter checks ensure it).
[[nodiscard]] double index_price(const CostParameters& costs, double value, int from_year);

// The yearly payment that repays 1 NOK over `years` at `rate` (1 / years when the rate is 0).
[[nodiscard]] double annuity_factor(double rate, double years);

[[nodiscard]] PriceList price_list(const CostParameters& costs);

// The factor that discounts an amount spent in `year` to `base_year` at `rate` a year.
[[nodiscard]] double discount_factor(double rate, int year, int base_year);

}  // namespace hsim::model
