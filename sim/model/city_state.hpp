#pragma once

// The mutable state of one replicate. Ownership, which keeps runs identical at any thread count:
//  - a Person is written only by events of that person (its logical process);
//  - the landlord fields of a Unit, and a Landlord, only by events of that landlord;
//  - everything in Coordination (queues, allocation fields of units, snapshots) only at the barrier.
// Handlers may read coordination state: it does not change while a window runs.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <vector>

#include "sim/engine/huge_page_allocator.hpp"
#include "sim/engine/partition.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/model/calendar.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"

namespace hsim::model::detail {

inline constexpr double never = std::numeric_limits<double>::infinity();

// Work over many people (building them and their contact lists, checking them) runs in parts of this many
// on the run's threads; each part writes only its own results.
inline constexpr std::size_t people_per_part = 4096;

enum class Place : std::uint8_t {
  absent,  // not yet in the model
  street_or_friends,
  shelter,
  temporary_accommodation,
  training_flat,
  own_flat,
  treatment,
  prison,
  dead,
  moved_away,
  left_system  // found housing on their own and is no longer followed (city pool only)
};

// Staircase step of a place: 1 shelter, 2 temporary accommodation, 3 training flat, else 0.
constexpr int step_of(Place place) {
  switch (place) {
    case Place::shelter:
      return 1;
    case Place::temporary_accommodation:
      return 2;
    case Place::training_flat:
      return 3;
    default:
      return 0;
  }
}
constexpr Place place_of_step(int step) {
  return step == 1 ? Place::shelter : step == 2 ? Place::temporary_accommodation : Place::training_flat;
}
constexpr bool is_present(Place place) {
  return place != Place::absent && place != Place::dead && place != Place::moved_away && place != Place::left_system;
}
constexpr bool is_institution(Place place) {
  return place == Place::treatment || place == Place::prison;
}
// On the street, with friends or on a staircase step: a homeless contact brings visitors to a flat.
constexpr bool is_homeless_place(Place place) {
  return place == Place::street_or_friends || step_of(place) > 0;
}
constexpr SpellType spell_type_of(Place place) {
  switch (place) {
    case Place::shelter:
      return SpellType::shelter;
    case Place::temporary_accommodation:
      return SpellType::temporary_accommodation;
    case Place::training_flat:
      return SpellType::training_flat;
    case Place::own_flat:
      return SpellType::own_flat;
    case Place::treatment:
      return SpellType::treatment;
    case Place::prison:
      return SpellType::prison;
    default:
      return SpellType::street_or_friends;
  }
}

enum class Support : std::uint8_t { none, ordinary_follow_up, housing_first };

// Hazard clocks: processes whose rate depends on the person's state. Each holds an Exp(1) budget of
// integrated hazard, so pausing and changing the rate never consumes extra draws (common random
// numbers stay aligned across policies).
enum Clock : std::uint8_t {
  clock_substance,
  clock_mental,
  clock_heavy_use,
  clock_psychiatric,
  clock_disturbance,
  clock_visitors,
  clock_treatment,
  clock_prison,
  clock_death,
  clock_move_away,
  clock_self_resolve,
  clock_voluntary_move,
  clock_arrears,
  clock_assisted_let,  // usual services: the welfare office helps a homeless person into a private let
  clock_disengage,     // a Housing First participant without a flat drops out of contact
  clock_count
};

// Timers: fixed-delay events, cancelled by clearing their due time.
enum Timer : std::uint8_t {
  timer_heavy_use_end,
  timer_psychiatric_end,
  timer_spell_end,
  timer_tenancy_lapse,  // too long inside: the lease, or the staircase place held, is given up
  timer_promotion,
  timer_visit,
  timer_rehousing,
  timer_waiting_list_eligible,
  timer_move_out,  // a managed exit's last day in the flat
  timer_count
};

// Random stream purposes. Person streams are keyed by (seed, replicate, person id, purpose), never by
// policy. Purposes below clock_count are the clocks' own streams.
enum Purpose : std::uint64_t {
  purpose_attributes = 32,
  purpose_complaint,
  purpose_staircase,
  purpose_heavy_use_duration,
  purpose_psychiatric_duration,
  purpose_spell_duration,
  purpose_managed_exit,
  purpose_network,
  purpose_offer,              // keyed further by offer number
  purpose_landlord_decision,  // keyed further by unit and complaint number
  purpose_vacancy,
  purpose_landlord_setup,
  purpose_cohort_schedule,
  purpose_city_inflow,
  purpose_unit_setup,
  purpose_rehousing_delay,  // keyed further by the number of flats held
  purpose_complaint_propensity,
};

// A running clock stores its due day, a paused one the integrated hazard it still needs: with the rate
// beside it, a person's fifteen clocks take 240 bytes and finding the next due day needs no division.
//
// When a person appears, a clock's first Exp(1) budget is drawn when the clock first runs, not at once:
// each clock draws from its own stream and nothing else draws from it before the clock has fired, so
// it gets the same draws in the same order either way, and a clock that never runs (a tenant's arrears
// while the person stays homeless) draws nothing. After a firing the next budget is drawn at once,
// before the firing's own draws from the stream (a severity step).
struct HazardClock {
  static constexpr double undrawn = -1.0;  // paused with no budget drawn yet
  double due_or_budget = undrawn;          // the due day while rate > 0, the remaining budget while paused
  double rate = 0.0;                       // per day

  // When it fires at the present rate: never when paused or at or beyond `end_day`.
  [[nodiscard]] double due_day(double end_day) const {
    if (rate <= 0.0) return never;
    return due_or_budget < end_day ? due_or_budget : never;
  }

  // Pauses the clock until a rate is set; its budget is drawn then.
  void restart() { restart(undrawn); }

  // Starts a fresh Exp(1) `budget`, paused until a rate is set.
  void restart(double budget) {
    due_or_budget = budget;
    rate = 0.0;
  }

  // Changes the rate at `now`, keeping the hazard still to run; `draw_budget()` gives a fresh Exp(1)
  // budget and is called only when a clock restarted without one starts to run.
  template <class DrawBudget>
  void set_rate(double new_rate, double now, DrawBudget&& draw_budget) {
    if (new_rate == rate) return;
    if (rate <= 0.0 && due_or_budget == undrawn) due_or_budget = draw_budget();
    const double budget = rate > 0.0 ? std::max(0.0, (due_or_budget - now) * rate) : due_or_budget;
    rate = new_rate;
    due_or_budget = rate > 0.0 ? now + budget / rate : budget;
  }
};

// Person::next_due when neither a clock nor a timer is running.
inline constexpr std::uint8_t no_due = 0xFF;

template <std::size_t N>
constexpr std::array<double, N> all_never() {
  std::array<double, N> days{};
  days.fill(never);
  return days;
}

// Fields are ordered so that what the weekly census and the barrier walks read shares the first cache
// line, and so that no padding is left between them. Days spent at each severity level are kept in the
// person's output record (CityModel::person_records_), which is only touched when a level changes.
struct Person {
  // Read at every barrier walk (census, contacts, snapshots).
  Place place = Place::absent;
  bool cohort = false;
  bool notice_pending = false;
  bool hf_enrolled = false;
  bool hf_tenancy = false;
  bool in_heavy_use = false;
  bool in_psychiatric = false;
  Support support = Support::none;
  std::int32_t unit = -1;  // units are let once, so the unit id identifies the tenancy
  std::uint32_t id = 0;
  std::uint8_t substance = 0;
  std::uint8_t mental = 0;
  std::int8_t wanted_step = -1;
  bool wants_waiting_list = false;      // promoted past the training flat (or otherwise entitled to the list)
  bool flat_from_short_choice = false;  // taken when fewer flats were open than the team usually offers
  EntryRoute route = EntryRoute::city_inflow;
  Place initial_place = Place::street_or_friends;
  bool initial_waiting_list = false;
  std::uint8_t next_due = no_due;    // the clock (or clock_count + timer) the person's alarm stands for
  bool moving_to_next_flat = false;  // keeps the flat while the team looks for the next one
  std::int8_t held_step = 0;         // the staircase step whose place is held during an institution stay
  bool episodes_asleep = false;      // episodes are not drawn while they change nothing (episodes.cpp)
  std::uint32_t place_token = 0;
  std::uint16_t flats = 0;
  std::uint16_t flats_since_entry = 0;
  std::uint16_t self_resolutions = 0;
  // The flat's district and tenure, copied from the unit at move-in so that a complaint's odds need not
  // fetch the unit (a cache miss in a large city).
  std::int16_t unit_district = -1;
  std::int32_t initial_unit = -1;  // risk_of_eviction entrants: their flat
  std::array<std::int32_t, 3> self_resolve_units{-1, -1, -1};
  Tenure unit_tenure = Tenure::private_rental;
  double place_since = 0.0;
  double tenancy_start = 0.0;

  // State.
  double substance_since = 0.0;
  double mental_since = 0.0;
  double heavy_use_until = 0.0;
  double psychiatric_until = 0.0;
  double crisis_known_until = -never;
  // Home visits happen at visit_phase + k * visit_interval (k >= 1) while followed up; only a visit
  // during an episode changes anything, so only those are scheduled.
  double visit_phase = 0.0;
  double visit_interval = 0.0;
  double entry_day = -1.0;  // entered the programme (cohort only)
  double ineligible_until = -never;
  double complaint_propensity = 1.0;  // fixed multiplier on complaint odds

  // Fixed at construction (the day of entry is in the person's output record).
  double initial_spell_days = 0.0;  // treatment/prison entrants: days left inside

  // Bookkeeping.
  std::array<HazardClock, clock_count> clocks{};
  std::array<double, timer_count> timer_due = all_never<timer_count>();  // never when not running
};
static_assert(sizeof(Person) == 480, "held for every person of the run: keep it compact");

// Where each of a person's random streams stands, kept apart from Person so the state scanned at every
// barrier stays small. A stream's key is (seed, replicate, person id, purpose), so only the position is
// stored; CityModel::stream binds it. Slots 0..clock_count-1 are the clocks' streams (purpose = clock).
enum PersonStreamSlot : std::uint8_t {
  slot_complaint = std::uint8_t{clock_count},
  slot_staircase,
  slot_heavy_use_duration,
  slot_psychiatric_duration,
  slot_spell_duration,
  slot_managed_exit,
  person_stream_count
};

struct PersonStreams {
  std::array<engine::StreamPosition, person_stream_count> positions{};
};

struct Landlord {
  std::int16_t district = 0;
  Tenure tenure = Tenure::private_rental;
  double complaints_before_warning = 3.0;
  int programme_evictions = 0;  // written by this landlord's events
};

struct Unit {
  std::uint32_t landlord = 0;  // entity id
  std::int16_t district = 0;
  Tenure tenure = Tenure::private_rental;
  enum class Use : std::uint8_t { programme_private, municipal, initial_home, self_resolution } use = Use::municipal;
  bool reserved_for_programme = false;
  double arrival_day = 0.0;
  // Allocation (coordinator).
  std::int32_t tenant = -1;
  bool open = false;
  bool taken = false;
  bool programme_tenancy = false;
  // Complaint handling (landlord): complaints and warnings fade with time (exponential memory), so
  // they are counts weighted by how recent they are.
  double complaints = 0.0;
  double warnings = 0.0;
  double last_complaint_day = -never;
  double last_warning_day = -never;
  std::uint32_t complaint_sequence = 0;
  bool terminating = false;
};

// What the model's handlers ask of the coordinator; applied at the barrier in logical-process order.
struct Request {
  enum class Kind : std::uint8_t {
    release_place,
    want_place,
    join_waiting_list,
    leave_waiting_list,
    referral,
    start_hf_search,
    stop_hf_search,
    hf_end,
    tenancy_started,
    release_unit,
    want_ordinary_follow_up,
    ordinary_end,
    eviction,
    prevented,
    janitor_call_out,
  } kind;
  std::uint32_t person = 0;
  double time = 0.0;
  std::int32_t value = 0;  // step, unit, ... by kind
  std::uint32_t token = 0;
  bool flag = false;  // want_place: to the front of the queue; eviction: programme tenant
  EndReason reason = EndReason::ongoing;
};

struct JanitorHours {
  std::uint32_t person;
  double time;
  double hours;
};

// Everything one logical process produced during a window. Each on its own cache lines: the processes
// of one window write their logs at every event from different threads.
struct alignas(64) LpLog {
  std::vector<SpellRecord> spells;
  std::vector<Request> requests;
  std::vector<JanitorHours> janitor;
  std::vector<std::uint32_t> touched;  // people whose events ran (for the invariant checks)
  CensusRow place_counts;              // this process's people by place (running totals, never reset)
  std::vector<std::uint32_t> moved;    // people whose place or tenancy changed (for the contact count)
  std::uint64_t complaints = 0;
  std::uint64_t warnings = 0;
  std::uint64_t cohort_evictions = 0;
  std::uint64_t cohort_deaths = 0;
  std::uint64_t evictions = 0;
};

struct QueueEntry {
  std::uint32_t person;
  double since;
  std::uint32_t token;
};

struct Coordination {
  // Staircase places.
  std::array<int, 4> occupancy{};  // by step (index 0 unused)
  std::array<int, 4> capacity{};
  std::array<std::deque<QueueEntry>, 4> place_queue{};
  // Waiting list (order of joining); membership flag and spell start by person.
  std::deque<QueueEntry> waiting_list;
  engine::EntityVector<double> waiting_since;  // -never when not on the list
  int waiting_list_length = 0;
  // Housing First.
  std::deque<QueueEntry> referral_queue;
  std::vector<std::uint32_t> hf_searchers;  // in order of starting to search
  engine::EntityVector<double> next_offer_day;
  engine::EntityVector<double> hf_since;  // -never when not enrolled
  int hf_caseload = 0;
  int hf_capacity = 0;
  double hf_staff_per_participant = 0.0;  // snapshot for eviction prevention and visits
  double hf_visit_load_factor = 1.0;      // caseload / capacity when over capacity, else 1: visits thin out
  double team_experience = 0.0;           // 0..1, grows with the team's tenancy-years
  double team_reputation = 0.0;           // 0..1
  double hf_tenancy_years = 0.0;
  int programme_evictions = 0;
  engine::EntityVector<std::uint32_t> offers_made;  // by person, keys the offer streams
  engine::EntityVector<std::int32_t> pending_unit;  // by person: a flat allocated, move-in not yet done
  engine::EntityVector<std::uint32_t> waiting_token;
  // Ordinary follow-up.
  std::deque<QueueEntry> ordinary_queue;
  engine::EntityVector<double> ordinary_since;
  int ordinary_caseload = 0;
  int ordinary_capacity = 0;
  // Flats.
  std::size_t next_vacancy = 0;             // index into vacancy_order
  std::vector<std::int32_t> vacancy_order;  // vacancy units by arrival
  std::vector<std::int32_t> open_units;
  std::vector<int> programme_tenants_by_district;
  // Snapshots read by handlers.
  engine::EntityVector<std::uint16_t> homeless_contacts;  // by person, refreshed at census
};

}  // namespace hsim::model::detail
