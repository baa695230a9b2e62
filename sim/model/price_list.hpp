#pragma once

// The price list brought to one price level: every cost item's price at costs.price_year prices (the
// consumer price index moves a price from its own year), the annualised cost of a municipal flat, and
// discounting to present values.

#include <array>
#include <cstddef>

#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"

namespace hsim::model {

struct PricedItem {
  double price_nok = 0.0;  // at costs.price_year prices
  Payer payer = Payer::municipality;
};

using PriceList = std::array<PricedItem, static_cast<std::size_t>(CostItemName::count)>;

// `value` NOK of `from_year` in costs.price_year NOK (from_year 0: already there). Both years must be in
// costs.consumer_price_index (parameter checks ensure it).
[[nodiscard]] double index_price(const CostParameters& costs, double value, int from_year);

// The yearly payment that repays 1 NOK over `years` at `rate` (1 / years when the rate is 0).
[[nodiscard]] double annuity_factor(double rate, double years);

[[nodiscard]] PriceList price_list(const CostParameters& costs);

// The factor that discounts an amount spent in `year` to `base_year` at `rate` a year.
[[nodiscard]] double discount_factor(double rate, int year, int base_year);

}  // namespace hsim::model
