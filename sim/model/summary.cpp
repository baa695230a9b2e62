#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <vector>

#include "sim/model/calendar.hpp"
#include "sim/model/continuous_housing.hpp"
#include "sim/model/kaplan_meier.hpp"
#include "sim/model/observers.hpp"
#include "sim/model/residential_stay.hpp"

namespace hsim::model {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double share(double count, double total) {
  return total > 0.0 ? count / total : nan;
}

}  // namespace

SummaryMetrics summarise(const ReplicateResult& result, CountSource source) {
  SummaryMetrics m;
  const double status = result.status_day;
  const auto& people = result.people;

  // Index spells by person (they are sorted by person).
  std::vector<std::size_t> first(people.size() + 1, result.spells.size());
  for (std::size_t i = result.spells.size(); i-- > 0;) first[result.spells[i].person] = i;
  for (std::size_t p = people.size(); p-- > 0;) first[p] = std::min(first[p], first[p + 1]);

  double entrants = 0, housed_at_status = 0, first_flat_kept = 0, lost = 0, rehoused = 0, evictions = 0, prison = 0,
         treatment = 0, deaths = 0, ever_housed = 0;
  double days_to_housing_sum = 0, days_to_housing_n = 0, housed_days = 0, observed_days = 0, cohort_years = 0;
  double enrolled_at_status = 0, retained_12m = 0, retained_12m_n = 0;
  std::array<double, 3> final_6m{};  // housed all, some, none of the final six months
  double final_6m_n = 0;
  const double final_window = days_per_year / 2.0;
  std::vector<std::pair<double, bool>> tenure;
  std::vector<std::pair<double, bool>> residential_tenure;
  for (const PersonRecord& person : people) {
    if (!person.cohort) continue;
    const std::size_t begin = first[person.id];
    const std::size_t end = first[person.id + 1];
    double exit_day = status;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& s = result.spells[i];
      if (is_location(s.type) && (s.end_reason == EndReason::death || s.end_reason == EndReason::moved_away)) {
        exit_day = std::min(exit_day, s.end_day);
      }
    }
    cohort_years += std::max(0.0, exit_day - person.referral_day) / days_per_year;
    const double entry = person.entry_day;
    if (!(entry >= 0.0 && entry < status)) continue;
    entrants += 1;
    observed_days += std::max(0.0, exit_day - entry);

    const SpellRecord* first_tenancy = nullptr;
    bool is_housed_at_status = false, had_loss = false, was_rehoused = false, any_prison = false, any_treatment = false,
         died = false, was_housed = false;
    double first_loss_day = std::numeric_limits<double>::infinity();
    double first_move_in = std::numeric_limits<double>::infinity();
    bool housed_at_referral = false;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& s = result.spells[i];
      if (s.type == SpellType::tenancy) {
        if (s.covers(status)) is_housed_at_status = true;
        if (s.start_day <= person.referral_day && s.end_day > person.referral_day) housed_at_referral = true;
        if (s.start_day >= person.referral_day) first_move_in = std::min(first_move_in, s.start_day);
        if (s.end_day > entry && s.start_day < status) {
          was_housed = true;
          housed_days += std::max(0.0, std::min(s.end_day, exit_day) - std::max(s.start_day, entry));
          if (first_tenancy == nullptr || s.start_day < first_tenancy->start_day) first_tenancy = &s;
          if (is_housing_loss(s.end_reason) && s.end_day <= status) {
            had_loss = true;
            first_loss_day = std::min(first_loss_day, s.end_day);
            if (is_eviction(s.end_reason) && source == CountSource::spells) evictions += 1;
          }
        }
      } else if (s.type == SpellType::prison && s.start_day > entry && s.start_day < status) {
        any_prison = true;
      } else if (s.type == SpellType::treatment && s.start_day > entry && s.start_day < status) {
        any_treatment = true;
      }
      if (is_location(s.type) && s.end_reason == EndReason::death && s.end_day > entry && s.end_day <= status) {
        died = true;
      }
    }
    double first_move_in_after_entry = std::numeric_limits<double>::infinity();
    double final_6m_days = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& s = result.spells[i];
      if (s.type == SpellType::housing_first_enrolment && s.covers(status)) enrolled_at_status += 1;
      if (s.type != SpellType::tenancy) continue;
      if (s.start_day >= first_loss_day && s.start_day < status) was_rehoused = true;
      if (s.start_day >= entry && s.start_day < status) {
        first_move_in_after_entry = std::min(first_move_in_after_entry, s.start_day);
      }
      final_6m_days += std::max(0.0, std::min(s.end_day, status) - std::max(s.start_day, status - final_window));
    }
    if (exit_day >= status && entry <= status - final_window) {
      final_6m_n += 1;
      const std::size_t group = final_6m_days >= final_window - 1e-9 ? 0 : final_6m_days > 0.0 ? 1 : 2;
      final_6m[group] += 1;
    }
    const double anniversary = first_move_in_after_entry + days_per_year;
    if (anniversary <= status && exit_day > anniversary) {
      retained_12m_n += 1;
      for (std::size_t i = begin; i < end; ++i) {
        const auto& s = result.spells[i];
        if (s.type == SpellType::tenancy && s.start_day <= anniversary && anniversary < s.end_day) {
          retained_12m += 1;
          break;
        }
      }
    }
    if (first_tenancy != nullptr) {
      const double start = std::max(first_tenancy->start_day, entry);
      const SpellRecord& last =
          last_tenancy_of_stay(std::span(result.spells).subspan(begin, end - begin), *first_tenancy);
      const bool event = is_housing_loss(last.end_reason) && last.end_day <= status;
      tenure.emplace_back(std::min(last.end_day, status) - start, event);
      if (first_tenancy->covers(status)) first_flat_kept += 1;
    }
    const ResidentialStay residential =
        first_residential_stay(std::span(result.spells).subspan(begin, end - begin), entry, status);
    if (residential.days >= 0.0) residential_tenure.emplace_back(residential.days, residential.lost);
    if (!housed_at_referral && first_move_in < status) {
      days_to_housing_sum += first_move_in - person.referral_day;
      days_to_housing_n += 1;
    }
    housed_at_status += is_housed_at_status ? 1 : 0;
    lost += had_loss ? 1 : 0;
    rehoused += was_rehoused ? 1 : 0;
    prison += any_prison ? 1 : 0;
    treatment += any_treatment ? 1 : 0;
    deaths += (died && source == CountSource::spells) ? 1 : 0;
    ever_housed += was_housed ? 1 : 0;
  }

  const CensusRow* final_row = result.time_series.empty() ? nullptr : &result.time_series.back();
  if (source == CountSource::live_counters) {
    entrants = static_cast<double>(result.counters.entrants);
    evictions = static_cast<double>(result.counters.cohort_evictions);
    deaths = static_cast<double>(result.counters.cohort_deaths);
    if (final_row != nullptr) housed_at_status = final_row->cohort_in_ordinary_housing;
  }
  m[Metric::entrants] = entrants;
  m[Metric::in_ordinary_housing_share] = share(housed_at_status, entrants);
  m[Metric::still_in_first_flat_share] = share(first_flat_kept, entrants);
  m[Metric::ever_lost_housing_share] = share(lost, entrants);
  m[Metric::rehoused_share] = share(rehoused, entrants);
  m[Metric::evictions] = evictions;
  m[Metric::evictions_prevented] = static_cast<double>(result.counters.cohort_evictions_prevented);
  m[Metric::any_prison_stay_share] = share(prison, entrants);
  m[Metric::any_treatment_stay_share] = share(treatment, entrants);
  m[Metric::deaths] = deaths;
  m[Metric::ever_housed_share] = share(ever_housed, entrants);
  m[Metric::days_to_housing_mean] = days_to_housing_n > 0 ? days_to_housing_sum / days_to_housing_n : nan;
  m[Metric::stably_housed_days_share] = share(housed_days, observed_days);
  const auto survival =
      kaplan_meier(tenure, {days_per_year, 2.0 * days_per_year, 3.0 * days_per_year, 5.0 * days_per_year});
  m[Metric::tenure_survival_12m] = survival[0];
  m[Metric::tenure_survival_24m] = survival[1];
  m[Metric::tenure_survival_36m] = survival[2];
  m[Metric::tenure_survival_60m] = survival[3];
  const auto residential_survival =
      kaplan_meier(std::move(residential_tenure), {days_per_year, 2.0 * days_per_year, 5.0 * days_per_year});
  m[Metric::residential_stay_survival_12m] = residential_survival[0];
  m[Metric::residential_stay_survival_24m] = residential_survival[1];
  m[Metric::residential_stay_survival_60m] = residential_survival[2];
  m[Metric::retention_12m_after_move_in_share] = share(retained_12m, retained_12m_n);
  m[Metric::still_enrolled_share] = share(enrolled_at_status, entrants);
  m[Metric::housed_all_final_6m_share] = share(final_6m[0], final_6m_n);
  m[Metric::housed_some_final_6m_share] = share(final_6m[1], final_6m_n);
  m[Metric::housed_none_final_6m_share] = share(final_6m[2], final_6m_n);
  if (final_row != nullptr) {
    m[Metric::homeless_point_in_time] =
        (final_row->homeless_point_in_time - final_row->cohort_homeless) * result.pool_scale +
        final_row->cohort_homeless;
    m[Metric::waiting_list_length] =
        (final_row->waiting_list_length - final_row->cohort_waiting_list) * result.pool_scale +
        final_row->cohort_waiting_list;
    const auto at_start = std::find_if(result.time_series.begin(), result.time_series.end(),
                                       [](const CensusRow& row) { return row.day >= 0.0; });
    m[Metric::homeless_point_in_time_change] =
        m[Metric::homeless_point_in_time] -
        ((at_start->homeless_point_in_time - at_start->cohort_homeless) * result.pool_scale +
         at_start->cohort_homeless);
  } else {
    m[Metric::homeless_point_in_time] = nan;
    m[Metric::homeless_point_in_time_change] = nan;
    m[Metric::waiting_list_length] = nan;
  }
  double total = 0.0, programme = 0.0, places = 0.0;
  std::array<double, static_cast<std::size_t>(Payer::count)> by_payer{};
  for (const CostRecord& cost : result.costs) {
    if (cost.group == CostGroup::city_places) places += cost.present_value_nok;
    if (cost.group != CostGroup::cohort) continue;
    total += cost.present_value_nok;
    if (is_programme_item(cost.item)) programme += cost.present_value_nok;
    by_payer[static_cast<std::size_t>(cost.payer)] += cost.present_value_nok;
  }
  m[Metric::cost_total_nok] = total;
  m[Metric::cost_per_person_year_nok] = cohort_years > 0.0 ? total / cohort_years : nan;
  m[Metric::cost_by_payer_municipality_nok] = by_payer[static_cast<std::size_t>(Payer::municipality)];
  m[Metric::cost_by_payer_state_nok] = by_payer[static_cast<std::size_t>(Payer::state)];
  m[Metric::cost_by_payer_health_trust_nok] = by_payer[static_cast<std::size_t>(Payer::health_trust)];
  m[Metric::cost_by_payer_correctional_service_nok] = by_payer[static_cast<std::size_t>(Payer::correctional_service)];
  m[Metric::cost_by_payer_police_nok] = by_payer[static_cast<std::size_t>(Payer::police)];
  m[Metric::cost_programme_nok] = programme;
  m[Metric::cost_outside_programme_nok] = total - programme;
  m[Metric::cost_city_staircase_places_nok] = places;
  return m;
}

}  // namespace hsim::model
