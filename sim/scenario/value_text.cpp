#include "sim/scenario/value_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <type_traits>

namespace hsim::scenario {

std::string number_text(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<std::int64_t>(value));
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string field_text(const FieldValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        if constexpr (std::is_same_v<T, double>) return number_text(v);
        if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
        if constexpr (std::is_same_v<T, std::string>) return v;
      },
      value);
}

std::string value_text(const Value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        if constexpr (std::is_same_v<T, double>) return number_text(v);
        if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
        if constexpr (std::is_same_v<T, std::string>) return v;
        if constexpr (std::is_same_v<T, model::CivilDate>) return model::to_iso_string(v);
        if constexpr (std::is_same_v<T, YearIntegers> || std::is_same_v<T, YearReals>) {
          std::string text = "{";
          for (const auto& [year, entry] : v) {
            if (text.size() > 1) text += ", ";
            text += std::to_string(year) + ": ";
            if constexpr (std::is_same_v<T, YearReals>) {
              text += number_text(entry);
            } else {
              text += std::to_string(entry);
            }
          }
          return text + "}";
        }
        if constexpr (std::is_same_v<T, RecordList>) {
          return v.records.empty() ? "[]" : std::to_string(v.records.size()) + " entries";
        }
      },
      value);
}

}  // namespace hsim::scenario
