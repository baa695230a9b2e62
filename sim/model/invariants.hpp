#pragma once

// Invariants of the city state, checked at every barrier when HSIM_CHECKS is on: people conserved,
// no person in two places, no unit with two tenants, caseloads and places within their caps, and the
// coordinator's counts equal to the people they count. A violation throws std::logic_error.
//
// Every window checks the people whose events ran in it (`people`) and the caps; once a week
// (`full`) every person still in the model is checked and the counts are recounted.

#include <cstdint>
#include <span>

namespace hsim::engine {
class Coordinator;
}

namespace hsim::model::detail {

class CityModel;

// The people are checked in parts on the coordinator's threads.
void check_invariants(const CityModel& model, double now, std::span<const std::uint32_t> people, bool full,
                      const engine::Coordinator& coordinator);

}  // namespace hsim::model::detail
