#pragma once

// The declaration of one scenario key: everything the loader, the validator, the resolved-YAML writer
// and the parameter reference need to know about it. Declarations live in sim/scenario/keys/.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/model/calendar.hpp"
#include "sim/model/parameters.hpp"

namespace hsim::scenario {

enum class ValueKind { integer, real, boolean, text, date, choice, integer_by_year, real_by_year, record_list };

using YearIntegers = std::map<int, std::int64_t>;
using YearReals = std::map<int, double>;

// One field of one record in a list of records (a district, an adjacency link).
using FieldValue = std::variant<std::int64_t, double, bool, std::string>;

struct RecordList {
  std::vector<std::vector<FieldValue>> records;  // fields in declaration order, defaults filled in

  friend bool operator==(const RecordList&, const RecordList&) = default;
};

// A typed value. Choices are held by name (std::string), like text.
using Value =
    std::variant<std::int64_t, double, bool, std::string, model::CivilDate, YearIntegers, YearReals, RecordList>;

struct Choice {
  std::string name;
  std::string description;
};

struct NumericRange {
  std::optional<double> minimum;
  bool minimum_exclusive = false;
  std::optional<double> maximum;

  bool contains(double value) const;
  // "from 0 to 1", "at least 0", "above 0", "any number".
  std::string describe() const;
};

struct FieldSpec {
  std::string name;
  ValueKind kind = ValueKind::real;
  NumericRange range;
  std::optional<FieldValue> default_value;  // empty: the field is required
  std::string description;
};

struct KeySpec {
  std::string path;  // dotted YAML path, e.g. teams.housing_first.caseload_per_fte
  ValueKind kind = ValueKind::real;
  std::string unit;
  NumericRange range;             // numbers, and the entries of year maps
  std::vector<Choice> choices;    // choice kind: the allowed names
  std::vector<FieldSpec> fields;  // record_list kind
  std::size_t max_entries = 0;    // year maps and record lists
  Value default_value;            // read from a default-constructed model::CityParameters
  bool required = false;          // must be given by every complete scenario
  std::string description;
  std::string source;      // a citation (see source_citation.hpp), or
  std::string assumption;  // why the value is what it is when no document gives it
  std::function<void(model::CityParameters&, const Value&)> bind;
  std::function<Value(const model::CityParameters&)> read;
};

// "a whole number", "a number", "true or false", ... for the kind alone.
std::string describe_kind(ValueKind kind);

}  // namespace hsim::scenario
