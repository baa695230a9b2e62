#include "sim/model/invariants.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/engine/simulator.hpp"
#include "sim/model/census_counts.hpp"
#include "sim/model/city_model.hpp"

namespace hsim::model::detail {

namespace {

// What one part of the people adds up, and the first violation among them (empty when none).
struct Tally {
  std::array<int, 4> in_step{};
  int enrolled = 0;
  int on_list = 0;
  int followed = 0;
  CensusRow by_place;
  std::string failure;
};

[[noreturn]] void fail(double now, const std::string& what) {
  std::ostringstream message;
  message << "city invariant violated at day " << now << ": " << what;
  throw std::logic_error(message.str());
}
}  // namespace

void check_invariants(const CityModel& model, double now, std::span<const std::uint32_t> checked, bool full,
                      const engine::Coordinator& coordinator) {
  const auto& people = model.people();
  const auto& units = model.units();
  const auto& c = model.coordination();
  // Returns what is wrong with the person, or an empty text.
  const auto check_person = [&](const Person& p, Tally& tally) -> std::string {
    if (model.appear_day(p.id) < now && p.place == Place::absent) {
      return "person " + std::to_string(p.id) + " should have entered the model (people not conserved)";
    }
    if (c.hf_since[p.id] != -never) ++tally.enrolled;
    if (c.waiting_since[p.id] != -never) ++tally.on_list;
    if (c.ordinary_since[p.id] != -never) ++tally.followed;
    count_place(census_place_of(p), 1, tally.by_place);
    if (!is_present(p.place)) {
      if (p.unit >= 0) return "person " + std::to_string(p.id) + " left the model but holds a tenancy";
      return {};
    }
    const int step = step_of(p.place);
    if (step > 0) ++tally.in_step[static_cast<std::size_t>(step)];
    if (p.unit >= 0) {
      if (step > 0 || p.place == Place::street_or_friends) {
        return "person " + std::to_string(p.id) + " holds a tenancy and a homeless place at once";
      }
      const Unit& unit = units[static_cast<std::size_t>(p.unit)];
      if (unit.tenant != static_cast<std::int32_t>(p.id)) {
        return "unit " + std::to_string(p.unit) + " lets to " + std::to_string(unit.tenant) + " but person " +
               std::to_string(p.id) + " lives there";
      }
      if (p.unit_district != unit.district || p.unit_tenure != unit.tenure) {
        return "person " + std::to_string(p.id) + " keeps another district or tenure than unit " +
               std::to_string(p.unit) + " has";
      }
    } else if (p.place == Place::own_flat) {
      return "person " + std::to_string(p.id) + " is in an own flat without a tenancy";
    }
    if (p.moving_to_next_flat && (p.unit < 0 || !p.hf_enrolled)) {
      return "person " + std::to_string(p.id) + " is moving to a next flat without a flat or a team";
    }
    if (p.hf_enrolled && p.support != Support::housing_first) {
      return "person " + std::to_string(p.id) + " enrolled in Housing First without its support";
    }
    return {};
  };
  // The people are checked in parts on the run's threads (a sample of a day's people is one part); the
  // violation reported is the first in order, whichever thread found it.
  constexpr std::size_t checks_per_part = people_per_part;
  const std::size_t count = full ? people.size() : checked.size();
  std::vector<Tally> tallies((count + checks_per_part - 1) / checks_per_part);
  coordinator.for_each_part(tallies.size(), [&](std::size_t part) {
    Tally& tally = tallies[part];
    const std::size_t last = std::min(count, (part + 1) * checks_per_part);
    for (std::size_t i = part * checks_per_part; i < last && tally.failure.empty(); ++i) {
      tally.failure = check_person(full ? people[i] : people[checked[i]], tally);
    }
  });
  std::array<int, 4> in_step{};
  int enrolled = 0;
  int on_list = 0;
  int followed = 0;
  CensusRow by_place;
  for (const Tally& tally : tallies) {
    if (!tally.failure.empty()) fail(now, tally.failure);
    for (std::size_t s = 0; s < in_step.size(); ++s) in_step[s] += tally.in_step[s];
    enrolled += tally.enrolled;
    on_list += tally.on_list;
    followed += tally.followed;
    add_place_counts(by_place, tally.by_place);
  }
  for (int step = 1; step <= 3; ++step) {
    const auto s = static_cast<std::size_t>(step);
    if (!full) in_step[s] = 0;
    if (in_step[s] > c.occupancy[s] || c.occupancy[s] > c.capacity[s] || c.occupancy[s] < 0) {
      fail(now, "staircase step " + std::to_string(step) + ": " + std::to_string(in_step[s]) + " people, " +
                    std::to_string(c.occupancy[s]) + " places taken of " + std::to_string(c.capacity[s]));
    }
  }
  if (full) {
    if (enrolled != c.hf_caseload) fail(now, "Housing First caseload count differs from its members");
    if (on_list != c.waiting_list_length) fail(now, "waiting-list length differs from its members");
    if (followed != c.ordinary_caseload) fail(now, "ordinary follow-up caseload differs from its members");
    if (!same_place_counts(by_place, model.place_counts())) {
      fail(now, "the census's running counts by place differ from where the people are");
    }
  }
  if (c.ordinary_caseload > c.ordinary_capacity) fail(now, "ordinary follow-up caseload above its cap");
  // The team never takes anyone beyond its cap; when the FTE falls, the caseload may stay above the new cap.
  if (c.hf_caseload > model.housing_first_capacity_max()) fail(now, "Housing First caseload above its cap");
  if (c.hf_caseload > 0 && !model.rules().housing_first_team) fail(now, "Housing First caseload without a team");
}

}  // namespace hsim::model::detail
