// What happens to a person: life events drawn from their own hazard clocks, and the consequences of
// where they live. Housing never changes severity, episode, spell or mortality rates.

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "sim/engine/distributions.hpp"
#include "sim/model/calendar.hpp"
#include "sim/model/census_counts.hpp"
#include "sim/model/city_model.hpp"
#include "sim/model/event_kinds.hpp"
#include "sim/model/severity.hpp"

namespace hsim::model::detail {

using engine::EventContext;

namespace {
constexpr double weeks_per_year = days_per_year / 7.0;

// Complaint and warning counts are compared with whole-number thresholds after fading.
constexpr double count_tolerance = 1e-9;

// The alarm that went off and the clock or timer it was set for agree; the checked builds say so.
void check_due([[maybe_unused]] bool agrees, [[maybe_unused]] const char* what, [[maybe_unused]] unsigned slot,
               [[maybe_unused]] double now) {
#if HSIM_CHECKS
  if (!agrees) {
    throw std::logic_error(std::string("day ") + std::to_string(now) + ": a person's alarm went off but its " + what +
                           " " + std::to_string(slot) + " is not due");
  }
#endif
}

void check_bound([[maybe_unused]] double chance, [[maybe_unused]] double bound, [[maybe_unused]] double now) {
#if HSIM_CHECKS
  if (!(chance <= bound * (1.0 + 1e-9))) {
    throw std::logic_error("day " + std::to_string(now) + ": a complaint chance of " + std::to_string(chance) +
                           " exceeds the bound " + std::to_string(bound) + " its disturbances were thinned with");
  }
#endif
}

// What is left of a weighted count after `elapsed_days` with exponential memory of mean `memory_days`.
double fade(double count, double elapsed_days, double memory_days) {
  if (count == 0.0) return 0.0;
  return count * std::exp(-elapsed_days / memory_days);
}
}  // namespace

// ----- clocks and timers ------------------------------------------------------------------------

// Inline in this file, its only caller, so that refresh_rates compiles it once for each clock.
[[gnu::always_inline]] inline double CityModel::desired_rate(const Person& p, Clock clock, double day) const {
  const auto& b = parameters_.behaviour;
  double per_year = 0.0;
  switch (clock) {
    case clock_substance:
      per_year = leaving_rate_per_year(b.substance_use, p.substance);
      break;
    case clock_mental:
      per_year = leaving_rate_per_year(b.mental_health, p.mental);
      break;
    case clock_heavy_use:
      per_year =
          p.in_heavy_use || p.episodes_asleep ? 0.0 : rate_at(b.episodes.heavy_use_by_substance_level, p.substance);
      break;
    case clock_psychiatric:
      per_year = p.in_psychiatric || p.episodes_asleep
                     ? 0.0
                     : rate_at(b.episodes.psychiatric_by_mental_health_level, p.mental);
      break;
    case clock_disturbance: {
      const double disturbances = disturbances_per_day(p) * days_per_year;
      if (p.place == Place::own_flat) {
        // Only the disturbances that may be complained about are drawn; incident() keeps each with
        // its chance over this bound, which leaves the complaints' timing and number as they were.
        per_year = fewest_draws_ ? disturbances * complaint_chance(p, day, true) : disturbances;
      } else if (step_of(p.place) > 0 && rules_.readiness_required) {
        // Only disturbances staff record as incidents matter in a staircase place: thin the process.
        per_year = disturbances * parameters_.staircase.incident_reported_share;
      }
      break;
    }
    case clock_visitors:
      if (p.place == Place::own_flat) {
        per_year = b.disturbance.visitor_episodes_per_homeless_contact_per_year * coordination_.homeless_contacts[p.id];
      }
      break;
    case clock_treatment:
      per_year = is_institution(p.place) ? 0.0 : rate_at(b.spells.treatment_by_substance_level, p.substance);
      break;
    case clock_prison:
      per_year = is_institution(p.place) ? 0.0 : rate_at(b.spells.prison_by_substance_level, p.substance);
      break;
    case clock_death:
      per_year = rate_at(b.life.mortality_by_substance_level, p.substance);
      break;
    case clock_move_away:
      per_year = b.life.move_away_per_year;
      break;
    case clock_self_resolve:
      if (is_homeless_place(p.place) && p.unit < 0 && !p.hf_enrolled) {
        if (!p.cohort) {
          per_year = b.life.self_resolved_housing_per_year;
        } else if (p.self_resolutions < p.self_resolve_units.size()) {
          per_year = b.life.self_resolved_housing_per_year * parameters_.population.self_resolved_housing_factor;
        }
      }
      break;
    case clock_voluntary_move:
      per_year =
          p.unit >= 0 && p.place == Place::own_flat && !p.moving_to_next_flat ? b.life.voluntary_move_per_year : 0.0;
      break;
    case clock_arrears: {
      const auto& w = parameters_.welfare;
      const bool secured = p.hf_tenancy ? w.rent_secured : w.rent_secured_outside_programme;
      per_year = p.unit >= 0 && !secured ? w.arrears_termination_per_year : 0.0;
      break;
    }
    case clock_assisted_let:
      if (rules_.welfare_assisted_lets && is_homeless_place(p.place) && p.unit < 0 && !p.hf_enrolled &&
          (!p.cohort || p.self_resolutions < p.self_resolve_units.size())) {
        per_year = parameters_.welfare.assisted_private_lets_per_year;
      }
      break;
    case clock_disengage:
      if (p.hf_enrolled && p.unit < 0) per_year = parameters_.teams.housing_first.disengagement_while_unhoused_per_year;
      break;
    default:
      break;
  }
  return per_year / days_per_year;
}

double CityModel::disturbances_per_day(const Person& p) const {
  const auto& d = parameters_.behaviour.disturbance;
  return (d.baseline_per_year + (p.in_heavy_use || p.in_psychiatric ? d.in_episode_per_week * weeks_per_year : 0.0)) /
         days_per_year;
}

void CityModel::set_clock_rate(Person& p, Clock clock, double rate, EventContext& context) {
  p.clocks[clock].set_rate(rate, context.now(), [&] { return engine::exponential(clock_stream(p, clock), 1.0); });
}

void CityModel::refresh_rates(Person& p, EventContext& context) {
  if (!is_present(p.place)) return;
  const double now = context.now();
  // Unrolled over the clocks, so that each desired_rate is compiled for its own clock without the switch.
  const auto set_every_rate = [&]<std::size_t... c>(std::index_sequence<c...>) {
    (p.clocks[c].set_rate(desired_rate(p, static_cast<Clock>(c), now), now,
                          [&] { return engine::exponential(clock_stream(p, static_cast<Clock>(c)), 1.0); }),
     ...);
  };
  set_every_rate(std::make_index_sequence<clock_count>{});
}

void CityModel::start_timer(Person& p, Timer timer, double delay_days, EventContext& context) {
  const double when = context.now() + std::max(0.0, delay_days);
  p.timer_due[timer] = when < end_day_ ? when : never;
}

// One alarm per person stands for all their clocks and timers, so a rate that changes moves the
// alarm instead of leaving an outdated event in the queue. The earliest is kept, clocks before timers
// and in their order when two fall at the same time; every event of a person ends here, so when the
// alarm goes off it is the one noted in next_due.
void CityModel::set_alarm_to_next_due(Person& p, EventContext& context) {
  double next = never;
  std::uint8_t slot = no_due;
  if (is_present(p.place)) {
    for (std::uint8_t c = 0; c < clock_count; ++c) {
      const double due = p.clocks[c].due_day(end_day_);
      if (due < next) {
        next = due;
        slot = c;
      }
    }
    for (std::uint8_t t = 0; t < timer_count; ++t) {
      if (p.timer_due[t] < next) {
        next = p.timer_due[t];
        slot = static_cast<std::uint8_t>(clock_count + t);
      }
    }
  }
  p.next_due = slot;
  if (next == never) {
    context.clear_alarm();
  } else if (!context.has_alarm() || context.alarm().time != next) {
    context.set_alarm(next, class_internal, kind_due);
  }
}

// Fires the clock or timer the person's alarm stands for. Returns true when every rate was refreshed
// last, so that the disturbance clock's thinning bound is already the present one.
bool CityModel::fire_next_due(Person& p, EventContext& context) {
  const double now = context.now();
  const std::uint8_t slot = p.next_due;
  if (slot < clock_count) {
    const auto clock = static_cast<Clock>(slot);
    HazardClock& k = p.clocks[clock];
    check_due(k.due_day(end_day_) == now, "clock", slot, now);
    const double fired_rate = k.rate;
    k.restart(engine::exponential(clock_stream(p, clock), 1.0));
    const Place place_before = p.place;
    const std::int32_t unit_before = p.unit;
    on_clock(p, clock, fired_rate, context);
    const bool only_this_clock = (clock == clock_disturbance || clock == clock_visitors || clock == clock_arrears) &&
                                 p.place == place_before && p.unit == unit_before;
    if (only_this_clock) {
      set_clock_rate(p, clock, desired_rate(p, clock, context.now()), context);
      return clock == clock_disturbance;
    }
    refresh_rates(p, context);
    return true;
  }
  check_due(slot != no_due && p.timer_due[slot - clock_count] == now, "timer", slot, now);
  if (slot == no_due) return false;
  const auto timer = static_cast<Timer>(slot - clock_count);
  p.timer_due[timer] = never;
  on_timer(p, timer, context);
  refresh_rates(p, context);
  return true;
}

engine::BoundStream CityModel::stream(const Person& p, PersonStreamSlot slot) {
  static constexpr std::array<std::uint64_t, std::size_t{person_stream_count} - std::size_t{clock_count}> purposes{
      purpose_complaint,      purpose_staircase,   purpose_heavy_use_duration, purpose_psychiatric_duration,
      purpose_spell_duration, purpose_managed_exit};
  return {streams_[p.id].positions[slot],
          engine::StreamKey{seed_, replicate_, p.id, purposes[std::size_t{slot} - std::size_t{clock_count}]}};
}

engine::BoundStream CityModel::clock_stream(const Person& p, Clock clock) {
  return {streams_[p.id].positions[clock], engine::StreamKey{seed_, replicate_, p.id, clock}};
}

// ----- records ----------------------------------------------------------------------------------

void CityModel::close_location_spell(const Person& p, double end, EndReason reason, EventContext& context) {
  if (!is_present(p.place)) return;
  SpellRecord spell;
  spell.person = p.id;
  spell.type = spell_type_of(p.place);
  spell.end_reason = reason;
  spell.start_day = p.place_since;
  spell.end_day = end;
  if (p.place == Place::own_flat && p.unit >= 0) {
    const Unit& unit = units_[static_cast<std::size_t>(p.unit)];
    spell.unit = p.unit;
    spell.tenure = unit.tenure;
    spell.district = unit.district;
    spell.flat_number = p.flats;
  }
  log(context).spells.push_back(spell);
}

void CityModel::close_tenancy_spell(const Person& p, double end, EndReason reason, EventContext& context) {
  const Unit& unit = units_[static_cast<std::size_t>(p.unit)];
  SpellRecord spell;
  spell.person = p.id;
  spell.type = SpellType::tenancy;
  spell.end_reason = reason;
  spell.start_day = p.tenancy_start;
  spell.end_day = end;
  spell.unit = p.unit;
  spell.tenure = unit.tenure;
  spell.district = unit.district;
  spell.flat_number = p.flats;
  log(context).spells.push_back(spell);
}

// ----- dispatch ---------------------------------------------------------------------------------

void CityModel::prefetch(engine::EntityId entity) const noexcept {
  if (entity >= person_count_) return;
  const Person& p = people_[entity];
  constexpr std::size_t line = 64;
  const auto* person = reinterpret_cast<const char*>(&p);
  for (std::size_t offset = 0; offset < sizeof(Person); offset += line) __builtin_prefetch(person + offset);
  const auto* streams = reinterpret_cast<const char*>(&streams_[entity]);
  for (std::size_t offset = 0; offset < sizeof(PersonStreams); offset += line) __builtin_prefetch(streams + offset);
}

void CityModel::handle(const engine::Event& event, EventContext& context) {
  if (event.target >= person_count_) {
    handle_landlord(event, context);
    return;
  }
  Person& p = people_[event.target];
  const CensusPlace before = census_place_of(p);
  const bool handled_with_refresh = handle_person(p, event, context);
  const bool rates_current = watch_episodes(p, context) || handled_with_refresh;
  // The bound that thins disturbances follows whatever the event changed.
  if (fewest_draws_ && is_present(p.place) && !rates_current) {
    set_clock_rate(p, clock_disturbance, desired_rate(p, clock_disturbance, context.now()), context);
  }
  if (const CensusPlace after = census_place_of(p); after != before) {
    CensusRow& counts = log(context).place_counts;
    count_place(before, -1, counts);
    count_place(after, 1, counts);
    log(context).moved.push_back(event.target);
  }
  set_alarm_to_next_due(p, context);
#if HSIM_CHECKS
  log(context).touched.push_back(event.target);
#endif
}

// Returns true when the event ended by refreshing every rate of the person (see fire_next_due).
bool CityModel::handle_person(Person& p, const engine::Event& event, EventContext& context) {
  const auto low_word = static_cast<std::uint32_t>(event.payload);
  switch (event.kind) {
    case kind_appear:
      appear(p, context);
      return false;
    case kind_enrol_hf:
      enrol_housing_first(p, context);
      return false;
    case kind_assign_place:
      assign_place(p, static_cast<int>(event.payload & 0xFF), static_cast<std::uint32_t>(event.payload >> 8), context);
      return false;
    case kind_move_in: {
      const auto unit = static_cast<std::int32_t>(low_word);
      const bool short_choice = (event.payload & move_in_short_choice_flag) != 0;
      if (!is_present(p.place) || (p.unit >= 0 && !p.moving_to_next_flat)) {
        request(context, {Request::Kind::release_unit, p.id, context.now(), unit});
        return false;
      }
      if (p.unit >= 0) {
        move_to_next_flat(p, unit, short_choice, context);
      } else {
        start_tenancy(p, unit, short_choice, context);
      }
      refresh_rates(p, context);
      return true;
    }
    case kind_enrol_ordinary:
      enrol_ordinary(p, static_cast<std::int32_t>(low_word), context);
      return false;
    case kind_notice:
      if (is_present(p.place) && p.unit == static_cast<std::int32_t>(low_word)) {
        p.notice_pending = true;
        if (parameters_.teams.housing_first.search_during_notice) look_for_next_flat(p, context);
      }
      return false;
    case kind_eviction:
      if (is_present(p.place)) {
        evicted(p, static_cast<std::int32_t>(low_word), ((event.payload >> 32) & 1U) != 0, context);
        refresh_rates(p, context);
        return true;
      }
      return false;
    case kind_refresh_visitors:
      if (is_present(p.place))
        set_clock_rate(p, clock_visitors, desired_rate(p, clock_visitors, context.now()), context);
      return false;
    default:
      break;
  }
  return event.kind == kind_due && is_present(p.place) && fire_next_due(p, context);
}

// ----- life events ------------------------------------------------------------------------------

void CityModel::appear(Person& p, EventContext& context) {
  const double now = context.now();
  p.place = p.initial_place;
  p.place_since = now;
  p.substance_since = now;
  p.mental_since = now;
  for (HazardClock& clock : p.clocks) clock.restart();
  if (p.cohort && !rules_.housing_first_team) p.entry_day = now;
  const int step = step_of(p.place);
  if (step > 0) {
    // The initial pool has already spent part of its clean period in place.
    const auto& s = parameters_.staircase;
    const double promotion_days[4] = {0.0, s.shelter_promotion_days, s.temporary_accommodation_promotion_days,
                                      s.training_flat_promotion_days};
    const auto index = static_cast<std::size_t>(step);
    start_timer(p, timer_promotion, promotion_days[index] * engine::uniform01(stream(p, slot_staircase)), context);
  }
  if (is_institution(p.place)) start_timer(p, timer_spell_end, p.initial_spell_days, context);
  if (p.initial_unit >= 0) {
    start_tenancy(p, p.initial_unit, false, context);
  } else if (p.place == Place::street_or_friends) {
    const bool wants_temporary = p.route == EntryRoute::temporary_accommodation;
    request_step(p, wants_temporary ? 2 : 1, wants_temporary, context);
  }
  if (p.initial_waiting_list || !rules_.readiness_required) {
    p.wants_waiting_list = true;
    want_waiting_list(p, context);
  }
  if (p.cohort && rules_.housing_first_team) request(context, {Request::Kind::referral, p.id, now});
  refresh_rates(p, context);
}

void CityModel::on_clock(Person& p, Clock clock, double fired_rate, EventContext& context) {
  const auto& b = parameters_.behaviour;
  const double now = context.now();
  // A severity level moves one step up or down, with probability proportional to each rate.
  auto step_severity = [&](const SeverityChain& chain, auto& level, double& since, auto& days_at, auto which) {
    days_at[level] += std::max(0.0, now - std::max(0.0, since));
    since = now;
    const double total = leaving_rate_per_year(chain, level);
    const double up = worsening_rate_per_year(chain, level);
    if (engine::uniform01(clock_stream(p, which)) * total < up) {
      ++level;
    } else {
      --level;
    }
  };
  switch (clock) {
    case clock_substance:
      if (p.episodes_asleep) bring_episode_forward(p, EpisodeKind::heavy_use, now);
      step_severity(b.substance_use, p.substance, p.substance_since, person_records_[p.id].days_at_substance_use_level,
                    clock);
      break;
    case clock_mental:
      if (p.episodes_asleep) bring_episode_forward(p, EpisodeKind::psychiatric, now);
      step_severity(b.mental_health, p.mental, p.mental_since, person_records_[p.id].days_at_mental_health_level,
                    clock);
      break;
    case clock_heavy_use: {
      const double days = engine::exponential(stream(p, slot_heavy_use_duration), b.episodes.heavy_use_mean_days);
      p.in_heavy_use = true;
      p.heavy_use_until = now + days;
      start_timer(p, timer_heavy_use_end, days, context);
      schedule_crisis_detection(p, context);
      break;
    }
    case clock_psychiatric: {
      const double days = engine::exponential(stream(p, slot_psychiatric_duration), b.episodes.psychiatric_mean_days);
      p.in_psychiatric = true;
      p.psychiatric_until = now + days;
      start_timer(p, timer_psychiatric_end, days, context);
      schedule_crisis_detection(p, context);
      break;
    }
    case clock_disturbance: {
      // A thinned clock ran at the disturbance rate times the bound of the complaint chance.
      const bool thinned = fewest_draws_ && p.place == Place::own_flat;
      incident(p, false, thinned ? fired_rate / disturbances_per_day(p) : 1.0, context);
      break;
    }
    case clock_visitors:
      incident(p, true, 1.0, context);
      break;
    case clock_treatment:
      start_spell(p, Place::treatment, context);
      break;
    case clock_prison:
      start_spell(p, Place::prison, context);
      break;
    case clock_death:
      leave_model(p, Place::dead, EndReason::death, context);
      break;
    case clock_move_away:
      leave_model(p, Place::moved_away, EndReason::moved_away, context);
      break;
    case clock_self_resolve:
    case clock_assisted_let:
      // The city pool is not followed into the flats it finds; the cohort is, in flats drawn for it.
      if (!p.cohort) {
        leave_model(p, Place::left_system, EndReason::self_resolved, context);
      } else if (p.unit < 0 && p.self_resolutions < p.self_resolve_units.size()) {
        const std::int32_t unit = p.self_resolve_units[p.self_resolutions++];
        start_tenancy(p, unit, false, context);
      }
      break;
    case clock_disengage:
      if (p.hf_enrolled && p.unit < 0) end_support(p, EndReason::discharged, context);
      break;
    case clock_voluntary_move:
      if (p.unit < 0) break;
      if (team_finds_next_flat(p)) {
        look_for_next_flat(p, context);
      } else {
        end_tenancy(p, EndReason::voluntary_move, context);
      }
      break;
    case clock_arrears:
      if (p.unit >= 0) {
        const Unit& unit = units_[static_cast<std::size_t>(p.unit)];
        const std::uint64_t payload = static_cast<std::uint32_t>(p.unit) |
                                      (std::uint64_t{static_cast<std::uint8_t>(p.support)} << 32) | (1ULL << 34);
        context.schedule(now + 1.0, unit.landlord, class_message, kind_complaint, payload);
      }
      break;
    default:
      break;
  }
}

void CityModel::on_timer(Person& p, Timer timer, EventContext& context) {
  switch (timer) {
    case timer_heavy_use_end:
      p.in_heavy_use = false;
      break;
    case timer_psychiatric_end:
      p.in_psychiatric = false;
      break;
    case timer_spell_end:
      end_spell(p, context);
      break;
    case timer_tenancy_lapse:
      if (is_institution(p.place) && p.unit >= 0) end_tenancy(p, EndReason::tenancy_lapsed, context);
      if (is_institution(p.place) && p.held_step > 0) release_step_place(p, context);
      break;
    case timer_promotion: {
      const int step = step_of(p.place);
      if (step == 0) break;
      if (step < 3) {
        request_step(p, step + 1, false, context);
      } else {
        p.wants_waiting_list = true;
        want_waiting_list(p, context);
      }
      break;
    }
    case timer_visit:
      // A home visit during an episode: the team knows and tightens contact until it ends.
      if (p.support != Support::none && (p.in_heavy_use || p.in_psychiatric)) {
        const double until =
            std::max(p.in_heavy_use ? p.heavy_use_until : -never, p.in_psychiatric ? p.psychiatric_until : -never);
        p.crisis_known_until = std::max(p.crisis_known_until, until);
      }
      break;
    case timer_rehousing:
      if (p.hf_enrolled && p.unit < 0) request(context, {Request::Kind::start_hf_search, p.id, context.now()});
      break;
    case timer_waiting_list_eligible:
      want_waiting_list(p, context);
      break;
    case timer_move_out:
      if (p.unit >= 0) end_tenancy(p, EndReason::managed_exit, context);
      break;
    default:
      break;
  }
}

void CityModel::incident(Person& p, bool visitors, double thinning_bound, EventContext& context) {
  const double now = context.now();
  const int step = step_of(p.place);
  if (step > 0) {
    if (!rules_.readiness_required || visitors) return;
    const auto& s = parameters_.staircase;
    // The person's lasting propensity to draw trouble (the complaint mix) weighs on staff as on neighbours.
    const double demotion_chance = std::min(1.0, s.demotion_probability_per_incident * p.complaint_propensity);
    if (engine::bernoulli(stream(p, slot_staircase), demotion_chance)) {
      const bool excluded = engine::bernoulli(stream(p, slot_staircase), s.exclusion_to_street_share);
      release_step_place(p, context);
      move_to(p, Place::street_or_friends, excluded ? EndReason::exclusion : EndReason::demotion, context);
      if (p.wants_waiting_list) {
        p.wants_waiting_list = false;
        leave_waiting_list(p, excluded ? EndReason::exclusion : EndReason::demotion, context);
      }
      request_step(p, excluded ? 1 : std::max(1, step - 1), !excluded, context);
    } else {
      const double promotion_days[4] = {0.0, s.shelter_promotion_days, s.temporary_accommodation_promotion_days,
                                        s.training_flat_promotion_days};
      if (!p.wants_waiting_list) start_timer(p, timer_promotion, promotion_days[step], context);
    }
    return;
  }
  if (p.place != Place::own_flat || p.unit < 0) return;

  const double chance = complaint_chance(p, now, false);
  check_bound(chance, thinning_bound, now);
  if (!engine::bernoulli(stream(p, slot_complaint), chance / thinning_bound)) return;
  const Unit& unit = units_[static_cast<std::size_t>(p.unit)];
  auto& lp_log = log(context);
  ++lp_log.complaints;
  if (p.support == Support::housing_first && hf_janitor_at(now)) {
    lp_log.janitor.push_back({p.id, now, parameters_.costs.janitor_hours_per_complaint});
  }
  const std::uint64_t payload =
      static_cast<std::uint32_t>(p.unit) | (std::uint64_t{static_cast<std::uint8_t>(p.support)} << 32);
  context.schedule(now + 1.0, unit.landlord, class_message, kind_complaint, payload);
}

void CityModel::start_spell(Person& p, Place institution, EventContext& context) {
  const auto& spells = parameters_.behaviour.spells;
  const double place_kept = parameters_.staircase.place_kept_during_spell_max_days;
  const int step = step_of(p.place);
  if (step >= step_of(Place::temporary_accommodation) && place_kept > 0.0) {  // a shelter bed is not held
    p.held_step = static_cast<std::int8_t>(step);
  } else {
    release_step_place(p, context);
  }
  p.wanted_step = -1;
  ++p.place_token;
  cancel_timer(p, timer_promotion);
  move_to(p, institution, EndReason::admitted, context);
  const double mean = institution == Place::treatment ? spells.treatment_mean_days : spells.prison_mean_days;
  const double days = engine::exponential(stream(p, slot_spell_duration), mean);
  start_timer(p, timer_spell_end, days, context);
  if (p.unit >= 0 || p.held_step > 0) {
    const double kept = p.held_step > 0              ? place_kept
                        : p.support != Support::none ? spells.tenancy_kept_during_spell_max_days
                                                     : spells.tenancy_kept_without_support_max_days;
    if (days > kept) {
      start_timer(p, timer_tenancy_lapse, kept, context);
    } else {
      cancel_timer(p, timer_tenancy_lapse);
    }
  }
}

void CityModel::end_spell(Person& p, EventContext& context) {
  cancel_timer(p, timer_tenancy_lapse);
  if (p.unit >= 0) {
    move_to(p, Place::own_flat, EndReason::released, context);
  } else if (p.held_step > 0) {
    const Place held = place_of_step(p.held_step);
    p.held_step = 0;
    move_to(p, held, EndReason::released, context);
  } else {
    move_to(p, Place::street_or_friends, EndReason::released, context);
    request_step(p, 1, false, context);
  }
}

void CityModel::start_tenancy(Person& p, std::int32_t unit, bool short_of_choice, EventContext& context) {
  const double now = context.now();
  const Unit& flat = units_[static_cast<std::size_t>(unit)];
  p.unit = unit;
  p.unit_district = flat.district;
  p.unit_tenure = flat.tenure;
  p.tenancy_start = now;
  ++p.flats;
  if (p.entry_day >= 0.0) ++p.flats_since_entry;
  p.notice_pending = false;
  p.flat_from_short_choice = short_of_choice;
  p.hf_tenancy = p.hf_enrolled;
  release_step_place(p, context);
  p.wanted_step = -1;
  ++p.place_token;
  p.wants_waiting_list = false;
  leave_waiting_list(p, EndReason::housed, context);
  if (p.place != Place::own_flat && !is_institution(p.place)) move_to(p, Place::own_flat, EndReason::housed, context);
  if (is_institution(p.place)) {
    // Moved in while still inside: the flat is kept only so long, as for any stay.
    const auto& spells = parameters_.behaviour.spells;
    start_timer(
        p, timer_tenancy_lapse,
        p.hf_enrolled ? spells.tenancy_kept_during_spell_max_days : spells.tenancy_kept_without_support_max_days,
        context);
  }
  Request started{Request::Kind::tenancy_started, p.id, now, unit};
  started.flag = p.hf_tenancy;
  request(context, started);
  if (p.hf_enrolled) {
    request(context, {Request::Kind::stop_hf_search, p.id, now});
    cancel_timer(p, timer_rehousing);
    if (hf_janitor_at(now)) {
      log(context).janitor.push_back({p.id, now, parameters_.costs.janitor_hours_per_move_in});
    }
  } else if (p.support == Support::none) {
    request(context, {Request::Kind::want_ordinary_follow_up, p.id, now, unit});
  }
}

bool CityModel::team_finds_next_flat(const Person& p) const {
  return p.hf_enrolled && parameters_.teams.housing_first.rehouse_after_loss;
}

// The tenant keeps the flat while a team that rehouses looks for the next one: when they want to move
// (001:1899-1901; 001:2917-2919), under notice or given time to leave instead of being thrown out
// (001:3031-3040).
void CityModel::look_for_next_flat(Person& p, EventContext& context) {
  if (p.moving_to_next_flat || !team_finds_next_flat(p)) return;
  p.moving_to_next_flat = true;
  request(context, {Request::Kind::start_hf_search, p.id, context.now()});
}

void CityModel::move_to_next_flat(Person& p, std::int32_t unit, bool short_of_choice, EventContext& context) {
  // Leaving under a managed exit or a notice still ends the lease that way; otherwise the tenant chose to.
  const EndReason reason = p.timer_due[timer_move_out] != never ? EndReason::managed_exit
                           : p.notice_pending                   ? EndReason::eviction_notice
                                                                : EndReason::moved_to_next_flat;
  p.moving_to_next_flat = false;
  hand_back_unit(p, reason, context);
  if (is_eviction(reason)) count_eviction(p, context);
  start_tenancy(p, unit, short_of_choice, context);
}

void CityModel::hand_back_unit(Person& p, EndReason reason, EventContext& context) {
  const double now = context.now();
  close_tenancy_spell(p, now, reason, context);
  Request released{Request::Kind::release_unit, p.id, now, p.unit};
  released.reason = reason;
  request(context, released);
  p.unit = -1;
  cancel_timer(p, timer_tenancy_lapse);
  cancel_timer(p, timer_move_out);
}

void CityModel::count_eviction(Person& p, EventContext& context) {
  const double now = context.now();
  auto& lp_log = log(context);
  ++lp_log.evictions;
  if (p.entry_day >= 0.0 && now > p.entry_day) ++lp_log.cohort_evictions;
  p.ineligible_until = now + parameters_.staircase.eviction_ineligibility_days;
}

void CityModel::end_tenancy(Person& p, EndReason reason, EventContext& context) {
  const double now = context.now();
  if (p.moving_to_next_flat) {
    p.moving_to_next_flat = false;
    request(context, {Request::Kind::stop_hf_search, p.id, now});
  }
  hand_back_unit(p, reason, context);
  p.notice_pending = false;
  p.hf_tenancy = false;
  if (reason == EndReason::death || reason == EndReason::moved_away) return;

  if (is_eviction(reason)) count_eviction(p, context);
  if (p.support == Support::ordinary_follow_up) end_support(p, EndReason::discharged, context);
  if (p.place == Place::own_flat) {
    move_to(p, Place::street_or_friends, reason, context);
    request_step(p, 1, false, context);
  }
  if (p.hf_enrolled) {
    if (parameters_.teams.housing_first.rehouse_after_loss) {
      start_timer(p, timer_rehousing, rehousing_delay(p), context);
    } else {
      end_support(p, EndReason::discharged, context);
    }
  }
  if (!rules_.readiness_required) {
    p.wants_waiting_list = true;
    want_waiting_list(p, context);
  }
}

void CityModel::evicted(Person& p, std::int32_t unit, bool immediate, EventContext& context) {
  if (p.unit != unit) return;
  EndReason reason = immediate ? EndReason::eviction_immediate : EndReason::eviction_notice;
  if (p.hf_enrolled &&
      engine::bernoulli(stream(p, slot_managed_exit), parameters_.teams.housing_first.managed_exit_share)) {
    reason = EndReason::managed_exit;
    // Instead of being thrown out, the tenant is given time to move (001:3031-3036).
    if (immediate && team_finds_next_flat(p) && parameters_.teams.housing_first.managed_exit_days > 0.0) {
      start_timer(p, timer_move_out, parameters_.teams.housing_first.managed_exit_days, context);
      look_for_next_flat(p, context);
      return;
    }
  }
  end_tenancy(p, reason, context);
}

void CityModel::leave_model(Person& p, Place destination, EndReason reason, EventContext& context) {
  const double now = context.now();
  if (p.unit >= 0) {
    close_tenancy_spell(p, now, reason, context);
    Request released{Request::Kind::release_unit, p.id, now, p.unit};
    released.reason = reason;
    request(context, released);
    p.unit = -1;
  }
  release_step_place(p, context);
  leave_waiting_list(p, reason, context);
  end_support(p, reason, context);
  close_location_spell(p, now, reason, context);
  auto& record = person_records_[p.id];
  record.days_at_substance_use_level[p.substance] += std::max(0.0, now - std::max(0.0, p.substance_since));
  record.days_at_mental_health_level[p.mental] += std::max(0.0, now - std::max(0.0, p.mental_since));
  if (destination == Place::dead && p.entry_day >= 0.0 && now > p.entry_day) ++log(context).cohort_deaths;
  p.place = destination;
  p.place_since = now;
  p.wanted_step = -1;
}

void CityModel::move_to(Person& p, Place place, EndReason reason, EventContext& context) {
  close_location_spell(p, context.now(), reason, context);
  p.place = place;
  p.place_since = context.now();
  const int step = step_of(place);
  if (step > 0) {
    const auto& s = parameters_.staircase;
    const double promotion_days[4] = {0.0, s.shelter_promotion_days, s.temporary_accommodation_promotion_days,
                                      s.training_flat_promotion_days};
    start_timer(p, timer_promotion, promotion_days[step], context);
  } else {
    cancel_timer(p, timer_promotion);
  }
}

// ----- staircase, waiting list, teams -------------------------------------------------------------

void CityModel::request_step(Person& p, int step, bool to_front, EventContext& context) {
  ++p.place_token;
  p.wanted_step = static_cast<std::int8_t>(step);
  Request wanted{Request::Kind::want_place, p.id, context.now(), step, p.place_token};
  wanted.flag = to_front;
  request(context, wanted);
}

void CityModel::release_step_place(Person& p, EventContext& context) {
  const int step = p.held_step > 0 ? p.held_step : step_of(p.place);
  p.held_step = 0;
  if (step > 0) request(context, {Request::Kind::release_place, p.id, context.now(), step});
}

void CityModel::want_waiting_list(Person& p, EventContext& context) {
  if (!p.wants_waiting_list || p.unit >= 0 || !is_present(p.place)) return;
  const double now = context.now();
  if (now < p.ineligible_until) {
    start_timer(p, timer_waiting_list_eligible, p.ineligible_until - now, context);
    return;
  }
  request(context, {Request::Kind::join_waiting_list, p.id, now});
}

void CityModel::leave_waiting_list(Person& p, EndReason reason, EventContext& context) {
  Request leave{Request::Kind::leave_waiting_list, p.id, context.now()};
  leave.reason = reason;
  request(context, leave);
}

void CityModel::assign_place(Person& p, int step, std::uint32_t token, EventContext& context) {
  const bool valid = is_present(p.place) && !is_institution(p.place) && p.unit < 0 && p.wanted_step == step &&
                     p.place_token == token && step_of(p.place) < step;
  if (!valid) {
    request(context, {Request::Kind::release_place, p.id, context.now(), step});
    return;
  }
  const bool promoted = step_of(p.place) > 0;
  release_step_place(p, context);
  move_to(p, place_of_step(step), promoted ? EndReason::promotion : EndReason::moved, context);
  p.wanted_step = -1;
  refresh_rates(p, context);
}

void CityModel::enrol_housing_first(Person& p, EventContext& context) {
  const double now = context.now();
  if (!is_present(p.place)) {
    Request end{Request::Kind::hf_end, p.id, now};
    end.reason = EndReason::discharged;
    request(context, end);
    return;
  }
  if (p.support == Support::ordinary_follow_up) {
    Request end{Request::Kind::ordinary_end, p.id, now};
    end.reason = EndReason::discharged;
    request(context, end);
  }
  p.hf_enrolled = true;
  p.support = Support::housing_first;
  if (p.entry_day < 0.0) p.entry_day = now;
  if (p.unit < 0) request(context, {Request::Kind::start_hf_search, p.id, now});
  start_visits(p, context);
  refresh_rates(p, context);
}

void CityModel::enrol_ordinary(Person& p, std::int32_t unit, EventContext& context) {
  if (is_present(p.place) && p.unit == unit && p.support == Support::none && !p.hf_enrolled) {
    p.support = Support::ordinary_follow_up;
    start_visits(p, context);
    return;
  }
  Request end{Request::Kind::ordinary_end, p.id, context.now()};
  end.reason = EndReason::discharged;
  request(context, end);
}

void CityModel::end_support(Person& p, EndReason reason, EventContext& context) {
  const double now = context.now();
  if (p.hf_enrolled) {
    Request end{Request::Kind::hf_end, p.id, now};
    end.reason = reason;
    request(context, end);
    p.hf_enrolled = false;
    p.moving_to_next_flat = false;
    cancel_timer(p, timer_rehousing);
  }
  if (p.support == Support::ordinary_follow_up) {
    Request end{Request::Kind::ordinary_end, p.id, now};
    end.reason = reason;
    request(context, end);
  }
  p.support = Support::none;
  p.visit_interval = 0.0;
  cancel_timer(p, timer_visit);
}

void CityModel::start_visits(Person& p, EventContext& context) {
  wake_episodes(p, context);  // a team that visits sees the episodes
  const bool team = p.support == Support::housing_first;
  const double per_week =
      team ? parameters_.teams.housing_first.visits_per_week : parameters_.teams.ordinary_follow_up.visits_per_week;
  p.visit_phase = context.now();
  // A team over its caseload visits less often than planned.
  const double load = team ? coordination_.hf_visit_load_factor : 1.0;
  p.visit_interval = per_week > 0.0 ? 7.0 * load / per_week : 0.0;
  schedule_crisis_detection(p, context);
}

void CityModel::schedule_crisis_detection(Person& p, EventContext& context) {
  if (p.support == Support::none || !(p.visit_interval > 0.0) || !(p.in_heavy_use || p.in_psychiatric)) return;
  const double now = context.now();
  const double until =
      std::max(p.in_heavy_use ? p.heavy_use_until : -never, p.in_psychiatric ? p.psychiatric_until : -never);
  const double visits_done = std::floor((now - p.visit_phase) / p.visit_interval);
  const double next_visit = p.visit_phase + (visits_done + 1.0) * p.visit_interval;
  if (next_visit < until) start_timer(p, timer_visit, next_visit - now, context);
}

double CityModel::rehousing_delay(const Person& p) const {
  engine::RandomStream stream(
      engine::StreamKey{seed_, replicate_, p.id, (std::uint64_t{purpose_rehousing_delay} << 32) | p.flats});
  return engine::exponential(stream, parameters_.teams.housing_first.rehousing_delay_days);
}

// ----- landlords --------------------------------------------------------------------------------

double CityModel::eviction_prevention_share(Support support) const {
  if (support == Support::ordinary_follow_up) return parameters_.teams.ordinary_follow_up.eviction_prevention_share;
  if (support != Support::housing_first) return 0.0;
  const auto& hf = parameters_.teams.housing_first;
  const auto& c = coordination_;
  const double intensity = 1.0 - std::exp(-c.hf_staff_per_participant / hf.prevention_staff_per_participant_scale);
  const double experienced = hf.eviction_prevention_base_share + hf.eviction_prevention_capacity_share * intensity;
  return experienced * (1.0 - hf.new_team_prevention_gap_share * (1.0 - c.team_experience));
}

void CityModel::handle_landlord(const engine::Event& event, EventContext& context) {
  if (event.kind != kind_complaint) return;
  const auto unit_id = static_cast<std::int32_t>(static_cast<std::uint32_t>(event.payload));
  const auto support = static_cast<Support>((event.payload >> 32) & 3U);
  const bool arrears = ((event.payload >> 34) & 1U) != 0;
  Unit& unit = units_[static_cast<std::size_t>(unit_id)];
  Landlord& landlord = landlords_[event.target - person_count_];
  const std::uint32_t person = event.source;
  if (unit.tenant != static_cast<std::int32_t>(person) || unit.terminating) return;
  const auto& rules = parameters_.behaviour.landlords;
  const double now = context.now();
  if (!arrears) {
    unit.complaints = fade(unit.complaints, now - unit.last_complaint_day, rules.complaint_memory_days) + 1.0;
    unit.last_complaint_day = now;
    if (unit.complaints < std::ceil(landlord.complaints_before_warning) - count_tolerance) return;
    unit.complaints = 0.0;
    unit.warnings = fade(unit.warnings, now - unit.last_warning_day, rules.warning_memory_days) + 1.0;
    unit.last_warning_day = now;
    ++log(context).warnings;
    if (unit.warnings <= rules.warnings_before_termination + count_tolerance) return;
  }
  engine::RandomStream decision(engine::StreamKey{seed_, replicate_, person,
                                                  (std::uint64_t{purpose_landlord_decision} << 48) |
                                                      (std::uint64_t{static_cast<std::uint32_t>(unit_id)} << 16) |
                                                      (unit.complaint_sequence++ & 0xFFFFU)});
  const bool prevented = engine::bernoulli(decision, eviction_prevention_share(support));
  const bool immediate = engine::bernoulli(decision, rules.immediate_eviction_share);
  if (prevented) {
    unit.warnings = rules.warnings_kept_after_prevention_share * rules.warnings_before_termination;
    unit.last_warning_day = now;
    unit.complaints = 0.0;
    request(context, {Request::Kind::prevented, person, now, unit_id});
    return;
  }
  unit.terminating = true;
  if (support == Support::housing_first) {
    ++landlord.programme_evictions;
    Request eviction{Request::Kind::eviction, person, now, unit_id};
    eviction.flag = true;
    request(context, eviction);
  }
  const std::uint64_t payload = static_cast<std::uint32_t>(unit_id);
  if (immediate) {
    context.schedule(now + 1.0, person, class_message, kind_eviction, payload | (1ULL << 32));
  } else {
    context.schedule(now + 1.0, person, class_message, kind_notice, payload);
    const auto expiry =
        static_cast<double>(notice_expiry_day(parameters_.window.start_date, now, rules.notice_period_months));
    context.schedule(std::max(now + 1.0, expiry), person, class_message, kind_eviction, payload);
  }
}

}  // namespace hsim::model::detail
