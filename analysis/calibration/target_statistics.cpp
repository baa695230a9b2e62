#include "analysis/calibration/target_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <stdexcept>
#include <utility>

#include "sim/model/continuous_housing.hpp"
#include "sim/model/kaplan_meier.hpp"
#include "sim/model/residential_stay.hpp"

namespace hsim::analysis::calibration {

using model::EndReason;
using model::SpellRecord;
using model::SpellType;

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// What happened to one entrant between entry and the status date.
struct EntrantOutcome {
  const model::PersonRecord* person = nullptr;
  bool housed_at_status = false;
  bool first_flat_at_status = false;      // the first tenancy after entry covers the status date
  bool notice_pending_at_status = false;  // that tenancy is under notice at the status date
  bool enrolled_at_status = false;        // Housing First follow-up covers the status date
  bool in_temporary_or_institution = false;
  bool ever_housed = false;
  bool moved_in_after_entry = false;  // a tenancy started on or after entry: the programme housed them
  bool lost_housing = false;
  bool evicted = false;  // a tenancy ended by an eviction (immediate or after notice)
  bool immediate_eviction = false;
  bool eviction_with_notice = false;
  bool evicted_then_rehoused = false;
  int rehousings = 0;
  int programme_rehousings = 0;  // of those, new tenancies that began while the team followed the entrant
  bool prison = false;
  bool treatment = false;
  bool died = false;
  bool left_city = false;             // died or moved away before the status date
  bool in_residential_place = false;  // temporary accommodation or training flat at the status date
  double housed_days = 0.0;
  double observed_days = 0.0;                    // from entry to the status date, death or moving away
  double home_days = 0.0;                        // days living in an own flat (holding it and not in an institution)
  std::vector<std::pair<double, double>> homes;  // (start, end) of those stays
  // The first stay in housing after entry: the first tenancy and any flats moved straight into from it.
  bool first_stay_lost = false;     // ended by a housing-loss reason
  double first_stay_days = -1.0;    // its length to loss or censoring; negative when never housed
  double first_move_in_day = -1.0;  // of the first tenancy after entry; negative when never housed
  double follow_up_end_day = -1.0;  // end of the last Housing First enrolment; negative when never enrolled
  // The first stay in a residential place or flat after entry (see residential_stay).
  bool residential_stay_lost = false;
  double residential_stay_days = -1.0;  // negative when never in such a place after entry
};

struct Lease {
  model::Tenure tenure;
  bool ended_by_loss;
};

struct ReplicateView {
  std::vector<EntrantOutcome> entrants;
  std::vector<std::pair<const model::PersonRecord*, Lease>> leases;  // tenancies started after entry
};

ReplicateView analyse(const model::ReplicateResult& result) {
  const double status = result.status_day;
  const auto& people = result.people;
  std::vector<std::size_t> first(people.size() + 1, result.spells.size());
  for (std::size_t i = result.spells.size(); i-- > 0;) first[result.spells[i].person] = i;
  for (std::size_t p = people.size(); p-- > 0;) first[p] = std::min(first[p], first[p + 1]);

  ReplicateView view;
  for (const auto& person : people) {
    if (!person.cohort) continue;
    const double entry = person.entry_day;
    if (!(entry >= 0.0 && entry < status)) continue;
    EntrantOutcome outcome;
    outcome.person = &person;
    double exit_day = status;
    std::vector<std::pair<double, double>> enrolments;
    outcome.notice_pending_at_status = person.notice_pending_at_status;
    std::vector<const SpellRecord*> tenancies;
    const auto person_spells =
        std::span(result.spells).subspan(first[person.id], first[person.id + 1] - first[person.id]);
    for (const SpellRecord& s : person_spells) {
      switch (s.type) {
        case SpellType::tenancy:
          if (s.end_day > entry && s.start_day < status) tenancies.push_back(&s);
          break;
        case SpellType::prison:
          if (s.start_day > entry && s.start_day < status) outcome.prison = true;
          break;
        case SpellType::treatment:
          if (s.start_day > entry && s.start_day < status) outcome.treatment = true;
          break;
        case SpellType::housing_first_enrolment:
          enrolments.emplace_back(s.start_day, s.end_day);
          if (s.covers(status)) outcome.enrolled_at_status = true;
          outcome.follow_up_end_day = std::max(outcome.follow_up_end_day, std::min(s.end_day, status));
          break;
        default:
          break;
      }
      if (model::is_location(s.type) && s.covers(status) &&
          (s.type == SpellType::shelter || s.type == SpellType::temporary_accommodation ||
           s.type == SpellType::training_flat || s.type == SpellType::treatment || s.type == SpellType::prison)) {
        outcome.in_temporary_or_institution = true;
      }
      if (s.type == SpellType::own_flat && s.end_day > entry && s.start_day < status) {
        outcome.home_days += std::min(s.end_day, status) - std::max(s.start_day, entry);
        outcome.homes.emplace_back(s.start_day, s.end_day);
      }
      if (s.covers(status) && (s.type == SpellType::temporary_accommodation || s.type == SpellType::training_flat)) {
        outcome.in_residential_place = true;
      }
      if (model::is_location(s.type) && (s.end_reason == EndReason::death || s.end_reason == EndReason::moved_away) &&
          s.end_day > entry && s.end_day <= status) {
        outcome.left_city = true;
        exit_day = std::min(exit_day, s.end_day);
      }
      if (model::is_location(s.type) && s.end_reason == EndReason::death && s.end_day > entry && s.end_day <= status) {
        outcome.died = true;
      }
    }
    std::sort(tenancies.begin(), tenancies.end(),
              [](const SpellRecord* a, const SpellRecord* b) { return a->start_day < b->start_day; });
    int unanswered_losses = 0;
    for (std::size_t t = 0; t < tenancies.size(); ++t) {
      const SpellRecord& s = *tenancies[t];
      if (!outcome.ever_housed) outcome.first_move_in_day = std::max(s.start_day, entry);
      outcome.ever_housed = true;
      if (s.start_day >= entry) outcome.moved_in_after_entry = true;
      outcome.housed_days += std::max(0.0, std::min(s.end_day, status) - std::max(s.start_day, entry));
      if (s.covers(status)) {
        outcome.housed_at_status = true;
        if (t == 0) outcome.first_flat_at_status = true;
      }
      if (t > 0 && unanswered_losses > 0) {
        ++outcome.rehousings;
        const double start = s.start_day;
        if (std::any_of(enrolments.begin(), enrolments.end(),
                        [start](const auto& e) { return e.first <= start && start < e.second; })) {
          ++outcome.programme_rehousings;
        }
        --unanswered_losses;
        if (outcome.evicted) outcome.evicted_then_rehoused = true;
      }
      const bool loss = model::is_housing_loss(s.end_reason) && s.end_day <= status;
      if (t == 0) {
        const SpellRecord& last = model::last_tenancy_of_stay(person_spells, s);
        outcome.first_stay_lost = model::is_housing_loss(last.end_reason) && last.end_day <= status;
        outcome.first_stay_days = std::min(last.end_day, status) - std::max(s.start_day, entry);
      }
      if (loss) {
        outcome.lost_housing = true;
        ++unanswered_losses;
        if (s.end_reason == EndReason::eviction_immediate) outcome.immediate_eviction = true;
        if (s.end_reason == EndReason::eviction_notice) outcome.eviction_with_notice = true;
        if (model::is_eviction(s.end_reason)) outcome.evicted = true;
      }
      if (s.start_day >= entry) view.leases.push_back({&person, {s.tenure, loss}});
    }
    const model::ResidentialStay residential = model::first_residential_stay(person_spells, entry, status);
    outcome.residential_stay_days = residential.days;
    outcome.residential_stay_lost = residential.lost;
    outcome.observed_days = std::max(0.0, exit_day - entry);
    view.entrants.push_back(outcome);
  }
  return view;
}

bool passes(const TargetFilter& filter, const model::PersonRecord& person) {
  if (filter.entry_day_from && person.entry_day < *filter.entry_day_from) return false;
  if (filter.entry_day_to && person.entry_day >= *filter.entry_day_to) return false;
  if (!filter.entry_routes.empty() && std::find(filter.entry_routes.begin(), filter.entry_routes.end(),
                                                person.entry_route) == filter.entry_routes.end()) {
    return false;
  }
  return true;
}

// Kaplan-Meier probability that a stay of the entrants lasts `days` (NaN beyond follow-up): the stay's
// length (negative when the entrant never began one) and whether it ended in a loss are members of
// EntrantOutcome, the first stay in housing or the first residential stay.
double stay_survival(const ReplicateView& view, const TargetFilter& filter, double days,
                     double EntrantOutcome::*stay_days, bool EntrantOutcome::*stay_lost) {
  std::vector<std::pair<double, bool>> observations;
  for (const auto& outcome : view.entrants) {
    if (!passes(filter, *outcome.person) || outcome.*stay_days < 0.0) continue;
    observations.emplace_back(outcome.*stay_days, outcome.*stay_lost);
  }
  return model::kaplan_meier(std::move(observations), {days}).front();
}

template <class Predicate>
double entrant_share(const ReplicateView& view, const TargetFilter& filter, Predicate predicate,
                     bool only_remaining = false) {
  double n = 0, k = 0;
  for (const auto& outcome : view.entrants) {
    if (!passes(filter, *outcome.person) || (only_remaining && outcome.left_city)) continue;
    n += 1;
    if (predicate(outcome)) k += 1;
  }
  return n > 0 ? k / n : nan;
}

}  // namespace

const std::vector<StatisticDeclaration>& statistic_declarations() {
  static const std::vector<StatisticDeclaration> declarations{
      {"status_same_flat", true,
       "entrants whose first tenancy after entry covers the status date, not under notice then (Bergen's Table "
       "8.1 gives those under notice a column of their own)"},
      {"status_flat_two_or_later", true,
       "entrants holding a tenancy at the status date that is not their first after entry, not under notice then"},
      {"status_temporary_or_institution", true,
       "entrants still followed at the status date, without a tenancy, in a shelter, temporary accommodation, "
       "training flat, treatment or prison"},
      {"status_enrolled_without_tenancy", true,
       "entrants still followed at the status date without a tenancy, wherever they stay (street, friends, shelter, "
       "temporary accommodation, training flat, treatment or prison)"},
      {"status_notice_pending", true, "entrants holding a tenancy that is under notice at the status date"},
      {"status_left_programme", true,
       "entrants no longer followed by the Housing First team at the status date (died, moved away, discharged)"},
      {"in_ordinary_housing", true, "entrants holding a tenancy at the status date"},
      {"status_in_ordinary_housing", true,
       "entrants holding a tenancy at the status date that is not under notice (Bergen's Table 8.1 same-flat and "
       "flat-two-or-later columns together)"},
      {"housed_among_remaining", true,
       "entrants holding a tenancy at the status date, among those who had not died or moved away (censored, as in "
       "a survival analysis)"},
      {"housed_or_residential_among_remaining", true,
       "entrants holding a tenancy or a place in temporary accommodation or a training flat at the status date, "
       "among those who had not died or moved away"},
      {"ever_housed", true, "entrants who held a tenancy after entry"},
      {"moved_in_after_entry", true,
       "entrants who moved into a flat on or after entry; one followed in the flat already held at entry counts "
       "only once moved"},
      {"never_lost_housing", true, "entrants housed after entry who never lost a tenancy"},
      {"never_evicted", true, "entrants housed after entry who were never evicted (immediately or after notice)"},
      {"ever_lost_housing", true, "entrants with a tenancy ended by a housing-loss reason after entry"},
      {"rehoused_once", true, "entrants with exactly one new tenancy after a loss"},
      {"rehoused_twice_or_more", true, "entrants with two or more new tenancies after losses"},
      {"rehoused_any", true, "entrants with at least one new tenancy after a loss"},
      {"rehoused_by_programme", true,
       "entrants with at least one new tenancy after a loss that began while the Housing First team followed them "
       "(rehousing by other services after discharge does not count)"},
      {"evicted_and_rehoused", true, "entrants evicted (immediately or after notice) and later in a new tenancy"},
      {"immediate_eviction", true, "entrants with at least one immediate eviction (heving)"},
      {"eviction_with_notice", true, "entrants with at least one termination after notice (oppsigelse)"},
      {"any_prison_stay", true, "entrants with a prison stay starting after entry"},
      {"any_treatment_stay", true, "entrants with an inpatient treatment stay starting after entry"},
      {"died", true, "entrants who died after entry"},
      {"housed_days_over", true, "entrants whose days holding a tenancy after entry exceed filter.days"},
      {"days_since_first_move_in_over", true,
       "entrants whose days from their first move-in after entry to the status date, or to the end of their "
       "Housing First follow-up if earlier, exceed filter.days (gaps between tenancies are not subtracted)"},
      {"housed_and_followed", true,
       "entrants holding a tenancy and followed by the Housing First team at the status date"},
      {"lease_ended", true,
       "tenancies started after entry (of filter.tenure) that ended by a housing-loss reason by the status date, "
       "as a share of those tenancies"},
      {"housed_days_share", true,
       "mean over entrants of the share of their days from entry to the status date (or death, or moving away) "
       "spent living in an own flat (days inside treatment or prison do not count, as in a residential "
       "time-line)"},
      {"housed_at_days_after_entry", true,
       "entrants living in an own flat filter.days after entry, among those followed that long (alive and in "
       "the city)"},
      {"first_stay_survival", true,
       "Kaplan-Meier probability that the first stay in housing after entry (the first tenancy and the flats "
       "moved straight into from it) lasts filter.days; event: a housing loss; censored at the status date, "
       "death or moving away"},
      {"residential_stay_survival", true,
       "Kaplan-Meier probability that the first stay after entry in temporary accommodation, a training flat or "
       "an own flat lasts filter.days, moves between those places and institution stays left straight back into "
       "one of them not ending it (tenure in a residential continuum); event: a move anywhere else; censored at "
       "the status date, death or moving away"},
      {"evictions_prevented", false, "terminations of entrants' tenancies stopped by team work (count)"},
      {"days_to_housing_mean", false, "summary metric days_to_housing_mean (days from referral to first move-in)"},
      {"homeless_point_in_time", false,
       "summary metric homeless_point_in_time (the city's homeless count at the status date, at full scale)"},
  };
  return declarations;
}

std::vector<std::string> target_statistic_names() {
  std::vector<std::string> names;
  for (const auto& declaration : statistic_declarations()) names.emplace_back(declaration.name);
  return names;
}

bool statistic_is_share(std::string_view name) {
  for (const auto& declaration : statistic_declarations()) {
    if (declaration.name == name) return declaration.share;
  }
  throw std::invalid_argument("unknown target statistic '" + std::string(name) + "'");
}

double compute_statistic(const CalibrationTarget& target, const model::ReplicateResult& result) {
  const std::string& name = target.statistic;
  if (name == "evictions_prevented") return result.summary[model::Metric::evictions_prevented];
  if (name == "days_to_housing_mean") return result.summary[model::Metric::days_to_housing_mean];
  if (name == "homeless_point_in_time") return result.summary[model::Metric::homeless_point_in_time];

  const ReplicateView view = analyse(result);
  const TargetFilter& f = target.filter;
  if (name == "status_same_flat") {
    return entrant_share(view, f, [](const auto& o) { return o.first_flat_at_status && !o.notice_pending_at_status; });
  }
  if (name == "status_flat_two_or_later") {
    return entrant_share(view, f, [](const auto& o) {
      return o.housed_at_status && !o.first_flat_at_status && !o.notice_pending_at_status;
    });
  }
  if (name == "status_temporary_or_institution") {
    return entrant_share(view, f, [](const auto& o) {
      return o.enrolled_at_status && !o.housed_at_status && o.in_temporary_or_institution;
    });
  }
  if (name == "status_enrolled_without_tenancy")
    return entrant_share(view, f, [](const auto& o) { return o.enrolled_at_status && !o.housed_at_status; });
  if (name == "status_notice_pending") {
    return entrant_share(view, f, [](const auto& o) { return o.housed_at_status && o.notice_pending_at_status; });
  }
  if (name == "status_left_programme")
    return entrant_share(view, f, [](const auto& o) { return !o.enrolled_at_status; });
  if (name == "in_ordinary_housing") return entrant_share(view, f, [](const auto& o) { return o.housed_at_status; });
  if (name == "status_in_ordinary_housing") {
    return entrant_share(view, f, [](const auto& o) { return o.housed_at_status && !o.notice_pending_at_status; });
  }
  if (name == "housed_among_remaining") {
    return entrant_share(
        view, f, [](const auto& o) { return o.housed_at_status; }, true);
  }
  if (name == "housed_or_residential_among_remaining") {
    return entrant_share(
        view, f, [](const auto& o) { return o.housed_at_status || o.in_residential_place; }, true);
  }
  if (name == "ever_housed") return entrant_share(view, f, [](const auto& o) { return o.ever_housed; });
  if (name == "moved_in_after_entry")
    return entrant_share(view, f, [](const auto& o) { return o.moved_in_after_entry; });
  if (name == "never_lost_housing") {
    return entrant_share(view, f, [](const auto& o) { return o.ever_housed && !o.lost_housing; });
  }
  if (name == "never_evicted") return entrant_share(view, f, [](const auto& o) { return o.ever_housed && !o.evicted; });
  if (name == "ever_lost_housing") return entrant_share(view, f, [](const auto& o) { return o.lost_housing; });
  if (name == "rehoused_once") return entrant_share(view, f, [](const auto& o) { return o.rehousings == 1; });
  if (name == "rehoused_twice_or_more") return entrant_share(view, f, [](const auto& o) { return o.rehousings >= 2; });
  if (name == "rehoused_any") return entrant_share(view, f, [](const auto& o) { return o.rehousings >= 1; });
  if (name == "rehoused_by_programme")
    return entrant_share(view, f, [](const auto& o) { return o.programme_rehousings >= 1; });
  if (name == "evicted_and_rehoused")
    return entrant_share(view, f, [](const auto& o) { return o.evicted_then_rehoused; });
  if (name == "immediate_eviction") return entrant_share(view, f, [](const auto& o) { return o.immediate_eviction; });
  if (name == "eviction_with_notice")
    return entrant_share(view, f, [](const auto& o) { return o.eviction_with_notice; });
  if (name == "any_prison_stay") return entrant_share(view, f, [](const auto& o) { return o.prison; });
  if (name == "any_treatment_stay") return entrant_share(view, f, [](const auto& o) { return o.treatment; });
  if (name == "died") return entrant_share(view, f, [](const auto& o) { return o.died; });
  if (name == "housed_days_over") {
    const double days = f.days;
    return entrant_share(view, f, [days](const auto& o) { return o.housed_days > days; });
  }
  if (name == "days_since_first_move_in_over") {
    const double days = f.days;
    const double status = result.status_day;
    return entrant_share(view, f, [days, status](const auto& o) {
      if (!o.ever_housed) return false;
      const double until = o.follow_up_end_day >= 0.0 ? o.follow_up_end_day : status;
      return until - o.first_move_in_day > days;
    });
  }
  if (name == "housed_and_followed") {
    return entrant_share(view, f, [](const auto& o) { return o.housed_at_status && o.enrolled_at_status; });
  }
  if (name == "housed_days_share") {
    double n = 0, sum = 0;
    for (const auto& outcome : view.entrants) {
      if (!passes(f, *outcome.person) || !(outcome.observed_days > 0.0)) continue;
      n += 1;
      sum += outcome.home_days / outcome.observed_days;
    }
    return n > 0 ? sum / n : nan;
  }
  if (name == "housed_at_days_after_entry") {
    const double days = f.days;
    double n = 0, k = 0;
    for (const auto& outcome : view.entrants) {
      if (!passes(f, *outcome.person) || outcome.observed_days < days) continue;
      const double day = outcome.person->entry_day + days;
      n += 1;
      const bool housed = std::any_of(outcome.homes.begin(), outcome.homes.end(),
                                      [day](const auto& t) { return t.first <= day && day < t.second; });
      if (housed) k += 1;
    }
    return n > 0 ? k / n : nan;
  }
  if (name == "first_stay_survival") {
    return stay_survival(view, f, f.days, &EntrantOutcome::first_stay_days, &EntrantOutcome::first_stay_lost);
  }
  if (name == "residential_stay_survival") {
    return stay_survival(view, f, f.days, &EntrantOutcome::residential_stay_days,
                         &EntrantOutcome::residential_stay_lost);
  }
  if (name == "lease_ended") {
    double n = 0, k = 0;
    for (const auto& [person, lease] : view.leases) {
      if (!passes(f, *person) || (f.tenure && lease.tenure != *f.tenure)) continue;
      n += 1;
      if (lease.ended_by_loss) k += 1;
    }
    return n > 0 ? k / n : nan;
  }
  throw std::invalid_argument("unknown target statistic '" + name + "'");
}

}  // namespace hsim::analysis::calibration
