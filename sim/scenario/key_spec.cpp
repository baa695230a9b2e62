#include "sim/scenario/key_spec.hpp"

#include "sim/scenario/value_text.hpp"

namespace hsim::scenario {

bool NumericRange::contains(double value) const {
  if (minimum && (minimum_exclusive ? value <= *minimum : value < *minimum)) return false;
  if (maximum && value > *maximum) return false;
  return true;
}

std::string NumericRange::describe() const {
  if (minimum && maximum) {
    return (minimum_exclusive ? "above " + number_text(*minimum) + " and at most "
                              : "from " + number_text(*minimum) + " to ") +
           number_text(*maximum);
  }
  if (minimum) return (minimum_exclusive ? "above " : "at least ") + number_text(*minimum);
  if (maximum) return "at most " + number_text(*maximum);
  return "any number";
}

std::string describe_kind(ValueKind kind) {
  switch (kind) {
    case ValueKind::integer:
      return "a whole number";
    case ValueKind::real:
      return "a number";
    case ValueKind::boolean:
      return "true or false";
    case ValueKind::text:
      return "text";
    case ValueKind::date:
      return "a date YYYY-MM-DD";
    case ValueKind::choice:
      return "a name";
    case ValueKind::integer_by_year:
      return "a mapping from year to a whole number";
    case ValueKind::real_by_year:
      return "a mapping from year to a number";
    case ValueKind::record_list:
      return "a list of mappings";
  }
  return "a value";
}

}  // namespace hsim::scenario
