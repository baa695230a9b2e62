#pragma once

// The table of every declared scenario key, in declaration order (which is also the order of the
// resolved YAML and of the parameter reference).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_spec.hpp"

namespace hsim::scenario {

class KeyRegistry {
 public:
  // Rejects (std::logic_error) a path declared twice, a key without a description, a key with neither
  // source nor assumption, a malformed source, and a path that is both a key and a section.
  void add(KeyDeclaration declaration);

  const std::vector<KeySpec>& keys() const { return keys_; }
  const KeySpec* find(const std::string& path) const;

  // True for a proper prefix of declared keys ("teams", "teams.housing_first"); "" is the top level.
  bool is_section(const std::string& path) const;

  // The names directly below a section, in declaration order ("housing_first", "ordinary_follow_up").
  std::vector<std::string> children(const std::string& section) const;

  // Top-level sections in declaration order.
  std::vector<std::string> sections() const { return children(""); }

 private:
  std::vector<KeySpec> keys_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::vector<std::string>> children_;
};

// Every key of a city scenario, built once on first use.
const KeyRegistry& scenario_keys();

// Metadata keys allowed at the top of a scenario file besides the sections.
inline const std::vector<std::string>& metadata_keys() {
  static const std::vector<std::string> names{"name", "description", "extends", "fragment"};
  return names;
}

}  // namespace hsim::scenario
