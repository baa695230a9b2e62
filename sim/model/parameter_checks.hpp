#pragma once

// Cross-field and range rules for a CityParameters, in one pass. The YAML loader maps each problem's
// key path back to a file line; the model refuses to run on parameters with problems.

#include <string>
#include <vector>

#include "sim/model/parameters.hpp"

namespace hsim::model {

struct ParameterProblem {
  std::string key_path;  // YAML path, e.g. "population.entry_route"
  std::string message;   // what is wrong and what was expected
};

[[nodiscard]] std::vector<ParameterProblem> check_parameters(const CityParameters& parameters);

// Throws std::invalid_argument listing every problem, if there is any.
void require_valid(const CityParameters& parameters);

}  // namespace hsim::model
