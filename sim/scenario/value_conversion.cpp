#include "sim/scenario/value_conversion.hpp"

#include <algorithm>
#include <cmath>

#include "sim/scenario/limits.hpp"
#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/strict_scalar.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::scenario {
namespace {

std::vector<std::string> choice_names(const std::vector<Choice>& choices) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.name);
  return names;
}

std::string expected_scalar(ValueKind kind, const NumericRange& range, const std::vector<Choice>& choices) {
  switch (kind) {
    case ValueKind::integer:
    case ValueKind::integer_by_year:
      return "a whole number " + range.describe();
    case ValueKind::real:
    case ValueKind::real_by_year:
      return "a number " + range.describe();
    case ValueKind::choice:
      return "one of " + join_alternatives(choice_names(choices));
    default:
      return describe_kind(kind);
  }
}

// Converts one scalar of a key, a year-map entry or a record field. `kind` is a scalar kind; the
// entries of year maps pass integer or real.
std::optional<Value> convert_scalar(const RawNode& node, ValueKind kind, const NumericRange& range,
                                    const std::vector<Choice>& choices, const std::string& path,
                                    Diagnostics& diagnostics) {
  const std::string expected = expected_scalar(kind, range, choices);
  if (node.kind != RawNode::Kind::scalar) {
    diagnostics.add_found_expected(node.origin, path, describe_found(node), expected);
    return std::nullopt;
  }
  const std::string& text = node.text;
  const bool numeric = kind == ValueKind::integer || kind == ValueKind::real;
  if (node.quoted && (numeric || kind == ValueKind::boolean)) {
    diagnostics.add_found_expected(node.origin, path, "the quoted text " + describe_found(node),
                                   expected + " (write it without quotes)");
    return std::nullopt;
  }
  const auto check_range = [&](double value, const std::string& shown) -> bool {
    if (range.contains(value)) return true;
    diagnostics.add_found_expected(node.origin, path, shown, expected);
    return false;
  };
  switch (kind) {
    case ValueKind::integer: {
      const auto value = parse_integer(text);
      if (!value) {
        if (looks_fractional(text)) {
          const double number = *parse_real(text);
          const bool whole = std::floor(number) == number && std::abs(number) < 9.0e15;
          diagnostics.add_found_expected(
              node.origin, path,
              whole ? text + " (write the whole number as " + std::to_string(static_cast<long long>(number)) + ")"
                    : "the fraction " + text,
              expected);
        } else {
          diagnostics.add_found_expected(node.origin, path, describe_found(node), expected);
        }
        return std::nullopt;
      }
      if (!check_range(static_cast<double>(*value), std::to_string(*value))) return std::nullopt;
      return Value{*value};
    }
    case ValueKind::real: {
      const auto value = parse_real(text);
      if (!value) {
        diagnostics.add_found_expected(node.origin, path, describe_found(node), expected);
        return std::nullopt;
      }
      if (!check_range(*value, text)) return std::nullopt;
      return Value{*value};
    }
    case ValueKind::boolean: {
      const auto value = parse_boolean(text);
      if (!value) {
        diagnostics.add_found_expected(node.origin, path, describe_found(node), expected);
        return std::nullopt;
      }
      return Value{*value};
    }
    case ValueKind::date: {
      const auto value = parse_iso_date(text);
      if (!value) {
        diagnostics.add_found_expected(node.origin, path, describe_found(node),
                                       "a real calendar date written YYYY-MM-DD");
        return std::nullopt;
      }
      if (value->year < limits::min_year || value->year > limits::max_year) {
        diagnostics.add_found_expected(
            node.origin, path, describe_found(node),
            "a date between " + std::to_string(limits::min_year) + " and " + std::to_string(limits::max_year));
        return std::nullopt;
      }
      return Value{*value};
    }
    case ValueKind::choice: {
      const auto names = choice_names(choices);
      if (std::find(names.begin(), names.end(), text) != names.end()) return Value{text};
      std::string message = expected;
      if (const auto near = nearest_name(text, names)) message += " (did you mean '" + *near + "'?)";
      diagnostics.add_found_expected(node.origin, path, describe_found(node), message);
      return std::nullopt;
    }
    case ValueKind::text: {
      if (text.size() > limits::max_text_bytes) {
        diagnostics.add_found_expected(node.origin, path, "text of " + std::to_string(text.size()) + " bytes",
                                       "at most " + std::to_string(limits::max_text_bytes) + " bytes");
        return std::nullopt;
      }
      return Value{text};
    }
    default:
      break;
  }
  diagnostics.add_found_expected(node.origin, path, describe_found(node), expected);
  return std::nullopt;
}

template <class Entries>
std::optional<ConvertedValue> convert_year_map(const RawNode& node, const KeySpec& spec, const std::string& path,
                                               Diagnostics& diagnostics) {
  const bool integers = spec.kind == ValueKind::integer_by_year;
  const std::string expected = describe_kind(spec.kind) + ", e.g. {2014: 6, 2015: 5.5}";
  if (node.kind != RawNode::Kind::mapping) {
    diagnostics.add_found_expected(node.origin, path, describe_found(node), expected);
    return std::nullopt;
  }
  const std::size_t limit =
      spec.max_entries > 0 ? spec.max_entries : static_cast<std::size_t>(limits::max_horizon_years + 1);
  if (node.entries.size() > limit) {
    diagnostics.add_found_expected(node.origin, path, std::to_string(node.entries.size()) + " entries",
                                   "at most " + std::to_string(limit));
    return std::nullopt;
  }
  ConvertedValue converted;
  Entries entries;
  bool ok = true;
  for (const auto& entry : node.entries) {
    const std::string entry_path = path + "." + entry.key;
    const auto year = parse_integer(entry.key);
    if (!year || *year < limits::min_year || *year > limits::max_year) {
      std::string hint = "a year from " + std::to_string(limits::min_year) + " to " + std::to_string(limits::max_year);
      if (entry.key == "source" || entry.key == "assumption") {
        hint += " (to cite the whole map write {value: {2014: ...}, " + entry.key + ": \"...\"})";
      }
      diagnostics.add_found_expected(entry.key_origin, entry_path, "the key '" + entry.key + "'", hint);
      ok = false;
      continue;
    }
    const Unwrapped unwrapped = unwrap_annotation(entry.value, entry_path, diagnostics);
    if (unwrapped.value == nullptr) {
      ok = false;
      continue;
    }
    const auto value = convert_scalar(*unwrapped.value, integers ? ValueKind::integer : ValueKind::real, spec.range, {},
                                      entry_path, diagnostics);
    if (!value) {
      ok = false;
      continue;
    }
    const int year_number = static_cast<int>(*year);
    if (entries.count(year_number) != 0) {
      diagnostics.add_found_expected(entry.key_origin, entry_path, "the year " + entry.key + " twice",
                                     "each year once");
      ok = false;
      continue;
    }
    if constexpr (std::is_same_v<Entries, YearIntegers>) {
      entries.emplace(year_number, std::get<std::int64_t>(*value));
    } else {
      entries.emplace(year_number, std::get<double>(*value));
    }
    const std::string part = std::to_string(year_number);
    converted.part_origins.emplace(part, unwrapped.value->origin);
    if (!unwrapped.provenance.empty()) converted.part_provenance.emplace(part, unwrapped.provenance);
  }
  if (!ok) return std::nullopt;
  converted.value = std::move(entries);
  return converted;
}

std::optional<ConvertedValue> convert_record_list(const RawNode& node, const KeySpec& spec, const std::string& path,
                                                  Diagnostics& diagnostics) {
  if (node.kind != RawNode::Kind::sequence) {
    diagnostics.add_found_expected(node.origin, path, describe_found(node), describe_kind(spec.kind));
    return std::nullopt;
  }
  const std::size_t limit = spec.max_entries > 0 ? spec.max_entries : limits::max_list_entries;
  if (node.items.size() > limit) {
    diagnostics.add_found_expected(node.origin, path, "a list of " + std::to_string(node.items.size()) + " entries",
                                   "at most " + std::to_string(limit));
    return std::nullopt;
  }
  std::vector<std::string> field_names;
  for (const auto& field : spec.fields) field_names.push_back(field.name);
  ConvertedValue converted;
  RecordList list;
  bool ok = true;
  for (std::size_t index = 0; index < node.items.size(); ++index) {
    const RawNode& item = node.items[index];
    const std::string item_path = path + "." + std::to_string(index);
    if (item.kind != RawNode::Kind::mapping) {
      diagnostics.add_found_expected(item.origin, item_path, describe_found(item),
                                     "a mapping with " + join_alternatives(field_names));
      ok = false;
      continue;
    }
    for (const auto& entry : item.entries) {
      if (std::find(field_names.begin(), field_names.end(), entry.key) != field_names.end()) continue;
      std::string expected = "one of " + join_alternatives(field_names);
      if (const auto near = nearest_name(entry.key, field_names)) expected += " (did you mean '" + *near + "'?)";
      diagnostics.add_found_expected(entry.key_origin, item_path + "." + entry.key, "unknown key '" + entry.key + "'",
                                     expected);
      ok = false;
    }
    std::vector<FieldValue> record;
    for (const auto& field : spec.fields) {
      const std::string field_path = item_path + "." + field.name;
      const RawNode* written = item.find(field.name);
      if (written == nullptr) {
        if (!field.default_value) {
          diagnostics.add_found_expected(
              item.origin, field_path, "no " + field.name,
              expected_scalar(field.kind, field.range, {}) + " (" + field.name + " is required)");
          ok = false;
          continue;
        }
        record.push_back(*field.default_value);
        continue;
      }
      const Unwrapped unwrapped = unwrap_annotation(*written, field_path, diagnostics);
      if (unwrapped.value == nullptr) {
        ok = false;
        continue;
      }
      const auto value = convert_scalar(*unwrapped.value, field.kind, field.range, {}, field_path, diagnostics);
      if (!value) {
        ok = false;
        continue;
      }
      record.push_back(std::visit(
          [](const auto& v) -> FieldValue {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double> || std::is_same_v<T, bool> ||
                          std::is_same_v<T, std::string>) {
              return v;
            } else {
              return std::string();
            }
          },
          *value));
      const std::string part = std::to_string(index) + "." + field.name;
      converted.part_origins.emplace(part, unwrapped.value->origin);
      if (!unwrapped.provenance.empty()) converted.part_provenance.emplace(part, unwrapped.provenance);
    }
    converted.part_origins.emplace(std::to_string(index), item.origin);
    if (record.size() == spec.fields.size()) list.records.push_back(std::move(record));
  }
  if (!ok) return std::nullopt;
  converted.value = std::move(list);
  return converted;
}

}  // namespace

std::string describe_expected(const KeySpec& spec) {
  switch (spec.kind) {
    case ValueKind::integer_by_year:
    case ValueKind::real_by_year:
      return describe_kind(spec.kind) + " " + spec.range.describe();
    case ValueKind::record_list:
      return describe_kind(spec.kind);
    default:
      return expected_scalar(spec.kind, spec.range, spec.choices);
  }
}

std::optional<ConvertedValue> convert_value(const RawNode& node, const KeySpec& spec, const std::string& path,
                                            Diagnostics& diagnostics) {
  switch (spec.kind) {
    case ValueKind::integer_by_year:
      return convert_year_map<YearIntegers>(node, spec, path, diagnostics);
    case ValueKind::real_by_year:
      return convert_year_map<YearReals>(node, spec, path, diagnostics);
    case ValueKind::record_list:
      return convert_record_list(node, spec, path, diagnostics);
    default:
      break;
  }
  auto value = convert_scalar(node, spec.kind, spec.range, spec.choices, path, diagnostics);
  if (!value) return std::nullopt;
  ConvertedValue converted;
  converted.value = std::move(*value);
  return converted;
}

}  // namespace hsim::scenario
