#pragma once

// The model's own parameter checks (sim/model/parameter_checks.hpp), reported at the position of the
// value they concern, so that a scenario the loader accepts is one the model will run.

#include <vector>

#include "sim/model/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/scenario.hpp"

namespace hsim::scenario {

void check_with_model(const model::CityParameters& parameters, const std::vector<ResolvedValue>& values,
                      Diagnostics& diagnostics);

}  // namespace hsim::scenario
