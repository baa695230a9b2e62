#include "sim/scenario/provenance.hpp"

#include <algorithm>

#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/source_citation.hpp"

namespace hsim::scenario {
namespace {

const std::vector<std::string>& annotation_keys() {
  static const std::vector<std::string> keys{"value", "source", "assumption"};
  return keys;
}

}  // namespace

bool is_annotation(const RawNode& node) {
  if (node.kind != RawNode::Kind::mapping || node.entries.empty()) return false;
  if (node.find("value") != nullptr) return true;
  // {source: ...} alone is an annotation that lacks its value; {2014: 22, source: ...} is a year map.
  // A misspelt annotation ({valux: 3}) is still read as one, so that the message names the field.
  for (const auto& entry : node.entries) {
    const bool annotation =
        std::find(annotation_keys().begin(), annotation_keys().end(), entry.key) != annotation_keys().end();
    if (!annotation && !nearest_name(entry.key, annotation_keys())) return false;
  }
  return true;
}

Unwrapped unwrap_annotation(const RawNode& node, const std::string& key_path, Diagnostics& diagnostics) {
  if (!is_annotation(node)) return Unwrapped{&node, {}};
  Unwrapped result;
  bool broken = false;
  for (const auto& entry : node.entries) {
    if (entry.key == "value") {
      result.value = &entry.value;
      continue;
    }
    const bool is_source = entry.key == "source";
    if (!is_source && entry.key != "assumption") {
      std::string expected = "value, source or assumption in an annotated value";
      if (const auto near = nearest_name(entry.key, annotation_keys())) expected += " (did you mean '" + *near + "'?)";
      diagnostics.add_found_expected(entry.key_origin, key_path, "unknown annotation key '" + entry.key + "'",
                                     expected);
      broken = true;
      continue;
    }
    if (entry.value.kind != RawNode::Kind::scalar || entry.value.text.empty()) {
      diagnostics.add_found_expected(entry.value.origin, key_path, describe_found(entry.value) + " as " + entry.key,
                                     is_source ? std::string(citation_forms) : "a reason written as text");
      broken = true;
      continue;
    }
    if (is_source) {
      if (const auto problem = citation_problem(entry.value.text)) {
        diagnostics.add(entry.value.origin, key_path,
                        "found source " + describe_found(entry.value) + " (" + *problem + "), expected " +
                            std::string(citation_forms));
        broken = true;
        continue;
      }
      result.provenance.source = entry.value.text;
    } else {
      result.provenance.assumption = entry.value.text;
    }
  }
  if (result.value == nullptr) {
    diagnostics.add_found_expected(node.origin, key_path, "a source or assumption without a value",
                                   "{value: X, source: \"...\"} or {value: X, assumption: \"...\"}");
    broken = true;
  }
  if (broken) result.value = nullptr;
  return result;
}

}  // namespace hsim::scenario
