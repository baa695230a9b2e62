#include "sim/scenario/key_declaration.hpp"

#include <stdexcept>
#include <string_view>

namespace hsim::scenario {
namespace detail {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view last_segment(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace

const model::CityParameters& default_parameters() {
  static const model::CityParameters parameters{};
  return parameters;
}

std::string unit_from_name(const std::string& path) {
  const std::string_view name = last_segment(path);
  static const std::pair<std::string_view, std::string_view> suffixes[] = {
      {"fte_by_year", "FTE by year"},
      {"_by_year", "people by year"},
      {"_nok", "NOK"},
      {"_per_fte", "per FTE"},
      {"_per_year", "per year"},
      {"_per_week", "per week"},
      {"_days", "days"},
      {"_years", "years"},
      {"_share", "share 0..1"},
      {"_probability", "probability 0..1"},
      {"_factor", "multiplier"},
      {"_date", "date"},
      {"fte", "FTE"},
      {"_count", "people"},
      {"_places", "places"},
      {"_units", "dwellings"},
      {"_year", "year"},
  };
  for (const auto& [suffix, unit] : suffixes) {
    if (ends_with(name, suffix) || name == suffix) return std::string(unit);
  }
  return "";
}

NumericRange range_from_name(const std::string& path, ValueKind kind) {
  const std::string_view name = last_segment(path);
  NumericRange range;
  const bool numeric = kind == ValueKind::integer || kind == ValueKind::real || kind == ValueKind::integer_by_year ||
                       kind == ValueKind::real_by_year;
  if (!numeric) return range;
  range.minimum = 0.0;
  if (ends_with(name, "_share") || ends_with(name, "_probability")) {
    range.maximum = 1.0;
  } else if (ends_with(name, "_days")) {
    range.maximum = 18'300.0;  // 50 years
  } else if (ends_with(name, "_years")) {
    range.maximum = 200.0;
  } else if (kind == ValueKind::integer || kind == ValueKind::integer_by_year) {
    range.maximum = 1'000'000.0;
  } else {
    range.maximum = 1.0e9;
  }
  return range;
}

}  // namespace detail

KeyDeclaration& KeyDeclaration::choice_descriptions(const std::vector<std::string>& descriptions) {
  if (descriptions.size() != spec_.choices.size()) {
    throw std::logic_error("key " + spec_.path + ": one description per allowed name is needed");
  }
  for (std::size_t i = 0; i < descriptions.size(); ++i) spec_.choices[i].description = descriptions[i];
  return *this;
}

}  // namespace hsim::scenario
