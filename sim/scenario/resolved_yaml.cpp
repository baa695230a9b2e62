#include "sim/scenario/resolved_yaml.hpp"

#include <cstdio>
#include <map>

#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::scenario {
namespace {

std::string annotated(const std::string& inner, const Provenance& provenance) {
  if (provenance.empty()) return inner;
  std::string text = "{value: " + inner;
  if (!provenance.source.empty()) text += ", source: " + quoted_yaml(provenance.source);
  if (!provenance.assumption.empty()) text += ", assumption: " + quoted_yaml(provenance.assumption);
  return text + "}";
}

const Provenance* part_provenance(const ResolvedValue& value, const std::string& part) {
  const auto it = value.part_provenance.find(part);
  return it == value.part_provenance.end() ? nullptr : &it->second;
}

std::string field_yaml(const FieldValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return quoted_yaml(*text);
  return field_text(value);
}

template <class Entries>
std::string year_map_yaml(const Entries& entries, const ResolvedValue& resolved) {
  std::string text = "{";
  for (const auto& [year, entry] : entries) {
    if (text.size() > 1) text += ", ";
    const std::string part = std::to_string(year);
    const Provenance* provenance = part_provenance(resolved, part);
    text += part + ": " + annotated(value_text(Value{entry}), provenance ? *provenance : Provenance{});
  }
  return text + "}";
}

void write_record_list(std::string& out, const std::string& indent, const KeySpec& spec, const RecordList& list,
                       const ResolvedValue& resolved) {
  for (std::size_t index = 0; index < list.records.size(); ++index) {
    for (std::size_t f = 0; f < spec.fields.size(); ++f) {
      const std::string part = std::to_string(index) + "." + spec.fields[f].name;
      const Provenance* provenance = part_provenance(resolved, part);
      out += indent + (f == 0 ? "- " : "  ") + spec.fields[f].name + ": " +
             annotated(field_yaml(list.records[index][f]), provenance ? *provenance : Provenance{}) + "\n";
    }
  }
}

void write_key(std::string& out, const std::string& indent, const std::string& name, const KeySpec& spec,
               const ResolvedValue& resolved) {
  const Value& value = resolved.value;
  if (const auto* list = std::get_if<RecordList>(&value)) {
    if (list->records.empty()) {
      out += indent + name + ": " + annotated("[]", resolved.provenance) + "\n";
      return;
    }
    out += indent + name + ":\n";
    if (resolved.provenance.empty()) {
      write_record_list(out, indent + "  ", spec, *list, resolved);
      return;
    }
    out += indent + "  value:\n";
    write_record_list(out, indent + "    ", spec, *list, resolved);
    if (!resolved.provenance.source.empty())
      out += indent + "  source: " + quoted_yaml(resolved.provenance.source) + "\n";
    if (!resolved.provenance.assumption.empty()) {
      out += indent + "  assumption: " + quoted_yaml(resolved.provenance.assumption) + "\n";
    }
    return;
  }
  std::string inner;
  if (const auto* integers = std::get_if<YearIntegers>(&value)) {
    inner = year_map_yaml(*integers, resolved);
  } else if (const auto* reals = std::get_if<YearReals>(&value)) {
    inner = year_map_yaml(*reals, resolved);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    inner = quoted_yaml(*text);
  } else {
    inner = value_text(value);
  }
  out += indent + name + ": " + annotated(inner, resolved.provenance) + "\n";
}

void write_section(std::string& out, const std::string& section, const std::string& indent, const KeyRegistry& keys,
                   const std::map<std::string, const ResolvedValue*>& values) {
  for (const auto& child : keys.children(section)) {
    const std::string path = section.empty() ? child : section + "." + child;
    if (const KeySpec* spec = keys.find(path)) {
      const auto it = values.find(path);
      if (it != values.end()) write_key(out, indent, child, *spec, *it->second);
      continue;
    }
    out += indent + child + ":\n";
    write_section(out, path, indent + "  ", keys, values);
  }
}

}  // namespace

std::string quoted_yaml(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string resolved_yaml(const Scenario& scenario) {
  const KeyRegistry& keys = scenario_keys();
  std::string out = "# Resolved scenario: defaults filled in, extends and overrides applied.\n";
  const auto one_line = [](std::string text) {
    for (char& c : text) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
  };
  for (const auto& file : scenario.files()) out += "# file: " + one_line(file.string()) + "\n";
  for (const auto& argument : scenario.overrides()) out += "# --set " + one_line(argument) + "\n";
  out += "name: " + quoted_yaml(scenario.name()) + "\n";
  if (!scenario.description().empty()) out += "description: " + quoted_yaml(scenario.description()) + "\n";
  if (scenario.fragment()) out += "fragment: true\n";
  std::map<std::string, const ResolvedValue*> values;
  for (const auto& value : scenario.values()) values.emplace(value.path, &value);
  write_section(out, "", "", keys, values);
  return out;
}

}  // namespace hsim::scenario
