#pragma once

// Canonical text of typed values: numbers in their shortest form that reads back exactly.

#include <string>

#include "sim/scenario/key_spec.hpp"

namespace hsim::scenario {

std::string number_text(double value);
std::string field_text(const FieldValue& value);
// Scalars as text; year maps as "{2014: 6, 2015: 5.5}"; record lists as "N entries".
std::string value_text(const Value& value);

}  // namespace hsim::scenario
