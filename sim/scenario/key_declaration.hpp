#pragma once

// Builds KeySpec entries from an accessor into model::CityParameters. The kind, the binder, the
// reader and the default all follow from the field's C++ type and a default-constructed
// CityParameters, so a key's default is never written twice.
//
//   keys.add(HSIM_SCENARIO_KEY(teams.housing_first.caseload_per_fte)
//                .range(1, 30)
//                .describe("Participants per full-time team member.")
//                .source("001:1136-1144"));

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/model/parameters.hpp"
#include "sim/scenario/key_spec.hpp"

namespace hsim::scenario {
namespace detail {

template <class T>
struct is_year_map : std::false_type {};
template <class V>
struct is_year_map<std::map<int, V>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class E>
struct is_vector<std::vector<E>> : std::true_type {};

// The spelling table of each enumeration a key may hold.
template <class Enum>
struct EnumSpellings;
template <>
struct EnumSpellings<model::PolicyName> {
  static constexpr const auto& table = model::policy_name_spellings;
};
template <>
struct EnumSpellings<model::Comparator> {
  static constexpr const auto& table = model::comparator_spellings;
};
template <>
struct EnumSpellings<model::IntakeRule> {
  static constexpr const auto& table = model::intake_rule_spellings;
};
template <>
struct EnumSpellings<model::Payer> {
  static constexpr const auto& table = model::payer_spellings;
};
template <>
struct EnumSpellings<model::Tenure> {
  static constexpr const auto& table = model::tenure_spellings;
};

template <class T>
constexpr ValueKind kind_of() {
  if constexpr (std::is_same_v<T, bool>) {
    return ValueKind::boolean;
  } else if constexpr (std::is_integral_v<T>) {
    return ValueKind::integer;
  } else if constexpr (std::is_floating_point_v<T>) {
    return ValueKind::real;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return ValueKind::text;
  } else if constexpr (std::is_same_v<T, model::CivilDate>) {
    return ValueKind::date;
  } else if constexpr (std::is_enum_v<T>) {
    return ValueKind::choice;
  } else if constexpr (std::is_same_v<T, std::map<int, double>>) {
    return ValueKind::real_by_year;
  } else if constexpr (is_year_map<T>::value) {
    static_assert(std::is_integral_v<typename T::mapped_type>, "year maps hold whole numbers or numbers");
    return ValueKind::integer_by_year;
  } else {
    static_assert(is_vector<T>::value, "unsupported field type for a scenario key");
    return ValueKind::record_list;
  }
}

// Scalar field <-> FieldValue (records) and <-> Value (keys).
template <class T>
FieldValue to_field(const T& field) {
  if constexpr (std::is_same_v<T, bool>) {
    return field;
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(field);
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<double>(field);
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(model::spelling_of(field, EnumSpellings<T>::table));
  } else {
    return field;
  }
}

template <class T>
T from_field(const FieldValue& value) {
  if constexpr (std::is_same_v<T, bool>) {
    return std::get<bool>(value);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(std::get<std::int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(std::get<double>(value));
  } else if constexpr (std::is_enum_v<T>) {
    return *model::parse_spelling(std::get<std::string>(value), EnumSpellings<T>::table);
  } else {
    return std::get<std::string>(value);
  }
}

template <class T>
Value to_value(const T& field) {
  if constexpr (std::is_same_v<T, model::CivilDate>) {
    return field;
  } else if constexpr (is_year_map<T>::value) {
    if constexpr (std::is_same_v<T, std::map<int, double>>) {
      return YearReals(field.begin(), field.end());
    } else {
      YearIntegers entries;
      for (const auto& [year, entry] : field) entries.emplace(year, static_cast<std::int64_t>(entry));
      return entries;
    }
  } else {
    return std::visit([](const auto& v) -> Value { return v; }, to_field(field));
  }
}

template <class T>
T from_value(const Value& value) {
  if constexpr (std::is_same_v<T, model::CivilDate>) {
    return std::get<model::CivilDate>(value);
  } else if constexpr (std::is_same_v<T, std::map<int, double>>) {
    const auto& entries = std::get<YearReals>(value);
    return T(entries.begin(), entries.end());
  } else if constexpr (is_year_map<T>::value) {
    T entries;
    for (const auto& [year, entry] : std::get<YearIntegers>(value)) {
      entries.emplace(year, static_cast<typename T::mapped_type>(entry));
    }
    return entries;
  } else {
    return std::visit(
        [](const auto& v) -> T {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, double> || std::is_same_v<V, bool> ||
                        std::is_same_v<V, std::string>) {
            return from_field<T>(FieldValue{v});
          } else {
            throw std::bad_variant_access();
          }
        },
        value);
  }
}

template <class Enum>
std::vector<std::string> spellings() {
  std::vector<std::string> names;
  for (const auto& [value, name] : EnumSpellings<Enum>::table) names.emplace_back(name);
  return names;
}

// A default-constructed CityParameters: the source of every key's default.
const model::CityParameters& default_parameters();

// Unit text derived from the key name's suffix.
std::string unit_from_name(const std::string& path);
// Ranges implied by the name: shares are 0..1; every other number defaults to at least 0.
NumericRange range_from_name(const std::string& path, ValueKind kind);

}  // namespace detail

// Fluent wrapper around a KeySpec under construction.
class KeyDeclaration {
 public:
  explicit KeyDeclaration(KeySpec spec) : spec_(std::move(spec)) {}

  KeyDeclaration& range(double minimum, double maximum) {
    spec_.range = NumericRange{minimum, false, maximum};
    return *this;
  }
  KeyDeclaration& above(double minimum) {
    spec_.range.minimum = minimum;
    spec_.range.minimum_exclusive = true;
    return *this;
  }
  KeyDeclaration& at_most(double maximum) {
    spec_.range.maximum = maximum;
    return *this;
  }
  KeyDeclaration& max_entries(std::size_t count) {
    spec_.max_entries = count;
    return *this;
  }
  KeyDeclaration& required() {
    spec_.required = true;
    return *this;
  }
  KeyDeclaration& describe(std::string text) {
    spec_.description = std::move(text);
    return *this;
  }
  KeyDeclaration& source(std::string citation) {
    spec_.source = std::move(citation);
    return *this;
  }
  KeyDeclaration& assumption(std::string reason) {
    spec_.assumption = std::move(reason);
    return *this;
  }
  KeyDeclaration& unit(std::string text) {
    spec_.unit = std::move(text);
    return *this;
  }
  // Descriptions of the allowed names of a choice key, one per spelling, in the spelling table's order.
  KeyDeclaration& choice_descriptions(const std::vector<std::string>& descriptions);

  const KeySpec& spec() const { return spec_; }
  KeySpec take() && { return std::move(spec_); }

 private:
  KeySpec spec_;
};

// A key whose value is `access(parameters)`; `access` must work on const and non-const parameters.
template <class Access>
KeyDeclaration make_key(std::string path, Access access) {
  using T = std::remove_cvref_t<decltype(access(std::declval<model::CityParameters&>()))>;
  static_assert(!detail::is_vector<T>::value, "lists of records are declared with make_record_list_key");
  KeySpec spec;
  spec.kind = detail::kind_of<T>();
  spec.unit = detail::unit_from_name(path);
  spec.range = detail::range_from_name(path, spec.kind);
  if constexpr (std::is_enum_v<T>) {
    for (const auto& name : detail::spellings<T>()) spec.choices.push_back(Choice{name, ""});
  }
  spec.bind = [access](model::CityParameters& parameters, const Value& value) {
    access(parameters) = detail::from_value<T>(value);
  };
  spec.read = [access](const model::CityParameters& parameters) { return detail::to_value<T>(access(parameters)); };
  spec.default_value = spec.read(detail::default_parameters());
  spec.path = std::move(path);
  return KeyDeclaration(std::move(spec));
}

// One field of a record type used in a list key, bound through a member pointer.
template <class Record>
struct RecordField {
  FieldSpec spec;
  std::function<void(Record&, const FieldValue&)> bind;
  std::function<FieldValue(const Record&)> read;

  RecordField& range(double minimum, double maximum) {
    spec.range = NumericRange{minimum, false, maximum};
    return *this;
  }
  RecordField& required() {
    spec.default_value.reset();
    return *this;
  }
};

template <class Record, class T>
RecordField<Record> record_field(std::string name, T Record::*member, std::string description) {
  static_assert(!std::is_enum_v<T> && !detail::is_year_map<T>::value && !std::is_same_v<T, model::CivilDate>,
                "record fields are numbers, booleans or text");
  RecordField<Record> field;
  field.spec.kind = detail::kind_of<T>();
  field.spec.range = detail::range_from_name(name, field.spec.kind);
  field.spec.default_value = detail::to_field(Record{}.*member);
  field.spec.description = std::move(description);
  field.spec.name = std::move(name);
  field.bind = [member](Record& record, const FieldValue& value) { record.*member = detail::from_field<T>(value); };
  field.read = [member](const Record& record) { return detail::to_field(record.*member); };
  return field;
}

template <class Access, class Record>
KeyDeclaration make_record_list_key(std::string path, Access access, std::vector<RecordField<Record>> fields) {
  using T = std::remove_cvref_t<decltype(access(std::declval<model::CityParameters&>()))>;
  static_assert(std::is_same_v<T, std::vector<Record>>, "the accessor must return a std::vector of the record type");
  KeySpec spec;
  spec.kind = ValueKind::record_list;
  spec.unit = "list";
  for (const auto& field : fields) spec.fields.push_back(field.spec);
  spec.bind = [access, fields](model::CityParameters& parameters, const Value& value) {
    std::vector<Record> records;
    for (const auto& entry : std::get<RecordList>(value).records) {
      Record record{};
      for (std::size_t i = 0; i < fields.size(); ++i) fields[i].bind(record, entry[i]);
      records.push_back(std::move(record));
    }
    access(parameters) = std::move(records);
  };
  spec.read = [access, fields](const model::CityParameters& parameters) -> Value {
    RecordList list;
    for (const auto& record : access(parameters)) {
      std::vector<FieldValue> entry;
      for (const auto& field : fields) entry.push_back(field.read(record));
      list.records.push_back(std::move(entry));
    }
    return list;
  };
  spec.default_value = spec.read(detail::default_parameters());
  spec.path = std::move(path);
  return KeyDeclaration(std::move(spec));
}

}  // namespace hsim::scenario

// The YAML path is the C++ member path: the one-to-one naming is enforced by construction.
#define HSIM_SCENARIO_KEY(member_path) \
  ::hsim::scenario::make_key(          \
      #member_path, [](auto& parameters) -> auto& { return parameters.member_path; })
