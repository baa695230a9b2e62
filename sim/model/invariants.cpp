#include "sim/model/invariants.hpp"

#include <array>
#include <sstream>
#include <stdexcept>

#include "sim/model/census_counts.hpp"
#include "sim/model/city_model.hpp"

namespace hsim::model::detail {

namespace {
[[noreturn]] void fail(double now, const std::string& what) {
  std::ostringstream message;
  message << "city invariant violated at day " << now << ": " << what;
  throw std::logic_error(message.str());
}
}  // namespace

void check_invariants(const CityModel& model, double now, std::span<const std::uint32_t> checked, bool full) {
  const auto& people = model.people();
  const auto& units = model.units();
  const auto& c = model.coordination();
  std::array<int, 4> in_step{};
  int enrolled = 0;
  int on_list = 0;
  int followed = 0;
  CensusRow by_place;
  const auto check_person = [&](const Person& p) {
    if (model.appear_day(p.id) < now && p.place == Place::absent) {
      fail(now, "person " + std::to_string(p.id) + " should have entered the model (people not conserved)");
    }
    if (c.hf_since[p.id] != -never) ++enrolled;
    if (c.waiting_since[p.id] != -never) ++on_list;
    if (c.ordinary_since[p.id] != -never) ++followed;
    count_place(census_place_of(p), 1, by_place);
    if (!is_present(p.place)) {
      if (p.unit >= 0) fail(now, "person " + std::to_string(p.id) + " left the model but holds a tenancy");
      return;
    }
    const int step = step_of(p.place);
    if (step > 0) ++in_step[static_cast<std::size_t>(step)];
    if (p.unit >= 0) {
      if (step > 0 || p.place == Place::street_or_friends) {
        fail(now, "person " + std::to_string(p.id) + " holds a tenancy and a homeless place at once");
      }
      if (units[static_cast<std::size_t>(p.unit)].tenant != static_cast<std::int32_t>(p.id)) {
        fail(now, "unit " + std::to_string(p.unit) + " lets to " +
                      std::to_string(units[static_cast<std::size_t>(p.unit)].tenant) + " but person " +
                      std::to_string(p.id) + " lives there");
      }
      const Unit& unit = units[static_cast<std::size_t>(p.unit)];
      if (p.unit_district != unit.district || p.unit_tenure != unit.tenure) {
        fail(now, "person " + std::to_string(p.id) + " keeps another district or tenure than unit " +
                      std::to_string(p.unit) + " has");
      }
    } else if (p.place == Place::own_flat) {
      fail(now, "person " + std::to_string(p.id) + " is in an own flat without a tenancy");
    }
    if (p.moving_to_next_flat && (p.unit < 0 || !p.hf_enrolled)) {
      fail(now, "person " + std::to_string(p.id) + " is moving to a next flat without a flat or a team");
    }
    if (p.hf_enrolled && p.support != Support::housing_first) {
      fail(now, "person " + std::to_string(p.id) + " enrolled in Housing First without its support");
    }
  };
  if (full) {
    for (const Person& p : people) check_person(p);
  } else {
    for (std::uint32_t id : checked) check_person(people[id]);
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
