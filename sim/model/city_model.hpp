#pragma once

// The city as an engine model: people, landlords and the coordinator's weekly-meeting decisions.
//
// Entities: people 0..P-1 (programme cohort first, then the city pool), then private landlords, then
// one municipal landlord per district. Logical processes: one per district; a landlord belongs to its
// district's process, a person to the process of their home district. Every interaction between two
// entities is scheduled one day (the lookahead) later; city-wide decisions (intake, flat allocation,
// staircase places, the waiting list) are taken at the barrier.
//
// Order of work at each barrier (day boundary):
//   1. merge what the logical processes produced, in process order (spells, requests, counters);
//   2. census, on the census grid (state after every event before the barrier time);
//   3. decisions: vacancies open and expire, HF intake, HF flat offers, waiting-list offers,
//      staircase places, ordinary follow-up; their commands take effect at the barrier time;
//   4. snapshots (team capacity and reputation, homeless contacts) and invariant checks.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/engine/chunked_log.hpp"
#include "sim/engine/event.hpp"
#include "sim/engine/huge_page_allocator.hpp"
#include "sim/engine/partition.hpp"
#include "sim/engine/simulator.hpp"
#include "sim/model/city_state.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"
#include "sim/model/run.hpp"
#include "sim/model/social_network.hpp"

namespace hsim::model::detail {

struct PolicyRules {
  bool housing_first_team = false;
  int housing_first_places_limit = 0;  // 0: the caseload cap only
  bool readiness_required = true;      // staircase promotions gate the waiting list; incidents demote
  bool welfare_assisted_lets = false;  // usual services: the welfare office helps homeless people into private lets
};
[[nodiscard]] PolicyRules rules_of(PolicyName policy, const CityParameters& parameters);

class CityModel {
 public:
  // `threads`: how many threads may build the city's people (the result does not depend on it).
  CityModel(const CityParameters& parameters, PolicyName policy, std::uint64_t seed, std::uint64_t replicate,
            unsigned threads = 1, EventDraws draws = EventDraws::fewest);

  // Makes a city that has not run yet (a copy of one built for another policy) run under `policy`: of
  // everything built, only the programme entry day of the cohort and the count of entrants depend on it.
  void adopt_policy(PolicyName policy, EventDraws draws);

  [[nodiscard]] engine::Partition partition() const;
  [[nodiscard]] double start_day() const noexcept { return start_day_; }
  [[nodiscard]] double end_day() const noexcept { return end_day_; }
  void seed_events(engine::Simulator<CityModel>& simulator) const;

  void handle(const engine::Event& event, engine::EventContext& context);
  // Starts loading a person's clocks and random-stream positions into the cache (a hint, no effect).
  void prefetch(engine::EntityId entity) const noexcept;
  void at_barrier(engine::Coordinator& coordinator);

  // Closes every open spell at the end of the run and hands over the records; the people's state is
  // released (people() is empty afterwards).
  void finish(PersonRecords& people, SpellRecords& spells, std::vector<CensusRow>& census,
              std::vector<JanitorHours>& janitor);

  [[nodiscard]] const ObservedCounts& counters() const noexcept { return counters_; }
  [[nodiscard]] double pool_scale() const noexcept { return pool_scale_; }
  [[nodiscard]] double hf_fte_at(double day) const;
  [[nodiscard]] double hf_caseload_per_fte_at(double day) const;
  [[nodiscard]] bool hf_janitor_at(double day) const;
  [[nodiscard]] bool hf_extended_hours_at(double day) const;
  // Person-days simulated so far; call before finish.
  [[nodiscard]] double simulated_person_days() const;

  // Read access for the invariant checker.
  [[nodiscard]] const engine::EntityVector<Person>& people() const noexcept { return people_; }
  // When a person enters the model (kept in their output record only).
  [[nodiscard]] double appear_day(std::uint32_t person) const { return person_records_[person].appear_day; }
  [[nodiscard]] const engine::EntityVector<Unit>& units() const noexcept { return units_; }
  [[nodiscard]] const Coordination& coordination() const noexcept { return coordination_; }
  [[nodiscard]] const CityParameters& parameters() const noexcept { return parameters_; }
  [[nodiscard]] const PolicyRules& rules() const noexcept { return rules_; }
  [[nodiscard]] int housing_first_capacity_max() const noexcept { return hf_capacity_max_; }
  // People present by place, homeless and holding a tenancy, as kept up to date by their events.
  [[nodiscard]] CensusRow place_counts() const;

 private:
  // Construction.
  void build_landlords();
  void build_people();
  void build_units();
  // Draws person `id`'s own attributes into people_[id] and person_records_[id].
  void make_person(std::uint32_t id, bool cohort, const LevelShares& substance, const LevelShares& mental,
                   double female_share);
  void compute_district_weights();
  [[nodiscard]] double cohort_entry_day_at_build(const PersonRecord& record) const;
  [[nodiscard]] std::uint64_t entrants_at_build() const;
  int draw_district(engine::RandomStream& stream, bool private_stock) const;
  std::uint32_t draw_private_landlord(engine::RandomStream& stream, int district) const;

  // Person events.
  bool handle_person(Person& person, const engine::Event& event, engine::EventContext& context);
  void appear(Person& person, engine::EventContext& context);
  // `fired_rate` is the rate the clock ran at when it went off.
  void on_clock(Person& person, Clock clock, double fired_rate, engine::EventContext& context);
  void on_timer(Person& person, Timer timer, engine::EventContext& context);
  // A disturbance (or visitors' episode) in the person's place. One in their own flat is complained
  // about with its chance / `thinning_bound` (1 when every disturbance was drawn).
  void incident(Person& person, bool visitors, double thinning_bound, engine::EventContext& context);
  void start_spell(Person& person, Place institution, engine::EventContext& context);
  void end_spell(Person& person, engine::EventContext& context);
  // `short_of_choice`: taken when fewer flats were open than the team usually offers to choose from.
  void start_tenancy(Person& person, std::int32_t unit, bool short_of_choice, engine::EventContext& context);
  void end_tenancy(Person& person, EndReason reason, engine::EventContext& context);
  [[nodiscard]] bool team_finds_next_flat(const Person& person) const;
  void look_for_next_flat(Person& person, engine::EventContext& context);
  void count_eviction(Person& person, engine::EventContext& context);
  // Closes the tenancy's spell and lets the unit go.
  void hand_back_unit(Person& person, EndReason reason, engine::EventContext& context);
  void move_to_next_flat(Person& person, std::int32_t unit, bool short_of_choice, engine::EventContext& context);
  void leave_model(Person& person, Place destination, EndReason reason, engine::EventContext& context);
  void move_to(Person& person, Place place, EndReason reason, engine::EventContext& context);
  void request_step(Person& person, int step, bool to_front, engine::EventContext& context);
  void release_step_place(Person& person, engine::EventContext& context);
  void want_waiting_list(Person& person, engine::EventContext& context);
  void leave_waiting_list(Person& person, EndReason reason, engine::EventContext& context);
  void assign_place(Person& person, int step, std::uint32_t token, engine::EventContext& context);
  void enrol_housing_first(Person& person, engine::EventContext& context);
  void enrol_ordinary(Person& person, std::int32_t unit, engine::EventContext& context);
  void end_support(Person& person, EndReason reason, engine::EventContext& context);
  void start_visits(Person& person, engine::EventContext& context);
  void schedule_crisis_detection(Person& person, engine::EventContext& context);
  void evicted(Person& person, std::int32_t unit, bool immediate, engine::EventContext& context);

  // Episodes (episodes.cpp): drawn only while they can change something.
  enum class EpisodeKind : std::uint8_t { heavy_use, psychiatric };
  [[nodiscard]] bool episodes_matter(const Person& person) const;
  void bring_episode_forward(Person& person, EpisodeKind kind, double now);
  void put_episodes_to_sleep(Person& person, engine::EventContext& context);
  void wake_episodes(Person& person, engine::EventContext& context);
  // Puts the episodes to sleep or wakes them as the person's place or support now requires; true when it
  // woke them, which refreshes every rate.
  bool watch_episodes(Person& person, engine::EventContext& context);

  // Clocks and timers.
  [[nodiscard]] double desired_rate(const Person& person, Clock clock, double day) const;
  [[nodiscard]] double disturbances_per_day(const Person& person) const;
  // The chance that a disturbance in the person's own flat on `day` is complained about; with
  // `highest_from_day_on`, the most it can reach until the person's state changes.
  [[nodiscard]] double complaint_chance(const Person& person, double day, bool highest_from_day_on) const;
  void refresh_rates(Person& person, engine::EventContext& context);
  void set_clock_rate(Person& person, Clock clock, double rate_per_day, engine::EventContext& context);
  void start_timer(Person& person, Timer timer, double delay_days, engine::EventContext& context);
  void cancel_timer(Person& person, Timer timer) { person.timer_due[timer] = never; }
  void set_alarm_to_next_due(Person& person, engine::EventContext& context);
  bool fire_next_due(Person& person, engine::EventContext& context);

  // Landlord events.
  void handle_landlord(const engine::Event& event, engine::EventContext& context);

  // Records.
  void close_location_spell(const Person& person, double end, EndReason reason, engine::EventContext& context);
  void close_tenancy_spell(const Person& person, double end, EndReason reason, engine::EventContext& context);
  void request(engine::EventContext& context, const Request& request) {
    logs_[context.lp()].requests.push_back(request);
  }
  LpLog& log(engine::EventContext& context) { return logs_[context.lp()]; }

  // Coordinator.
  void apply_request(const Request& request);
  void take_census(double now);
  void count_cohort(double now, CensusRow& row) const;
  void open_vacancies(double now);
  void housing_first_intake(double now, engine::Coordinator& coordinator);
  void housing_first_offers(double now, engine::Coordinator& coordinator);
  void waiting_list_offers(double now, engine::Coordinator& coordinator);
  void staircase_places(double now, engine::Coordinator& coordinator);
  void ordinary_follow_up_intake(double now, engine::Coordinator& coordinator);
  void refresh_snapshots(double now, engine::Coordinator& coordinator);
  void count_homeless_contacts(double now, engine::Coordinator& coordinator);
  void close_coordinator_spell(std::uint32_t person, SpellType type, double start, double end, EndReason reason);
  [[nodiscard]] bool entitled_to_flat_offer(const Person& person) const;
  [[nodiscard]] engine::RandomStream offer_stream(std::uint32_t person);
  // Person p's stream in a slot, bound to its key (seed, replicate, p.id, the slot's purpose).
  [[nodiscard]] engine::BoundStream stream(const Person& p, PersonStreamSlot slot);
  [[nodiscard]] engine::BoundStream clock_stream(const Person& p, Clock clock);
  [[nodiscard]] double eviction_prevention_share(Support support) const;
  [[nodiscard]] double rehousing_delay(const Person& person) const;

  CityParameters parameters_;
  PolicyName policy_;
  PolicyRules rules_;
  std::uint64_t seed_;
  std::uint64_t replicate_;
  unsigned build_threads_;
  bool fewest_draws_;  // EventDraws::fewest
  double start_day_ = 0.0;
  double end_day_ = 0.0;
  double pool_scale_ = 1.0;
  std::uint32_t cohort_count_ = 0;
  std::uint32_t person_count_ = 0;
  std::uint32_t private_landlord_count_ = 0;
  std::vector<double> drug_scene_;
  std::array<std::vector<double>, 2> district_weights_;  // [municipal, private] flats by district
  engine::EntityVector<Person> people_;
  engine::EntityVector<PersonStreams> streams_;
  PersonRecords person_records_;
  std::vector<Landlord> landlords_;  // index = entity - person_count_
  engine::EntityVector<Unit> units_;
  std::vector<std::vector<std::uint32_t>> private_landlords_by_district_;
  ContactLists contacts_;
  Coordination coordination_;
  std::vector<LpLog> logs_;
  engine::ChunkedLog<SpellRecord> spells_;  // in order of arrival; sorted when handed over
  std::vector<CensusRow> census_;
  std::vector<JanitorHours> janitor_;
  ObservedCounts counters_;
  // The weekly count of tenants' homeless contacts, kept up to date from those who moved.
  std::vector<std::uint32_t> moved_since_count_;               // people whose place changed since the last count
  engine::EntityVector<std::uint16_t> homeless_contacts_now_;  // by person: contacts homeless at the last count
  engine::EntityVector<std::uint8_t> contact_state_;  // by person: homeless, in an own flat at the last count; noted
  std::vector<std::uint32_t> to_recheck_;
  std::vector<std::uint8_t> part_flags_;  // one per mover: where they are now, read in parts
  struct ContactChange {
    std::uint32_t contact;
    std::uint16_t change;  // added to the count modulo 2^16: 1, or 2^16 - 1 for -1
  };
  std::vector<ContactChange> contact_changes_;
  std::vector<std::uint32_t> touched_;
  double next_census_day_ = 0.0;
  double next_weekly_day_ = -never;
  int hf_capacity_max_ = 0;
  int hf_tenancies_ = 0;
};

}  // namespace hsim::model::detail
