#include "sim/scenario/lever.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/scenario/strict_scalar.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::scenario {

std::vector<std::string> added_value_overrides(const Scenario& base, const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw std::invalid_argument("--add " + text +
                                ": expected key.path=amount, e.g. --add housing.municipal_vacancies_per_year=10");
  }
  const std::string key = text.substr(0, equals);
  const std::string amount_text = text.substr(equals + 1);
  double amount = 0.0;
  try {
    std::size_t used = 0;
    amount = std::stod(amount_text, &used);
    if (used != amount_text.size() || !std::isfinite(amount)) throw std::invalid_argument("");
  } catch (const std::exception&) {
    throw std::invalid_argument("--add " + text + ": the amount must be a number, found \"" + amount_text + "\"");
  }
  const ResolvedValue* value = base.find(key);
  if (value == nullptr) throw std::invalid_argument("--add " + text + ": " + key + " is not a scenario key");
  std::vector<std::string> overrides;
  if (const auto* number = std::get_if<double>(&value->value)) {
    overrides.push_back(key + "=" + number_text(*number + amount));
  } else if (const auto* integer = std::get_if<std::int64_t>(&value->value)) {
    if (amount != std::floor(amount)) {
      throw std::invalid_argument("--add " + text + ": " + key + " is a whole number; add a whole amount");
    }
    overrides.push_back(key + "=" + std::to_string(*integer + static_cast<std::int64_t>(amount)));
  } else if (const auto* years = std::get_if<YearReals>(&value->value)) {
    if (years->empty()) throw std::invalid_argument("--add " + text + ": " + key + " lists no years to add to");
    for (const auto& [year, entry] : *years)
      overrides.push_back(key + "." + std::to_string(year) + "=" + number_text(entry + amount));
  } else if (const auto* year_counts = std::get_if<YearIntegers>(&value->value)) {
    if (year_counts->empty()) throw std::invalid_argument("--add " + text + ": " + key + " lists no years to add to");
    if (amount != std::floor(amount)) {
      throw std::invalid_argument("--add " + text + ": " + key + " holds whole numbers; add a whole amount");
    }
    for (const auto& [year, entry] : *year_counts) {
      overrides.push_back(key + "." + std::to_string(year) + "=" +
                          std::to_string(entry + static_cast<std::int64_t>(amount)));
    }
  } else {
    throw std::invalid_argument("--add " + text + ": " + key +
                                " is not a number or a by-year map of numbers; use --set");
  }
  return overrides;
}

}  // namespace hsim::scenario
