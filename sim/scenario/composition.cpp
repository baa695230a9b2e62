#include "sim/scenario/composition.hpp"

#include <algorithm>
#include <system_error>

#include "sim/scenario/limits.hpp"
#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/provenance.hpp"
#include "sim/scenario/strict_scalar.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::scenario {
namespace {

std::string join_path(const std::string& section, const std::string& key) {
  return section.empty() ? key : section + "." + key;
}

std::string unknown_key_hint(const std::string& key, const std::string& section, const KeyRegistry& keys) {
  std::vector<std::string> candidates = keys.children(section);
  if (section.empty()) candidates.insert(candidates.end(), metadata_keys().begin(), metadata_keys().end());
  if (const auto near = nearest_name(key, candidates)) return " (did you mean '" + *near + "'?)";
  // The right name in the wrong section.
  for (const auto& spec : keys.keys()) {
    const auto dot = spec.path.rfind('.');
    if (spec.path.substr(dot == std::string::npos ? 0 : dot + 1) == key) {
      return " (did you mean '" + spec.path + "'?)";
    }
  }
  if (candidates.size() <= 12) return " (one of " + join_alternatives(candidates) + ")";
  return "";
}

void collect_values(const RawNode& mapping, const std::string& section, ValueOrigin origin_kind,
                    const KeyRegistry& keys, Composition& composition, Diagnostics& diagnostics) {
  for (const auto& entry : mapping.entries) {
    if (section.empty() &&
        std::find(metadata_keys().begin(), metadata_keys().end(), entry.key) != metadata_keys().end()) {
      continue;
    }
    const std::string path = join_path(section, entry.key);
    if (keys.find(path) != nullptr) {
      composition.values[path] = WrittenValue{entry.value, origin_kind};
      continue;
    }
    if (keys.is_section(path)) {
      composition.section_origins[path] = entry.key_origin;
      if (entry.value.kind == RawNode::Kind::mapping) {
        collect_values(entry.value, path, origin_kind, keys, composition, diagnostics);
      } else if (entry.value.kind != RawNode::Kind::null) {
        diagnostics.add_found_expected(entry.value.origin, path, describe_found(entry.value),
                                       "a mapping of the keys of section " + path);
      }
      continue;
    }
    const std::string where = section.empty() ? "the top level" : section;
    diagnostics.add_found_expected(entry.key_origin, path, "unknown key '" + entry.key + "'",
                                   "a key of " + where + unknown_key_hint(entry.key, section, keys));
  }
}

std::optional<std::string> metadata_text(const RawNode& root, const std::string& key, Diagnostics& diagnostics) {
  const RawNode* node = root.find(key);
  if (node == nullptr) return std::nullopt;
  if (node->kind != RawNode::Kind::scalar || node->text.empty() || node->text.size() > limits::max_text_bytes) {
    diagnostics.add_found_expected(node->origin, key, describe_found(*node), "text");
    return std::nullopt;
  }
  return node->text;
}

std::string chain_text(const std::vector<std::filesystem::path>& chain, const std::filesystem::path& closing) {
  std::string text;
  for (const auto& file : chain) text += file.string() + " -> ";
  return text + closing.string();
}

std::filesystem::path identity_of(const std::filesystem::path& file) {
  std::error_code error;
  auto canonical = std::filesystem::weakly_canonical(file, error);
  return error ? file.lexically_normal() : canonical;
}

void compose_chain(const std::filesystem::path& file, std::vector<std::filesystem::path>& chain,
                   std::vector<std::filesystem::path>& identities, const KeyRegistry& keys, Composition& composition,
                   Diagnostics& diagnostics) {
  const std::string where = file.string();
  const auto root = read_yaml_file(file, where, diagnostics);
  if (!root) {
    composition.all_files_read = false;
    return;
  }
  if (root->kind != RawNode::Kind::mapping) {
    diagnostics.add_found_expected(root->origin, "", describe_found(*root), "a mapping of scenario sections");
    composition.all_files_read = false;
    return;
  }
  chain.push_back(file);
  identities.push_back(identity_of(file));
  if (const RawNode* extends = root->find("extends")) {
    if (extends->kind != RawNode::Kind::scalar || extends->text.empty()) {
      diagnostics.add_found_expected(extends->origin, "extends", describe_found(*extends),
                                     "the path of another scenario file, relative to this one");
    } else {
      const std::filesystem::path base = (file.parent_path() / extends->text).lexically_normal();
      const auto identity = identity_of(base);
      if (std::find(identities.begin(), identities.end(), identity) != identities.end()) {
        diagnostics.add_found_expected(extends->origin, "extends", "an extends cycle " + chain_text(chain, base),
                                       "a chain of files that ends");
        composition.all_files_read = false;
      } else if (chain.size() >= limits::max_extends_depth) {
        diagnostics.add_found_expected(extends->origin, "extends",
                                       "a chain of more than " + std::to_string(limits::max_extends_depth) + " files",
                                       "a shorter extends chain");
      } else {
        std::error_code error;
        if (!std::filesystem::is_regular_file(base, error)) {
          const std::string what = std::filesystem::is_directory(base, error) ? "a folder, not a file"
                                   : std::filesystem::exists(base, error)     ? "not a regular file"
                                                                              : "no such file";
          diagnostics.add_found_expected(extends->origin, "extends",
                                         describe_found(*extends) + " (" + what + ": " + base.string() + ")",
                                         "the path of another scenario file, relative to this one");
          composition.all_files_read = false;
        } else {
          composition.metadata.files.push_back(base);
          compose_chain(base, chain, identities, keys, composition, diagnostics);
        }
      }
    }
  }
  if (const auto name = metadata_text(*root, "name", diagnostics)) composition.metadata.name = *name;
  if (const auto description = metadata_text(*root, "description", diagnostics)) {
    composition.metadata.description = *description;
  }
  if (const RawNode* fragment = root->find("fragment")) {
    const auto flag =
        fragment->kind == RawNode::Kind::scalar && !fragment->quoted ? parse_boolean(fragment->text) : std::nullopt;
    if (!flag) {
      diagnostics.add_found_expected(fragment->origin, "fragment", describe_found(*fragment), "true or false");
    } else if (chain.size() == 1) {
      composition.metadata.fragment = *flag;  // describes the file itself; not inherited
    }
  }
  collect_values(*root, "", ValueOrigin::file, keys, composition, diagnostics);
  chain.pop_back();
  identities.pop_back();
}

void forget_positions(RawNode& node, const Origin& origin) {
  node.origin = origin;
  for (auto& entry : node.entries) {
    entry.key_origin = origin;
    forget_positions(entry.value, origin);
  }
  for (auto& item : node.items) forget_positions(item, origin);
}

RawNode scalar_node(std::string text, const Origin& origin) {
  RawNode node;
  node.kind = RawNode::Kind::scalar;
  node.text = std::move(text);
  node.origin = origin;
  return node;
}

// A year map written out as YAML nodes (for overriding one entry of a default map).
RawNode year_map_node(const Value& value, const Origin& origin) {
  RawNode node;
  node.kind = RawNode::Kind::mapping;
  node.origin = origin;
  std::visit(
      [&](const auto& entries) {
        using T = std::decay_t<decltype(entries)>;
        if constexpr (std::is_same_v<T, YearIntegers> || std::is_same_v<T, YearReals>) {
          for (const auto& [year, entry] : entries) {
            node.entries.push_back(
                RawEntry{std::to_string(year), origin, scalar_node(value_text(Value{entry}), origin)});
          }
        }
      },
      value);
  return node;
}

void set_year_entry(RawNode& map, const std::string& year, RawNode entry_value) {
  RawNode* target = &map;
  if (is_annotation(map)) {
    for (auto& entry : map.entries) {
      if (entry.key == "value") target = &entry.value;
    }
  }
  if (target->kind != RawNode::Kind::mapping) {
    target->kind = RawNode::Kind::mapping;
    target->entries.clear();
  }
  for (auto& entry : target->entries) {
    if (entry.key == year) {
      entry.value = std::move(entry_value);
      return;
    }
  }
  target->entries.push_back(RawEntry{year, entry_value.origin, std::move(entry_value)});
}

}  // namespace

void compose_file(const std::filesystem::path& file, const KeyRegistry& keys, Composition& composition,
                  Diagnostics& diagnostics) {
  composition.metadata.files.insert(composition.metadata.files.begin(), file);
  std::vector<std::filesystem::path> chain;
  std::vector<std::filesystem::path> identities;
  compose_chain(file, chain, identities, keys, composition, diagnostics);
  if (composition.metadata.name.empty()) composition.metadata.name = file.stem().string();
}

namespace {

// Brackets opened minus brackets closed, outside quotes: positive when the shell cut a flow mapping or list
// at a space (--set k={2019: 5, 2020: 6} without quotes arrives as "k={2019:", "5," and "6}").
int unclosed_brackets(const std::string& text) {
  int depth = 0;
  char quote = 0;
  for (const char c : text) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return depth;
}

std::string quoting_advice(const std::string& path, const KeyRegistry& keys) {
  std::string advice = "the whole override in single quotes, e.g. --set '" + path + "={2019: 5, 2020: 6}'";
  const KeySpec* spec = keys.find(path);
  if (spec != nullptr && (spec->kind == ValueKind::integer_by_year || spec->kind == ValueKind::real_by_year))
    advice += ", or one year at a time: --set " + path + ".2019=5";
  return advice;
}

}  // namespace

void apply_set_override(const std::string& argument, const KeyRegistry& keys, Composition& composition,
                        Diagnostics& diagnostics) {
  // Messages name the override by its start: a long value is not echoed whole on every line.
  constexpr std::size_t echoed_characters = 80;
  const Origin origin{
      "--set " + (argument.size() <= echoed_characters ? argument
                                                       : argument.substr(0, echoed_characters) + "... (" +
                                                             std::to_string(argument.size()) + " characters)"),
      0, 0};
  const auto equals = argument.find('=');
  if (equals == std::string::npos || equals == 0) {
    if (unclosed_brackets(argument) < 0) {
      diagnostics.add_found_expected(origin, "",
                                     "'" + argument + "', the end of a mapping or list cut off an earlier --set",
                                     "key.path=value; the shell splits an unquoted value at its spaces, so put the "
                                     "whole override in single quotes");
      return;
    }
    diagnostics.add_found_expected(origin, "", "no key path before '='", "key.path=value");
    return;
  }
  const std::string path = argument.substr(0, equals);
  if (unclosed_brackets(argument.substr(equals + 1)) > 0) {
    diagnostics.add_found_expected(
        origin, path,
        "'" + argument.substr(equals + 1) +
            "', a mapping or list that never closes: the shell split the override at a space",
        quoting_advice(path, keys));
    return;
  }
  Diagnostics parse_problems;
  auto parsed = parse_yaml_text(argument.substr(equals + 1), origin.where(), parse_problems);
  for (auto entry : parse_problems.entries()) {
    entry.origin = origin;
    entry.key_path = path;
    diagnostics.add(entry.origin, entry.key_path, entry.message);
  }
  if (!parsed) return;
  forget_positions(*parsed, origin);
  composition.metadata.overrides.push_back(argument);

  if (keys.find(path) != nullptr) {
    composition.values[path] = WrittenValue{std::move(*parsed), ValueOrigin::set_override};
    return;
  }
  if (keys.is_section(path)) {
    if (parsed->kind != RawNode::Kind::mapping) {
      diagnostics.add_found_expected(origin, path, describe_found(*parsed), "a mapping of the keys of section " + path);
      return;
    }
    collect_values(*parsed, path, ValueOrigin::set_override, keys, composition, diagnostics);
    return;
  }
  const auto dot = path.rfind('.');
  if (dot != std::string::npos) {
    const std::string parent = path.substr(0, dot);
    const KeySpec* spec = keys.find(parent);
    if (spec != nullptr && (spec->kind == ValueKind::integer_by_year || spec->kind == ValueKind::real_by_year)) {
      auto existing = composition.values.find(parent);
      RawNode map = existing != composition.values.end() ? existing->second.node
                                                         : year_map_node(spec->default_value, Origin{"default", 0, 0});
      set_year_entry(map, path.substr(dot + 1), std::move(*parsed));
      composition.values[parent] = WrittenValue{std::move(map), ValueOrigin::set_override};
      return;
    }
    if (spec != nullptr) {
      diagnostics.add_found_expected(origin, path, "a path inside " + parent,
                                     "the whole key " + parent + "=[...] (only year maps take one entry at a time)");
      return;
    }
  }
  std::string expected = "a declared key path (see hsim params)";
  // Suggest within the deepest section the path does name, else among all key paths.
  std::string section = path;
  std::optional<std::string> near;
  while (!near) {
    const auto cut = section.rfind('.');
    if (cut == std::string::npos) break;
    section.resize(cut);
    if (!keys.is_section(section)) continue;
    const std::string rest = path.substr(section.size() + 1);
    const std::string first = rest.substr(0, rest.find('.'));
    if (const auto child = nearest_name(first, keys.children(section))) near = section + "." + *child;
    break;
  }
  if (!near) {
    std::vector<std::string> all_paths;
    for (const auto& spec : keys.keys()) all_paths.push_back(spec.path);
    near = nearest_name(path, all_paths);
  }
  if (near) expected += " (did you mean '" + *near + "'?)";
  diagnostics.add_found_expected(origin, path, "unknown key '" + path + "'", expected);
}

}  // namespace hsim::scenario
