#pragma once

// Where a value's number comes from. In a file any value may be annotated:
//   caseload_per_fte: {value: 4, source: "001:1136-1144"}
//   caseload_per_fte: {value: 4, assumption: "why this value"}

#include <string>

#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/raw_node.hpp"

namespace hsim::scenario {

struct Provenance {
  std::string source;
  std::string assumption;

  bool empty() const { return source.empty() && assumption.empty(); }
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

// True for a mapping holding any of the annotation keys (value, source, assumption).
bool is_annotation(const RawNode& node);

struct Unwrapped {
  const RawNode* value = nullptr;  // the value itself; null when the annotation is broken
  Provenance provenance;
};

// Splits an annotation into value and provenance, validating it (unknown annotation keys, missing
// value, malformed source, empty assumption). A node that is not an annotation is returned as is.
Unwrapped unwrap_annotation(const RawNode& node, const std::string& key_path, Diagnostics& diagnostics);

}  // namespace hsim::scenario
