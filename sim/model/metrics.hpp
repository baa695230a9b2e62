#pragma once

// The summary metrics of one replicate, declared once: name, description and formula. Output
// headers and documentation are generated from `metric_declarations`.
//
// "Entrants" are the programme cohort: people referred and accepted who entered the programme by the
// status date (HF enrolment under housing_first and mixed; under staircase the same people, entering
// the staircase system on the day they would have been referred). Shares with no entrants are NaN.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hsim::model {

enum class Metric : std::uint8_t {
  entrants,
  in_ordinary_housing_share,
  still_in_first_flat_share,
  ever_lost_housing_share,
  rehoused_share,
  evictions,
  evictions_prevented,
  any_prison_stay_share,
  any_treatment_stay_share,
  deaths,
  ever_housed_share,
  days_to_housing_mean,
  stably_housed_days_share,
  tenure_survival_12m,
  tenure_survival_24m,
  tenure_survival_36m,
  tenure_survival_60m,
  residential_stay_survival_12m,
  residential_stay_survival_24m,
  residential_stay_survival_60m,
  retention_12m_after_move_in_share,
  still_enrolled_share,
  housed_all_final_6m_share,
  housed_some_final_6m_share,
  housed_none_final_6m_share,
  homeless_point_in_time,
  homeless_point_in_time_change,
  waiting_list_length,
  cost_total_nok,
  cost_per_person_year_nok,
  cost_by_payer_municipality_nok,
  cost_by_payer_state_nok,
  cost_by_payer_health_trust_nok,
  cost_by_payer_correctional_service_nok,
  cost_by_payer_police_nok,
  cost_programme_nok,
  cost_outside_programme_nok,
  cost_city_staircase_places_nok,
  count
};

inline constexpr std::size_t metric_count = static_cast<std::size_t>(Metric::count);

struct MetricDeclaration {
  Metric metric;
  std::string_view name;
  std::string_view description;
  std::string_view formula;
};

inline constexpr std::array<MetricDeclaration, metric_count> metric_declarations{{
    {Metric::entrants, "entrants", "People who entered the programme by the status date",
     "count of cohort members with entry_day <= status day"},
    {Metric::in_ordinary_housing_share, "in_ordinary_housing_share",
     "Share of entrants living in ordinary housing (holding a tenancy) at the status date",
     "entrants with a tenancy spell covering the status day / entrants"},
    {Metric::still_in_first_flat_share, "still_in_first_flat_share",
     "Share of entrants still in the first flat they held after entry",
     "entrants whose first tenancy after entry is still open at the status day / entrants"},
    {Metric::ever_lost_housing_share, "ever_lost_housing_share",
     "Share of entrants who lost a tenancy after entry (eviction, managed exit, voluntary move, lapse)",
     "entrants with a tenancy ended by a housing-loss reason after entry / entrants"},
    {Metric::rehoused_share, "rehoused_share", "Share of entrants who got a new tenancy after losing one",
     "entrants with a tenancy starting after a lost tenancy (both after entry) / entrants"},
    {Metric::evictions, "evictions", "Evictions of entrants after entry (immediate or after notice)",
     "count of tenancy spells of entrants ending in eviction_immediate or eviction_notice after entry"},
    {Metric::evictions_prevented, "evictions_prevented",
     "Terminations of entrants' tenancies that team work stopped after entry",
     "count of landlord terminations stopped by the HF team or ordinary follow-up"},
    {Metric::any_prison_stay_share, "any_prison_stay_share", "Share of entrants with a prison stay after entry",
     "entrants with a prison spell starting after entry / entrants"},
    {Metric::any_treatment_stay_share, "any_treatment_stay_share",
     "Share of entrants with an inpatient treatment stay after entry",
     "entrants with a treatment spell starting after entry / entrants"},
    {Metric::deaths, "deaths", "Deaths of entrants after entry", "count of entrants who died after entry"},
    {Metric::ever_housed_share, "ever_housed_share", "Share of entrants who held a tenancy at some time after entry",
     "entrants with a tenancy spell overlapping (entry, status day] / entrants"},
    {Metric::days_to_housing_mean, "days_to_housing_mean",
     "Mean days from referral to the first move-in, over entrants not housed at referral who were housed",
     "mean(first tenancy start after referral - referral day)"},
    {Metric::stably_housed_days_share, "stably_housed_days_share",
     "Share of entrants' observed days spent holding a tenancy",
     "sum tenancy days in (entry, min(status, death, move-away)] / sum observed days"},
    {Metric::tenure_survival_12m, "tenure_survival_12m",
     "Kaplan-Meier probability that the first stay in housing after entry lasts 12 months",
     "KM over first stays (the first tenancy and the flats moved straight into from it); event = a tenancy ended "
     "by a housing loss with no flat the same day; censored at status day, death, moving away"},
    {Metric::tenure_survival_24m, "tenure_survival_24m",
     "Kaplan-Meier probability that the first stay in housing after entry lasts 24 months",
     "as tenure_survival_12m at 730 days"},
    {Metric::tenure_survival_36m, "tenure_survival_36m",
     "Kaplan-Meier probability that the first stay in housing after entry lasts 36 months",
     "as tenure_survival_12m at 1096 days; NA when no first stay is followed that long"},
    {Metric::tenure_survival_60m, "tenure_survival_60m",
     "Kaplan-Meier probability that the first stay in housing after entry lasts 60 months",
     "as tenure_survival_12m at 1826 days; NA when no first stay is followed that long"},
    {Metric::residential_stay_survival_12m, "residential_stay_survival_12m",
     "Kaplan-Meier probability that the first stay after entry in temporary accommodation, a training flat or an "
     "own flat lasts 12 months (tenure in a residential continuum, the staircase arm's counterpart of "
     "tenure_survival_12m)",
     "KM over first stays in those places, through moves between them and treatment or prison stays left "
     "straight back into one; event = a move anywhere else; censored at status day, death, moving away"},
    {Metric::residential_stay_survival_24m, "residential_stay_survival_24m",
     "Kaplan-Meier probability that the first stay after entry in temporary accommodation, a training flat or an "
     "own flat lasts 24 months",
     "as residential_stay_survival_12m at 730 days"},
    {Metric::residential_stay_survival_60m, "residential_stay_survival_60m",
     "Kaplan-Meier probability that the first stay after entry in temporary accommodation, a training flat or an "
     "own flat lasts 60 months",
     "as residential_stay_survival_12m at 1826 days; NA when no first stay is followed that long"},
    {Metric::retention_12m_after_move_in_share, "retention_12m_after_move_in_share",
     "Share of entrants housed after entry who hold a tenancy 12 months after their first move-in, counting "
     "rehousing",
     "entrants with a tenancy covering first move-in + 365 days / entrants whose first move-in after entry is "
     "365 days before the status date and who were still in the city then"},
    {Metric::still_enrolled_share, "still_enrolled_share",
     "Share of entrants still followed by the Housing First team at the status date (0 without a team)",
     "entrants with a housing_first_enrolment spell covering the status day / entrants"},
    {Metric::housed_all_final_6m_share, "housed_all_final_6m_share",
     "Share of entrants holding a tenancy every day of the final 6 months",
     "entrants with tenancy days = 182.6 in (status - 182.6, status] / entrants who entered before that window "
     "and were still in the city at the status date"},
    {Metric::housed_some_final_6m_share, "housed_some_final_6m_share",
     "Share of entrants holding a tenancy some but not all of the final 6 months",
     "as housed_all_final_6m_share, with 0 < tenancy days < 182.6"},
    {Metric::housed_none_final_6m_share, "housed_none_final_6m_share",
     "Share of entrants holding no tenancy in the final 6 months", "as housed_all_final_6m_share, with no tenancy day"},
    {Metric::homeless_point_in_time, "homeless_point_in_time",
     "City homeless count at the status date (broad Norwegian definition), at full scale",
     "census homeless_point_in_time at the status day * pool_scale"},
    {Metric::homeless_point_in_time_change, "homeless_point_in_time_change",
     "Change in the city homeless count from the start date to the status date, at full scale",
     "homeless_point_in_time at the status day - the same count at day 0"},
    {Metric::waiting_list_length, "waiting_list_length", "Municipal housing waiting list at the status date",
     "census waiting_list_length at the status day * pool_scale"},
    {Metric::cost_total_nok, "cost_total_nok",
     "Cost of the cohort's resource use (from referral) between start date and status date, present value",
     "sum of cohort cost records' present_value_nok (incl. the whole HF team)"},
    {Metric::cost_per_person_year_nok, "cost_per_person_year_nok", "Cohort cost per observed person-year",
     "cost_total_nok / (sum over cohort members of days from referral to min(status, death, move-away) / 365.25)"},
    {Metric::cost_by_payer_municipality_nok, "cost_by_payer_municipality_nok", "Cohort cost paid by the municipality",
     "sum of cohort cost records' present_value_nok with payer municipality"},
    {Metric::cost_by_payer_state_nok, "cost_by_payer_state_nok",
     "Cohort cost paid by the state (NAV's state benefits, Husbanken's grants)",
     "sum of cohort cost records' present_value_nok with payer state"},
    {Metric::cost_by_payer_health_trust_nok, "cost_by_payer_health_trust_nok", "Cohort cost paid by the health trust",
     "sum of cohort cost records' present_value_nok with payer health_trust"},
    {Metric::cost_by_payer_correctional_service_nok, "cost_by_payer_correctional_service_nok",
     "Cohort cost paid by the correctional service",
     "sum of cohort cost records' present_value_nok with payer correctional_service"},
    {Metric::cost_by_payer_police_nok, "cost_by_payer_police_nok", "Cohort cost paid by the police",
     "sum of cohort cost records' present_value_nok with payer police"},
    {Metric::cost_programme_nok, "cost_programme_nok",
     "Cost of the Housing First programme itself (team staff and janitor), present value",
     "sum of cohort cost records' present_value_nok for hf_team_fte_year and janitor_hour"},
    {Metric::cost_outside_programme_nok, "cost_outside_programme_nok",
     "Cohort cost of everything but the programme (housing, shelters, health, justice), present value",
     "cost_total_nok - cost_programme_nok"},
    {Metric::cost_city_staircase_places_nok, "cost_city_staircase_places_nok",
     "Fixed cost of the city's staircase places over the window, used or not (not in the cohort's cost), present value",
     "sum of city_places cost records' present_value_nok: places x years x costs.place_fixed_share x night price"},
}};

constexpr std::string_view to_string(Metric metric) {
  return metric_declarations[static_cast<std::size_t>(metric)].name;
}

constexpr std::optional<Metric> metric_by_name(std::string_view name) {
  for (const auto& declaration : metric_declarations) {
    if (declaration.name == name) return declaration.metric;
  }
  return std::nullopt;
}

// Summary metric values in declaration order.
struct SummaryMetrics {
  std::array<double, metric_count> values{};
  [[nodiscard]] double operator[](Metric metric) const { return values[static_cast<std::size_t>(metric)]; }
  double& operator[](Metric metric) { return values[static_cast<std::size_t>(metric)]; }
};

}  // namespace hsim::model
