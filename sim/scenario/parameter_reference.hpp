#pragma once

// The parameter reference (scenarios/PARAMETERS.md), generated from the key declarations.

#include <string>

namespace hsim::scenario {

std::string parameter_reference_markdown();

}  // namespace hsim::scenario
