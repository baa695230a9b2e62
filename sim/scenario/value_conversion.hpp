#pragma once

// Turns the YAML node written for a declared key into a typed, range-checked Value.

#include <map>
#include <optional>
#include <string>

#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/key_spec.hpp"
#include "sim/scenario/provenance.hpp"
#include "sim/scenario/raw_node.hpp"

namespace hsim::scenario {

struct ConvertedValue {
  Value value;
  // Annotations and positions of the parts of a year map ("2015") or a list of records ("0.name").
  std::map<std::string, Provenance> part_provenance;
  std::map<std::string, Origin> part_origins;
};

// `node` is the value with any key-level annotation already removed. Every problem is reported.
std::optional<ConvertedValue> convert_value(const RawNode& node, const KeySpec& spec, const std::string& path,
                                            Diagnostics& diagnostics);

// What a key expects, e.g. "a number from 0 to 1", "one of staircase, housing_first or mixed".
std::string describe_expected(const KeySpec& spec);

}  // namespace hsim::scenario
