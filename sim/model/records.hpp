#pragma once

// What one replicate produces: per-person spells, a city time series, cost records and the summary
// metrics. Times are in days since window.start_date (negative during the burn-in).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/engine/huge_page_allocator.hpp"
#include "sim/model/parameters.hpp"

namespace hsim::model {

// What a spell describes. Location spells (where the person physically is) never overlap for one
// person; tenancy, enrolment and waiting-list spells run alongside them.
enum class SpellType : std::uint8_t {
  street_or_friends,
  shelter,
  temporary_accommodation,
  training_flat,
  own_flat,
  treatment,
  prison,
  tenancy,                       // a lease in the person's name (kept during short institution stays)
  housing_first_enrolment,       // followed up by the Housing First team
  ordinary_follow_up_enrolment,  // followed up by ordinary housing support
  waiting_list,                  // on the municipal housing waiting list
  count
};

inline constexpr std::array<std::string_view, static_cast<std::size_t>(SpellType::count)> spell_type_names{
    "street_or_friends",
    "shelter",
    "temporary_accommodation",
    "training_flat",
    "own_flat",
    "treatment",
    "prison",
    "tenancy",
    "housing_first_enrolment",
    "ordinary_follow_up_enrolment",
    "waiting_list"};

constexpr bool is_location(SpellType type) {
  return type <= SpellType::prison;
}

enum class EndReason : std::uint8_t {
  ongoing,             // still open at the end of the run (censored)
  moved,               // moved to another place (generic)
  promotion,           // staircase: moved up a step
  demotion,            // staircase: lost the place after an incident, sent one step down
  exclusion,           // staircase: lost the place after an incident, sent to the street
  admitted,            // entered treatment or prison
  released,            // left treatment or prison
  housed,              // moved into an own flat
  eviction_immediate,  // heving
  eviction_notice,     // oppsigelse, after the notice period
  managed_exit,        // eviction turned into a voluntary move by the team
  voluntary_move,      // the tenant ended the lease
  tenancy_lapsed,      // institution stay longer than the tenancy survives
  self_resolved,       // found housing on their own
  death,
  moved_away,
  offer_refused,       // waiting list: refused a flat and lost the place in the queue
  discharged,          // team follow-up ended (no rehousing after loss, or capacity)
  moved_to_next_flat,  // the team found the tenant another flat and they moved straight across
  count
};

inline constexpr std::array<std::string_view, static_cast<std::size_t>(EndReason::count)> end_reason_names{
    "ongoing",      "moved",          "promotion",      "demotion",           "exclusion",
    "admitted",     "released",       "housed",         "eviction_immediate", "eviction_notice",
    "managed_exit", "voluntary_move", "tenancy_lapsed", "self_resolved",      "death",
    "moved_away",   "offer_refused",  "discharged",     "moved_to_next_flat"};

// A tenancy ending for one of these reasons is a loss of housing (death, moving away and a move straight
// into the next flat are not).
constexpr bool is_housing_loss(EndReason reason) {
  return reason == EndReason::eviction_immediate || reason == EndReason::eviction_notice ||
         reason == EndReason::managed_exit || reason == EndReason::voluntary_move ||
         reason == EndReason::tenancy_lapsed;
}
constexpr bool is_eviction(EndReason reason) {
  return reason == EndReason::eviction_immediate || reason == EndReason::eviction_notice;
}

constexpr std::string_view to_string(SpellType type) {
  return spell_type_names[static_cast<std::size_t>(type)];
}
constexpr std::string_view to_string(EndReason reason) {
  return end_reason_names[static_cast<std::size_t>(reason)];
}

enum class EntryRoute : std::uint8_t {
  street_or_friends,
  temporary_accommodation,
  treatment_discharge,
  prison_release,
  risk_of_eviction,
  city_inflow,  // not a programme entrant: a member of the city's homeless pool
  count
};
inline constexpr std::array<std::string_view, static_cast<std::size_t>(EntryRoute::count)> entry_route_names{
    "street_or_friends", "temporary_accommodation", "treatment_discharge",
    "prison_release",    "risk_of_eviction",        "city_inflow"};
constexpr std::string_view to_string(EntryRoute route) {
  return entry_route_names[static_cast<std::size_t>(route)];
}

// One row per person-spell.
// 32 bytes: the fields are ordered by size so that no padding is left between them.
struct SpellRecord {
  double start_day = 0.0;
  double end_day = 0.0;  // end of the run for ongoing spells
  std::uint32_t person = 0;
  // For tenancy and own_flat spells: the unit, its tenure, district and the person's flat number
  // (1 = first flat since the person entered the model); -1 / 0 otherwise.
  std::int32_t unit = -1;
  std::int16_t district = -1;
  std::uint16_t flat_number = 0;
  SpellType type = SpellType::street_or_friends;
  EndReason end_reason = EndReason::ongoing;
  Tenure tenure = Tenure::private_rental;

  // True when the spell covers census time `day`: it began before `day` and had not ended before it.
  [[nodiscard]] bool covers(double day) const { return start_day < day && day <= end_day; }

  friend bool operator==(const SpellRecord&, const SpellRecord&) = default;
};

static_assert(sizeof(SpellRecord) == 32, "a spell record is held for every spell of the run");
using SpellRecords = engine::EntityVector<SpellRecord>;

// One row per person.
struct PersonRecord {
  std::uint32_t id = 0;
  bool cohort = false;             // referred to the programme (the comparison cohort under the staircase policy)
  bool refused_programme = false;  // offered the programme and said no (part of the city pool)
  EntryRoute entry_route = EntryRoute::city_inflow;
  double appear_day = 0.0;     // entered the model
  double referral_day = -1.0;  // cohort only
  double entry_day = -1.0;     // entered the programme (HF enrolment; the referral day under staircase)
  double age_years = 0.0;
  bool female = false;
  std::uint8_t initial_substance_use_level = 0;  // 0 low, 1 medium, 2 high
  std::uint8_t initial_mental_health_level = 0;
  std::int16_t home_district = 0;
  bool notice_pending_at_status = false;  // holds a tenancy under notice when the run ends (the status date)
  // Days spent at each severity level (0 low, 1 medium, 2 high) while in the model between day 0 and
  // the status date.
  std::array<double, 3> days_at_substance_use_level{};
  std::array<double, 3> days_at_mental_health_level{};

  friend bool operator==(const PersonRecord&, const PersonRecord&) = default;
};
using PersonRecords = engine::EntityVector<PersonRecord>;

// The city at one census time (counts of simulated people; multiply by ReplicateResult::pool_scale
// for city-pool counts at full scale).
struct CensusRow {
  double day = 0.0;
  int homeless_point_in_time = 0;  // street_or_friends + shelter + temporary_accommodation + training_flat
                                   // + institution stays without a tenancy
  int street_or_friends = 0;
  int shelter = 0;
  int temporary_accommodation = 0;
  int training_flat = 0;
  int own_flat = 0;
  int treatment = 0;
  int prison = 0;
  int tenancies = 0;
  int waiting_list_length = 0;
  int housing_first_caseload = 0;
  int housing_first_capacity = 0;
  int ordinary_follow_up_caseload = 0;
  int cohort_in_ordinary_housing = 0;  // cohort members who have entered and hold a tenancy
  int cohort_entered = 0;
  int cohort_homeless = 0;        // cohort members (referred) counted in homeless_point_in_time
  int cohort_waiting_list = 0;    // cohort members on the waiting list
  int cohort_notice_pending = 0;  // entered cohort members whose tenancy is under notice

  friend bool operator==(const CensusRow&, const CensusRow&) = default;
};

enum class CostItemName : std::uint8_t {
  hf_team_fte_year,
  ordinary_follow_up_fte_year,
  temporary_accommodation_night,
  shelter_night,
  training_flat_night,
  treatment_day,
  prison_day,
  janitor_hour,
  eviction_process,
  rent_support_month,
  emergency_clinic_visit,
  somatic_admission_day,
  psychiatric_admission_day,
  police_contact,
  deposit_guarantee_claim,
  municipal_flat_year,
  housing_grant_year,
  shelter_place_year,
  temporary_accommodation_place_year,
  training_flat_place_year,
  count
};
inline constexpr std::array<std::string_view, static_cast<std::size_t>(CostItemName::count)> cost_item_names{
    "hf_team_fte_year",
    "ordinary_follow_up_fte_year",
    "temporary_accommodation_night",
    "shelter_night",
    "training_flat_night",
    "treatment_day",
    "prison_day",
    "janitor_hour",
    "eviction_process",
    "rent_support_month",
    "emergency_clinic_visit",
    "somatic_admission_day",
    "psychiatric_admission_day",
    "police_contact",
    "deposit_guarantee_claim",
    "municipal_flat_year",
    "housing_grant_year",
    "shelter_place_year",
    "temporary_accommodation_place_year",
    "training_flat_place_year"};

// The programme's own items: what a Housing First budget line pays (the cost offset is measured against
// the change in these).
constexpr bool is_programme_item(CostItemName item) {
  return item == CostItemName::hf_team_fte_year || item == CostItemName::janitor_hour;
}
constexpr std::string_view to_string(CostItemName item) {
  return cost_item_names[static_cast<std::size_t>(item)];
}

// city_places holds the fixed cost of the city's staircase places, which no person's use moves.
enum class CostGroup : std::uint8_t { cohort, city_pool, city_places, count };
inline constexpr std::array<std::string_view, static_cast<std::size_t>(CostGroup::count)> cost_group_names{
    "cohort", "city_pool", "city_places"};
constexpr std::string_view to_string(CostGroup group) {
  return cost_group_names[static_cast<std::size_t>(group)];
}

// Resource use in one calendar year between window.start_date and the status date, priced from the
// price list at costs.price_year prices.
struct CostRecord {
  CostGroup group = CostGroup::cohort;
  int year = 0;
  CostItemName item = CostItemName::shelter_night;
  Payer payer = Payer::municipality;
  double quantity = 0.0;           // in the item's unit (nights, days, FTE-years, hours, processes, months, visits)
  double amount_nok = 0.0;         // quantity x price, undiscounted (a budget figure)
  double present_value_nok = 0.0;  // amount_nok discounted to window.start_date's year

  friend bool operator==(const CostRecord&, const CostRecord&) = default;
};

}  // namespace hsim::model
