#include <algorithm>
#include <cmath>

#include "sim/model/city_model.hpp"

namespace hsim::model::detail {

// Every factor of the odds that can change while the person's state stays as it is (the time in the
// tenancy, the team's janitor and hours by year, a known crisis) is replaced by the most it can reach
// from `day` on when `highest_from_day_on` is set. The programme's other tenants in the district come
// and go without the person's own events, so a programme tenancy has no bound below certainty.
double CityModel::complaint_chance(const Person& p, double day, bool highest_from_day_on) const {
  if (p.place != Place::own_flat || p.unit < 0) return 0.0;
  if (highest_from_day_on && p.hf_tenancy) return 1.0;
  const auto& d = parameters_.behaviour.disturbance;
  const auto& hf = parameters_.teams.housing_first;
  const auto district = static_cast<std::size_t>(p.unit_district);
  double odds = p.complaint_propensity / parameters_.neighbourhoods.districts[district].complaint_tolerance;
  if (p.unit_tenure == Tenure::municipal) odds /= parameters_.neighbourhoods.municipal_tenant_tolerance_factor;
  odds *= 1.0 + d.drug_scene_complaint_factor * drug_scene_[district];
  if (p.hf_tenancy) {
    const int others = coordination_.programme_tenants_by_district[district] - 1;
    if (others > 0) odds *= 1.0 + parameters_.neighbourhoods.clustering_penalty_share * others;
  }
  const double tenancy_days = day - p.tenancy_start;
  if (tenancy_days < d.early_tenancy_days) {
    odds *= highest_from_day_on ? std::max(1.0, d.early_tenancy_complaint_factor) : d.early_tenancy_complaint_factor;
  }
  const double settling = d.settled_tenancy_complaint_factor + (1.0 - d.settled_tenancy_complaint_factor) *
                                                                   std::exp(-tenancy_days / d.tenancy_settling_days);
  odds *= highest_from_day_on ? std::max(settling, d.settled_tenancy_complaint_factor) : settling;
  if (p.flats_since_entry == 1) odds *= d.first_flat_complaint_factor;
  if (p.flat_from_short_choice) odds *= d.short_choice_complaint_factor;
  if (p.support == Support::housing_first) {
    if (highest_from_day_on) {
      odds *= std::max(1.0, d.janitor_complaint_factor) * std::max(1.0, d.extended_hours_complaint_factor);
    } else {
      if (hf_janitor_at(day)) odds *= d.janitor_complaint_factor;
      if (hf_extended_hours_at(day)) odds *= d.extended_hours_complaint_factor;
    }
  }
  // A known crisis only lowers the odds (the reduction is a share), so the bound leaves it out.
  if (!highest_from_day_on && day < p.crisis_known_until && p.support != Support::none) {
    const double office_hours_factor =
        p.support == Support::ordinary_follow_up && parameters_.teams.ordinary_follow_up.office_hours_only ? 0.5 : 1.0;
    odds *= 1.0 - hf.crisis_contact_complaint_reduction_share * office_hours_factor;
  }
  return std::min(1.0, d.complaint_probability * odds);
}

}  // namespace hsim::model::detail
