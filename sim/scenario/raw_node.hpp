#pragma once

// A YAML document as plain data with a position on every node, independent of yaml-cpp, so that
// files and `--set` overrides can be composed and reported the same way.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/diagnostics.hpp"

namespace hsim::scenario {

struct RawEntry;

struct RawNode {
  enum class Kind { null, scalar, mapping, sequence };

  Kind kind = Kind::null;
  std::string text;               // scalar text
  bool quoted = false;            // written in quotes (or tagged !!str): never a number or boolean
  std::vector<RawEntry> entries;  // mapping, in document order, duplicates removed
  std::vector<RawNode> items;     // sequence
  Origin origin;

  const RawNode* find(const std::string& key) const;
};

struct RawEntry {
  std::string key;
  Origin key_origin;
  RawNode value;
};

// How a node is shown after "found": "4x" in quotes, "a mapping", "a list", "nothing".
std::string describe_found(const RawNode& node);

// Parses YAML text. Malformed YAML, non-scalar mapping keys, duplicate keys and documents larger
// than limits::max_yaml_nodes are reported; the result is empty only when nothing usable was read.
std::optional<RawNode> parse_yaml_text(const std::string& text, const std::string& where, Diagnostics& diagnostics);

// Reads a file (refusing files above limits::max_file_bytes before parsing) and parses it.
std::optional<RawNode> read_yaml_file(const std::filesystem::path& path, const std::string& where,
                                      Diagnostics& diagnostics);

}  // namespace hsim::scenario
