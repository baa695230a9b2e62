#pragma once

// Public entry point of the city model: one replicate of one policy.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/model/metrics.hpp"
#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"

namespace hsim::model {

// Counts the model's observers keep while the run goes; the summary's count metrics come from here
// and are checked against the spells.
struct ObservedCounts {
  std::uint64_t complaints = 0;  // all people, whole run
  std::uint64_t warnings = 0;
  std::uint64_t terminations_stopped = 0;
  std::uint64_t evictions = 0;
  // Observers of the programme cohort (after each entrant's entry, up to the status date).
  std::uint64_t entrants = 0;
  std::uint64_t cohort_evictions = 0;
  std::uint64_t cohort_evictions_prevented = 0;
  std::uint64_t cohort_deaths = 0;
};

struct ReplicateCounters : ObservedCounts {
  std::uint64_t events = 0;           // engine events committed
  std::uint64_t cross_lp_events = 0;  // of those, sent between logical processes
  std::uint64_t windows = 0;
  std::uint64_t peak_pending_events = 0;  // the most engine events waiting at once (alarms included)
  double simulated_person_days = 0.0;     // sum over people of days present in the model
};

struct ReplicateResult {
  PolicyName policy = PolicyName::housing_first;
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  double status_day = 0.0;  // census time of the status date (end of that day)
  double pool_scale = 1.0;  // multiply city-pool counts by this for full scale
  PersonRecords people;     // by id
  SpellRecords spells;      // sorted by (person, start_day, type)
  std::vector<CensusRow> time_series;
  std::vector<CostRecord> costs;
  SummaryMetrics summary;
  ReplicateCounters counters;
};

// People a replicate simulates: the initial pool, the inflow over burn-in and window (at the largest
// yearly inflow), and the programme intake.
struct PeopleOverRun {
  double initial = 0.0;
  double inflow = 0.0;
  double intake = 0.0;
  [[nodiscard]] double total() const { return initial + inflow + intake; }
};
[[nodiscard]] PeopleOverRun people_over_run(const CityParameters& parameters);

// Peak heap bytes of one replicate per simulated person (state, event queues and records), as
// bench/scaling_bench.cpp measures it: 1,056-1,261 B from 1x to 372x Bergen; policies sharing one
// built city (simulate_replicate_arms) hold about 460 B a person more. Rounded up, with room for cities
// with more spells a person, for the memory check before a run.
inline constexpr double replicate_bytes_per_person = 2048.0;

// Which events are drawn. `fewest` leaves out events that change nothing, without changing the model's
// law:
// - disturbances in a flat are thinned to those that may be complained about (each kept with its chance
//   over an upper bound, sim/model/complaint_chance.cpp), a third fewer events;
// - heavy-use and psychiatric episodes sleep while they can change nothing (no team, no own flat, no
//   staircase place that records incidents) and are brought forward by their transition law when they
//   matter again (sim/model/episodes.cpp), about a third of a city's events.
// Both tie the draws to the path a person takes: changing a complaint parameter rescales when every drawn
// disturbance falls, and a housing parameter changes when episodes wake. Drawing `all` keeps those draws
// in place, so runs compared across parameter values (calibration, fit, sweeps, sensitivity) draw all
// of them for the stronger common random numbers.
enum class EventDraws { fewest, all };

// Runs one replicate. Parameters are checked first (std::invalid_argument on problems). The result
// depends only on (parameters, policy, seed, replicate, disturbance draws): not on `threads`. The same
// person draws the same life events under every policy (common random numbers).
[[nodiscard]] ReplicateResult simulate_replicate(const CityParameters& parameters, PolicyName policy,
                                                 std::uint64_t seed, std::uint64_t replicate, unsigned threads = 1,
                                                 EventDraws draws = EventDraws::fewest);

// Runs one replicate under each of `policies`, in that order: the same results as simulate_replicate
// for each, with the city built once and copied for each policy (people, flats and landlords do not
// depend on the policy), up to shared_build_people_max people over the run. Larger cities are built
// for each policy, so that the built copy kept beside the running one does not double their memory.
[[nodiscard]] std::vector<ReplicateResult> simulate_replicate_arms(const CityParameters& parameters,
                                                                   std::span<const PolicyName> policies,
                                                                   std::uint64_t seed, std::uint64_t replicate,
                                                                   unsigned threads = 1,
                                                                   EventDraws draws = EventDraws::fewest);
inline constexpr double shared_build_people_max = 100'000.0;

}  // namespace hsim::model
