#pragma once

// Observers that turn a replicate's records into costs and summary metrics.

#include <functional>
#include <span>
#include <vector>

#include "sim/model/metrics.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"
#include "sim/model/run.hpp"

namespace hsim::model {

struct JanitorCallOut {
  std::uint32_t person;
  double day;
  double hours;
};

// Prices every resource use between day 0 (window.start_date) and `status_day` from the price list.
// One record per (group, item), items in declaration order, zero quantities included.
// `hf_fte_at(day)` gives the Housing First team's FTE (0 under the staircase policy).
[[nodiscard]] std::vector<CostRecord> price_resource_use(const CityParameters& parameters,
                                                         std::span<const PersonRecord> people,
                                                         std::span<const SpellRecord> spells,
                                                         const std::vector<JanitorCallOut>& janitor, double status_day,
                                                         const std::function<double(double)>& hf_fte_at);

enum class CountSource { live_counters, spells };

// Summary metrics of a replicate. With `live_counters`, the count metrics (entrants, evictions,
// deaths, in_ordinary_housing_share's numerator) come from the counters kept during the run and the
// final census; with `spells` every metric is recomputed from the spell records. The two must agree
// (concordance); evictions_prevented has no spell and is taken from the counters either way.
[[nodiscard]] SummaryMetrics summarise(const ReplicateResult& result, CountSource source = CountSource::live_counters);

}  // namespace hsim::model
