#pragma once

// Composition of a scenario from its files and overrides, before any value is typed: the `extends`
// chain (base first, each file overriding key by key) and then the `--set key.path=value` overrides.
// The result maps each declared key to the node that last wrote it.

#include <filesystem>
#include <map>
#include <string>

#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/raw_node.hpp"
#include "sim/scenario/scenario.hpp"

namespace hsim::scenario {

struct WrittenValue {
  RawNode node;  // as written, possibly annotated
  ValueOrigin origin_kind = ValueOrigin::file;
};

struct Composition {
  std::map<std::string, WrittenValue> values;     // by declared key path
  std::map<std::string, Origin> section_origins;  // where each section was last opened
  ScenarioMetadata metadata;
  bool all_files_read = true;  // false when a file of the chain could not be read or parsed
};

// Reads `file` and, first, everything it extends. Unknown keys, malformed files, cycles and the
// like are reported; whatever could be read is kept so that later checks still run.
void compose_file(const std::filesystem::path& file, const KeyRegistry& keys, Composition& composition,
                  Diagnostics& diagnostics);

// Applies one `key.path=value` override (the value is YAML: a scalar, or a flow mapping or list).
void apply_set_override(const std::string& argument, const KeyRegistry& keys, Composition& composition,
                        Diagnostics& diagnostics);

}  // namespace hsim::scenario
