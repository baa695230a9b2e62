// The coordinator: city-wide decisions taken at each barrier (in reality, weekly meetings), the
// census, and the snapshots handlers read during the next window.

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/engine/distributions.hpp"
#include "sim/model/census_counts.hpp"
#include "sim/model/city_model.hpp"
#include "sim/model/event_kinds.hpp"
#include "sim/model/invariants.hpp"
#include "sim/model/spell_order.hpp"

namespace hsim::model::detail {

namespace {

// How many entries ahead the barrier's walks over people in a list fetch the state they will read: the
// people are scattered over memory, and a large city's do not stay in the cache.
constexpr std::size_t fetch_ahead = 16;

}  // namespace

void CityModel::close_coordinator_spell(std::uint32_t person, SpellType type, double start, double end,
                                        EndReason reason) {
  SpellRecord spell;
  spell.person = person;
  spell.type = type;
  spell.end_reason = reason;
  spell.start_day = start;
  spell.end_day = end;
  spells_.push_back(spell);
}

engine::RandomStream CityModel::offer_stream(std::uint32_t person) {
  const std::uint32_t offer = coordination_.offers_made[person]++;
  return engine::RandomStream(
      engine::StreamKey{seed_, replicate_, person, (std::uint64_t{purpose_offer} << 32) | offer});
}

bool CityModel::entitled_to_flat_offer(const Person& p) const {
  const bool needs_flat = p.unit < 0 || (p.moving_to_next_flat && p.place == Place::own_flat);
  return is_present(p.place) && needs_flat && coordination_.pending_unit[p.id] < 0;
}

void CityModel::apply_request(const Request& r) {
  auto& c = coordination_;
  const std::uint32_t p = r.person;
  switch (r.kind) {
    case Request::Kind::release_place:
      --c.occupancy[static_cast<std::size_t>(r.value)];
      break;
    case Request::Kind::want_place: {
      auto& queue = c.place_queue[static_cast<std::size_t>(r.value)];
      const QueueEntry entry{p, r.time, r.token};
      if (r.flag) {
        queue.push_front(entry);
      } else {
        queue.push_back(entry);
      }
      break;
    }
    case Request::Kind::join_waiting_list:
      if (c.waiting_since[p] == -never) {
        c.waiting_since[p] = r.time;
        c.waiting_list.push_back({p, r.time, ++c.waiting_token[p]});
        ++c.waiting_list_length;
      }
      break;
    case Request::Kind::leave_waiting_list:
      if (c.waiting_since[p] != -never) {
        close_coordinator_spell(p, SpellType::waiting_list, c.waiting_since[p], r.time, r.reason);
        c.waiting_since[p] = -never;
        --c.waiting_list_length;
      }
      break;
    case Request::Kind::referral:
      c.referral_queue.push_back({p, r.time, 0});
      break;
    case Request::Kind::start_hf_search:
      if (std::find(c.hf_searchers.begin(), c.hf_searchers.end(), p) == c.hf_searchers.end()) {
        c.hf_searchers.push_back(p);
        c.next_offer_day[p] = r.time;
      }
      break;
    case Request::Kind::stop_hf_search:
      std::erase(c.hf_searchers, p);
      break;
    case Request::Kind::hf_end:
      if (c.hf_since[p] != -never) {
        close_coordinator_spell(p, SpellType::housing_first_enrolment, c.hf_since[p], r.time, r.reason);
        c.hf_since[p] = -never;
        --c.hf_caseload;
      }
      std::erase(c.hf_searchers, p);
      break;
    case Request::Kind::tenancy_started: {
      Unit& unit = units_[static_cast<std::size_t>(r.value)];
      unit.tenant = static_cast<std::int32_t>(p);
      unit.taken = true;
      unit.open = false;
      if (c.pending_unit[p] == r.value) c.pending_unit[p] = -1;
      if (r.flag) {
        unit.programme_tenancy = true;
        ++c.programme_tenants_by_district[static_cast<std::size_t>(unit.district)];
        ++hf_tenancies_;
      }
      break;
    }
    case Request::Kind::release_unit: {
      Unit& unit = units_[static_cast<std::size_t>(r.value)];
      if (c.pending_unit[p] == r.value) c.pending_unit[p] = -1;
      if (unit.tenant == static_cast<std::int32_t>(p)) {
        unit.tenant = -1;
        if (unit.programme_tenancy) {
          unit.programme_tenancy = false;
          --c.programme_tenants_by_district[static_cast<std::size_t>(unit.district)];
          --hf_tenancies_;
        }
      }
      break;
    }
    case Request::Kind::want_ordinary_follow_up:
      c.ordinary_queue.push_back({p, r.time, static_cast<std::uint32_t>(r.value)});
      break;
    case Request::Kind::ordinary_end:
      if (c.ordinary_since[p] != -never) {
        close_coordinator_spell(p, SpellType::ordinary_follow_up_enrolment, c.ordinary_since[p], r.time, r.reason);
        c.ordinary_since[p] = -never;
        --c.ordinary_caseload;
      }
      break;
    case Request::Kind::eviction:
      if (r.flag) ++c.programme_evictions;
      break;
    case Request::Kind::prevented: {
      ++counters_.terminations_stopped;
      const double entry = person_records_[p].entry_day;
      if (entry >= 0.0 && r.time > entry) ++counters_.cohort_evictions_prevented;
      break;
    }
    case Request::Kind::janitor_call_out:
      break;
  }
}

void CityModel::at_barrier(engine::Coordinator& coordinator) {
  const double now = coordinator.now();
  touched_.clear();
  for (auto& lp_log : logs_) {
    touched_.insert(touched_.end(), lp_log.touched.begin(), lp_log.touched.end());
    lp_log.touched.clear();
    moved_since_count_.insert(moved_since_count_.end(), lp_log.moved.begin(), lp_log.moved.end());
    lp_log.moved.clear();
    spells_.append(lp_log.spells);
    for (const Request& r : lp_log.requests) apply_request(r);
    janitor_.insert(janitor_.end(), lp_log.janitor.begin(), lp_log.janitor.end());
    counters_.complaints += lp_log.complaints;
    counters_.warnings += lp_log.warnings;
    counters_.evictions += lp_log.evictions;
    counters_.cohort_evictions += lp_log.cohort_evictions;
    counters_.cohort_deaths += lp_log.cohort_deaths;
    lp_log.spells.clear();
    lp_log.requests.clear();
    lp_log.janitor.clear();
    lp_log.complaints = lp_log.warnings = lp_log.evictions = lp_log.cohort_evictions = lp_log.cohort_deaths = 0;
  }
  coordination_.hf_tenancy_years += hf_tenancies_ / days_per_year;
  const bool weekly = now >= next_weekly_day_;
  if (weekly) next_weekly_day_ = now + 7.0;

  if (now >= 0.0 && now >= next_census_day_) {
    take_census(now);
    while (next_census_day_ <= now) next_census_day_ += parameters_.window.census_interval_days;
    if (next_census_day_ > end_day_ && now < end_day_) next_census_day_ = end_day_;
  }
  if (now < end_day_) {
    refresh_snapshots(now, coordinator);
    open_vacancies(now);
    if (rules_.housing_first_team && now >= 0.0) {
      housing_first_intake(now, coordinator);
      housing_first_offers(now, coordinator);
    }
    waiting_list_offers(now, coordinator);
    staircase_places(now, coordinator);
    ordinary_follow_up_intake(now, coordinator);
  }
#if HSIM_CHECKS
  // The debug, CI and sanitizer builds check the people touched at every barrier and everyone weekly; the
  // default build samples: up to weekly_checks_max of the people touched in the barrier that ends each
  // week (in a city of a million a day touches thousands), and everyone at the end.
  if (HSIM_FULL_CHECKS || weekly || now >= end_day_) {
    constexpr std::size_t weekly_checks_max = 1024;
    const std::span<const std::uint32_t> touched =
        HSIM_FULL_CHECKS ? std::span(touched_)
                         : std::span(touched_).first(std::min(touched_.size(), weekly_checks_max));
    check_invariants(*this, now, touched, (HSIM_FULL_CHECKS && weekly) || now >= end_day_, coordinator);
  }
#endif
}

void CityModel::take_census(double now) {
  CensusRow row = place_counts();
  row.day = now;
  count_cohort(now, row);
  row.waiting_list_length = coordination_.waiting_list_length;
  row.housing_first_caseload = coordination_.hf_caseload;
  row.housing_first_capacity = coordination_.hf_capacity;
  row.ordinary_follow_up_caseload = coordination_.ordinary_caseload;
  census_.push_back(row);
}

CensusRow CityModel::place_counts() const {
  CensusRow row;
  for (const LpLog& lp_log : logs_) add_place_counts(row, lp_log.place_counts);
  return row;
}

// The programme cohort's columns, from its members (people 0 .. cohort_count_ - 1).
void CityModel::count_cohort(double now, CensusRow& row) const {
  for (std::uint32_t id = 0; id < cohort_count_; ++id) {
    const Person& p = people_[id];
    const double entry = person_records_[id].entry_day;
    const bool entered = entry >= 0.0 && entry < now;
    if (!is_present(p.place)) {
      // Entrants who have died or moved away still count as entered.
      if (p.place != Place::absent && entered) ++row.cohort_entered;
      continue;
    }
    if (is_homeless(census_place_of(p))) ++row.cohort_homeless;
    if (coordination_.waiting_since[id] != -never) ++row.cohort_waiting_list;
    if (entered) {
      ++row.cohort_entered;
      if (p.unit >= 0) ++row.cohort_in_ordinary_housing;
      if (p.unit >= 0 && p.notice_pending) ++row.cohort_notice_pending;
    }
  }
}

void CityModel::refresh_snapshots(double now, engine::Coordinator& coordinator) {
  auto& c = coordination_;
  const double fte = hf_fte_at(now);
  // The caseload the team's staff can carry; the places limit of `mixed` may cap intake below it.
  const int planned = static_cast<int>(std::floor(fte * hf_caseload_per_fte_at(now) + 1e-9));
  const int capacity =
      rules_.housing_first_places_limit > 0 ? std::min(planned, rules_.housing_first_places_limit) : planned;
  c.hf_capacity = capacity;
  hf_capacity_max_ = std::max(hf_capacity_max_, capacity);
  c.hf_staff_per_participant = fte / std::max(1, c.hf_caseload);
  c.hf_visit_load_factor = planned > 0 ? std::max(1.0, static_cast<double>(c.hf_caseload) / planned) : 1.0;
  const auto& l = parameters_.behaviour.landlords;
  c.team_experience = 1.0 - std::exp(-c.hf_tenancy_years / l.reputation_tenancy_years_scale);
  c.team_reputation =
      std::clamp(c.team_experience - l.eviction_reputation_penalty_share * c.programme_evictions, 0.0, 1.0);
  const auto& of = parameters_.teams.ordinary_follow_up;
  c.ordinary_capacity =
      static_cast<int>(std::floor(of.fte * of.caseload_per_fte * parameters_.city.simulated_pool_share + 1e-9));

  // Weekly: how many of each tenant's contacts are homeless (visitor traffic).
  const auto day = static_cast<std::int64_t>(std::floor(now - start_day_));
  if (day % 7 == 0) count_homeless_contacts(now, coordinator);
}

// Only people who moved since the last count can have changed whether they are homeless or hold a flat,
// and only they and their contacts can have a different count; a tenant whose count differs from the one
// their visitor rate uses is told. The result is the same as counting every tenant's contacts afresh.
// Where the movers are now is read in parts on the run's threads; everything else is in small arrays by
// person, so nobody else's state is read.
void CityModel::count_homeless_contacts(double now, engine::Coordinator& coordinator) {
  constexpr std::uint8_t homeless_bit = 1;
  constexpr std::uint8_t noted_bit = 2;
  constexpr std::uint8_t tenant_bit = 4;  // in an own flat at the last count
  constexpr std::size_t movers_per_part = 256;
  to_recheck_.clear();
  const auto note = [this](std::uint32_t id) {
    if ((contact_state_[id] & noted_bit) != 0) return;
    contact_state_[id] |= noted_bit;
    to_recheck_.push_back(id);
  };
  part_flags_.resize(moved_since_count_.size());
  coordinator.for_each_part((moved_since_count_.size() + movers_per_part - 1) / movers_per_part, [&](std::size_t k) {
    const std::size_t end = std::min(moved_since_count_.size(), (k + 1) * movers_per_part);
    for (std::size_t i = k * movers_per_part; i < end; ++i) {
      const Place place = people_[moved_since_count_[i]].place;
      part_flags_[i] = static_cast<std::uint8_t>((is_homeless_place(place) ? homeless_bit : 0) |
                                                 (place == Place::own_flat ? tenant_bit : 0));
    }
  });
  // The counts change at the contacts of those who became or stopped being homeless. Those are
  // gathered first, so that the scattered counts can be fetched ahead of the additions.
  contact_changes_.clear();
  for (std::size_t i = 0; i < moved_since_count_.size(); ++i) {
    if (i + fetch_ahead < moved_since_count_.size()) {
      const std::uint32_t ahead = moved_since_count_[i + fetch_ahead];
      __builtin_prefetch(&contact_state_[ahead], 1);
      __builtin_prefetch(&contacts_.offsets[ahead]);
    }
    const std::uint32_t id = moved_since_count_[i];
    note(id);
    const std::uint8_t where = part_flags_[i];
    contact_state_[id] = static_cast<std::uint8_t>((contact_state_[id] & ~tenant_bit) | (where & tenant_bit));
    const bool homeless = (where & homeless_bit) != 0;
    if (homeless == ((contact_state_[id] & homeless_bit) != 0)) continue;
    contact_state_[id] ^= homeless_bit;
    const std::uint16_t change = homeless ? 1 : std::numeric_limits<std::uint16_t>::max();  // +1 or -1
    for (std::uint32_t j = contacts_.offsets[id]; j < contacts_.offsets[id + 1]; ++j) {
      contact_changes_.push_back({contacts_.contacts[j], change});
    }
  }
  for (std::size_t i = 0; i < contact_changes_.size(); ++i) {
    if (i + fetch_ahead < contact_changes_.size()) {
      const std::uint32_t ahead = contact_changes_[i + fetch_ahead].contact;
      __builtin_prefetch(&homeless_contacts_now_[ahead], 1);
      __builtin_prefetch(&contact_state_[ahead], 1);
    }
    const auto [contact, change] = contact_changes_[i];
    homeless_contacts_now_[contact] = static_cast<std::uint16_t>(homeless_contacts_now_[contact] + change);
    note(contact);
  }
  moved_since_count_.clear();
  auto& known = coordination_.homeless_contacts;
  for (const std::uint32_t id : to_recheck_) {
    contact_state_[id] &= static_cast<std::uint8_t>(~noted_bit);
    if ((contact_state_[id] & tenant_bit) == 0 || homeless_contacts_now_[id] == known[id]) continue;
    known[id] = homeless_contacts_now_[id];
    coordinator.schedule(now, id, class_command, kind_refresh_visitors);
  }
#if HSIM_FULL_CHECKS
  for (const Person& p : people_) {
    if (p.place != Place::own_flat) continue;
    std::uint16_t homeless = 0;
    for (std::uint32_t j = contacts_.offsets[p.id]; j < contacts_.offsets[p.id + 1]; ++j) {
      if (is_homeless_place(people_[contacts_.contacts[j]].place)) ++homeless;
    }
    if (homeless != known[p.id]) {
      throw std::logic_error("day " + std::to_string(now) + ": tenant " + std::to_string(p.id) + " has " +
                             std::to_string(homeless) + " homeless contacts, the weekly count kept " +
                             std::to_string(known[p.id]));
    }
  }
#endif
}

void CityModel::open_vacancies(double now) {
  auto& c = coordination_;
  const auto& l = parameters_.behaviour.landlords;
  while (c.next_vacancy < c.vacancy_order.size() &&
         units_[static_cast<std::size_t>(c.vacancy_order[c.next_vacancy])].arrival_day <= now) {
    const std::int32_t id = c.vacancy_order[c.next_vacancy++];
    Unit& unit = units_[static_cast<std::size_t>(id)];
    if (unit.use == Unit::Use::programme_private) {
      if (!rules_.housing_first_team) continue;
      const Landlord& landlord = landlords_[unit.landlord - person_count_];
      const double willingness =
          std::clamp(l.base_willingness_share + l.reputation_willingness_gain_share * c.team_reputation, 0.0, 1.0) *
          std::pow(1.0 - l.landlord_eviction_willingness_penalty_share, landlord.programme_evictions);
      engine::RandomStream stream(engine::StreamKey{
          seed_, replicate_, stream_entity_unit_base + static_cast<std::uint64_t>(id), purpose_vacancy});
      if (!engine::bernoulli(stream, willingness)) continue;
    }
    unit.open = true;
    c.open_units.push_back(id);
  }
  const double open_days = parameters_.housing.vacancy_open_days;
  std::erase_if(c.open_units, [&](std::int32_t id) {
    Unit& unit = units_[static_cast<std::size_t>(id)];
    if (!unit.open || unit.taken) return true;
    if (now - unit.arrival_day <= open_days) return false;
    if (unit.use == Unit::Use::municipal && unit.reserved_for_programme) {
      unit.reserved_for_programme = false;  // unused by the programme: to the waiting list
      unit.arrival_day = now;
      return false;
    }
    unit.open = false;
    return true;
  });
}

void CityModel::housing_first_intake(double now, engine::Coordinator& coordinator) {
  auto& c = coordination_;
  while (c.hf_caseload < c.hf_capacity && !c.referral_queue.empty()) {
    const QueueEntry entry = c.referral_queue.front();
    c.referral_queue.pop_front();
    const Person& p = people_[entry.person];
    if (!is_present(p.place) || c.hf_since[p.id] != -never) continue;
    c.hf_since[p.id] = now;
    ++c.hf_caseload;
    if (person_records_[p.id].entry_day < 0.0) {
      person_records_[p.id].entry_day = now;
      ++counters_.entrants;
    }
    coordinator.schedule(now, p.id, class_command, kind_enrol_hf);
  }
}

void CityModel::housing_first_offers(double now, engine::Coordinator& coordinator) {
  auto& c = coordination_;
  if (c.hf_searchers.empty()) return;
  const auto& districts = parameters_.neighbourhoods.districts;
  std::vector<std::int32_t> candidates;
  for (std::int32_t id : c.open_units) {
    const Unit& unit = units_[static_cast<std::size_t>(id)];
    if (!unit.open || unit.taken) continue;
    if (!districts[static_cast<std::size_t>(unit.district)].covered_by_programme) continue;
    const bool for_programme =
        unit.use == Unit::Use::programme_private || (unit.use == Unit::Use::municipal && unit.reserved_for_programme);
    if (for_programme) candidates.push_back(id);
  }
  if (candidates.empty()) return;
  // Scattered site: the flats shown first are in districts with the fewest programme tenants and the
  // least drug scene (001:1593-1594; 001:2360-2372).
  const double clustering = parameters_.neighbourhoods.clustering_penalty_share;
  const auto score = [&](std::int32_t id) {
    const auto d = static_cast<std::size_t>(units_[static_cast<std::size_t>(id)].district);
    return drug_scene_[d] + clustering * c.programme_tenants_by_district[d];
  };
  const auto flats_shown = static_cast<std::size_t>(parameters_.housing.flats_offered_to_choose_from);
  const double refusal = parameters_.behaviour.life.flat_refusal_share;
  // Those without a flat are housed before a tenant is moved (an assumption: a tenant has a home).
  std::vector<std::uint32_t> searchers = c.hf_searchers;
  std::stable_partition(searchers.begin(), searchers.end(),
                        [&](std::uint32_t person) { return people_[person].unit < 0; });
  for (std::uint32_t person : searchers) {
    if (candidates.empty()) break;
    const Person& p = people_[person];
    if (!entitled_to_flat_offer(p) || c.hf_since[person] == -never || c.next_offer_day[person] > now) continue;
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::int32_t a, std::int32_t b) {
      const double sa = score(a);
      const double sb = score(b);
      return sa != sb ? sa < sb : a < b;
    });
    engine::RandomStream stream = offer_stream(person);
    const std::size_t shown = std::min(flats_shown, candidates.size());
    std::size_t chosen = shown;
    for (std::size_t k = 0; k < shown; ++k) {
      if (!engine::bernoulli(stream, refusal)) {
        chosen = k;
        break;
      }
    }
    c.next_offer_day[person] = now + 7.0;
    if (chosen == shown) continue;
    const std::int32_t id = candidates[chosen];
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(chosen));
    Unit& unit = units_[static_cast<std::size_t>(id)];
    unit.taken = true;
    unit.open = false;
    unit.tenant = static_cast<std::int32_t>(person);
    c.pending_unit[person] = id;
    std::erase(c.hf_searchers, person);
    const std::uint64_t short_choice = shown < flats_shown ? move_in_short_choice_flag : 0;
    coordinator.schedule(now + parameters_.housing.move_in_preparation_days, person, class_command, kind_move_in,
                         static_cast<std::uint32_t>(id) | short_choice);
  }
}

// Whoever the walk down the list passes over stays passed over until the barrier ends: not entitled, inside,
// or offered a flat within the week (as is everyone who refuses). So one walk serves every open flat in
// turn, each flat going to the first entitled person after where the last flat stopped, and a
// refusal costs the place in the queue (001:2402-2404). The list keeps its order: those passed over,
// those not reached, then today's refusers. Entries left stale by leaving the list are dropped where
// the walk meets them.
void CityModel::waiting_list_offers(double now, engine::Coordinator& coordinator) {
  auto& c = coordination_;
  if (c.waiting_list.empty()) return;
  const double refusal = parameters_.behaviour.life.flat_refusal_share;
  std::vector<QueueEntry> passed_over;
  std::vector<QueueEntry> refused;
  // The walk reads the people on the list at random: those a few places ahead are fetched early.
  const auto fetch_waiting = [&](std::uint32_t person) {
    __builtin_prefetch(&c.waiting_since[person]);
    __builtin_prefetch(&c.waiting_token[person]);
    __builtin_prefetch(&c.next_offer_day[person]);
    __builtin_prefetch(&people_[person]);
  };
  auto next = c.waiting_list.begin();
  if (!c.open_units.empty()) {
    for (auto ahead = next; ahead != c.waiting_list.end() && static_cast<std::size_t>(ahead - next) < fetch_ahead;
         ++ahead) {
      fetch_waiting(ahead->person);
    }
  }
  for (std::int32_t id : c.open_units) {
    if (next == c.waiting_list.end()) break;
    Unit& unit = units_[static_cast<std::size_t>(id)];
    if (!unit.open || unit.taken || unit.use != Unit::Use::municipal) continue;
    if (unit.reserved_for_programme && rules_.housing_first_team) continue;
    for (; next != c.waiting_list.end(); ++next) {
      if (static_cast<std::size_t>(c.waiting_list.end() - next) > fetch_ahead) {
        fetch_waiting(next[static_cast<std::ptrdiff_t>(fetch_ahead)].person);
      }
      const QueueEntry entry = *next;
      const bool member = c.waiting_since[entry.person] != -never && c.waiting_token[entry.person] == entry.token;
      if (!member) continue;
      const Person& p = people_[entry.person];
      if (!entitled_to_flat_offer(p) || is_institution(p.place) || c.next_offer_day[p.id] > now) {
        passed_over.push_back(entry);
        continue;
      }
      c.next_offer_day[p.id] = now + 7.0;
      engine::RandomStream stream = offer_stream(p.id);
      if (engine::bernoulli(stream, refusal)) {
        refused.push_back(entry);
        continue;
      }
      close_coordinator_spell(p.id, SpellType::waiting_list, c.waiting_since[p.id], now, EndReason::housed);
      c.waiting_since[p.id] = -never;
      --c.waiting_list_length;
      unit.taken = true;
      unit.open = false;
      unit.tenant = static_cast<std::int32_t>(p.id);
      c.pending_unit[p.id] = id;
      coordinator.schedule(now + parameters_.housing.move_in_preparation_days, p.id, class_command, kind_move_in,
                           static_cast<std::uint32_t>(id));
      ++next;
      break;
    }
  }
  c.waiting_list.erase(c.waiting_list.begin(), next);
  c.waiting_list.insert(c.waiting_list.begin(), passed_over.begin(), passed_over.end());
  c.waiting_list.insert(c.waiting_list.end(), refused.begin(), refused.end());
}

void CityModel::staircase_places(double now, engine::Coordinator& coordinator) {
  auto& c = coordination_;
  for (int step = 3; step >= 1; --step) {
    const auto s = static_cast<std::size_t>(step);
    auto& queue = c.place_queue[s];
    // Most entries are stale and each reads a person at random: those a few places ahead are fetched early.
    const auto fetch = [&](std::size_t index) {
      if (index < queue.size()) __builtin_prefetch(&people_[queue[index].person]);
    };
    if (c.occupancy[s] < c.capacity[s]) {
      for (std::size_t k = 0; k < fetch_ahead; ++k) fetch(k);
    }
    while (c.occupancy[s] < c.capacity[s] && !queue.empty()) {
      fetch(fetch_ahead);
      const QueueEntry entry = queue.front();
      queue.pop_front();
      const Person& p = people_[entry.person];
      const bool valid = is_present(p.place) && p.wanted_step == step && p.place_token == entry.token &&
                         !is_institution(p.place) && p.unit < 0 && step_of(p.place) < step && c.pending_unit[p.id] < 0;
      if (!valid) continue;
      ++c.occupancy[s];
      coordinator.schedule(now, p.id, class_command, kind_assign_place,
                           static_cast<std::uint64_t>(step) | (std::uint64_t{entry.token} << 8));
    }
  }
}

void CityModel::ordinary_follow_up_intake(double now, engine::Coordinator& coordinator) {
  auto& c = coordination_;
  while (c.ordinary_caseload < c.ordinary_capacity && !c.ordinary_queue.empty()) {
    const QueueEntry entry = c.ordinary_queue.front();
    c.ordinary_queue.pop_front();
    const Person& p = people_[entry.person];
    const bool valid = is_present(p.place) && p.unit == static_cast<std::int32_t>(entry.token) &&
                       p.support == Support::none && !p.hf_enrolled && c.ordinary_since[p.id] == -never;
    if (!valid) continue;
    c.ordinary_since[p.id] = now;
    ++c.ordinary_caseload;
    coordinator.schedule(now, p.id, class_command, kind_enrol_ordinary, entry.token);
  }
}

void CityModel::finish(PersonRecords& people, SpellRecords& spells, std::vector<CensusRow>& census,
                       std::vector<JanitorHours>& janitor) {
  const double end = end_day_;
  for (const Person& p : people_) {
    auto& record = person_records_[p.id];
    if (!is_present(p.place)) continue;
    record.days_at_substance_use_level[p.substance] += std::max(0.0, end - std::max(0.0, p.substance_since));
    record.days_at_mental_health_level[p.mental] += std::max(0.0, end - std::max(0.0, p.mental_since));
    SpellRecord spell;
    spell.person = p.id;
    spell.type = spell_type_of(p.place);
    spell.start_day = p.place_since;
    spell.end_day = end;
    if (p.unit >= 0) {
      record.notice_pending_at_status = p.notice_pending;
      const Unit& unit = units_[static_cast<std::size_t>(p.unit)];
      if (p.place == Place::own_flat) {
        spell.unit = p.unit;
        spell.tenure = unit.tenure;
        spell.district = unit.district;
        spell.flat_number = p.flats;
      }
      SpellRecord tenancy;
      tenancy.person = p.id;
      tenancy.type = SpellType::tenancy;
      tenancy.start_day = p.tenancy_start;
      tenancy.end_day = end;
      tenancy.unit = p.unit;
      tenancy.tenure = unit.tenure;
      tenancy.district = unit.district;
      tenancy.flat_number = p.flats;
      spells_.push_back(tenancy);
    }
    spells_.push_back(spell);
  }
  const auto& c = coordination_;
  for (std::uint32_t id = 0; id < person_count_; ++id) {
    if (c.waiting_since[id] != -never) {
      close_coordinator_spell(id, SpellType::waiting_list, c.waiting_since[id], end, EndReason::ongoing);
    }
    if (c.hf_since[id] != -never) {
      close_coordinator_spell(id, SpellType::housing_first_enrolment, c.hf_since[id], end, EndReason::ongoing);
    }
    if (c.ordinary_since[id] != -never) {
      close_coordinator_spell(id, SpellType::ordinary_follow_up_enrolment, c.ordinary_since[id], end,
                              EndReason::ongoing);
    }
  }
  // The people's state is not read after this point; letting it go first keeps the spells' array
  // from adding to the run's peak memory.
  engine::EntityVector<Person>().swap(people_);
  engine::EntityVector<PersonStreams>().swap(streams_);
  spells = spells_.take_all();
  sort_spells(spells, build_threads_);
  people = std::move(person_records_);
  census = std::move(census_);
  janitor = std::move(janitor_);
}

double CityModel::simulated_person_days() const {
  double days = 0.0;
  for (const Person& p : people_) {
    if (p.place == Place::absent) continue;
    const double until = is_present(p.place) ? end_day_ : p.place_since;
    days += until - appear_day(p.id);
  }
  return days;
}

}  // namespace hsim::model::detail
