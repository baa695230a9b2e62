#pragma once

// The fully resolved scenario (defaults filled in, extends and overrides applied) as YAML. Loading the
// text back gives an equivalent Scenario. Every value carries its source or assumption, when known.

#include <string>

#include "sim/scenario/scenario.hpp"

namespace hsim::scenario {

std::string resolved_yaml(const Scenario& scenario);

// A double-quoted YAML string.
std::string quoted_yaml(const std::string& text);

}  // namespace hsim::scenario
