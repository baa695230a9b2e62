#pragma once

// Declarations of the small parameter groups that recur under several sections (severity shares,
// per-level rates, severity chains, cost items).

#include <string>
#include <utility>

#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"

namespace hsim::scenario::keys {

// The basis of a value: a citation or an assumption with its reason.
struct Basis {
  std::string source;
  std::string assumption;
};
inline Basis cited(std::string source) {
  return Basis{std::move(source), ""};
}
inline Basis assumed(std::string reason) {
  return Basis{"", std::move(reason)};
}

inline KeyDeclaration& with_basis(KeyDeclaration& declaration, const Basis& basis) {
  if (!basis.source.empty()) declaration.source(basis.source);
  if (!basis.assumption.empty()) declaration.assumption(basis.assumption);
  return declaration;
}

// <prefix>.low_share, .medium_share, .high_share (a model::LevelShares).
template <class Group>
void declare_level_shares(KeyRegistry& keys, const std::string& prefix, Group group, const std::string& who,
                          const Basis& basis) {
  const auto add = [&](const std::string& level, auto access) {
    auto declaration = make_key(prefix + "." + level + "_share", access);
    declaration.describe("Share of " + who + " at the " + level + " level; the three shares sum to 1.");
    keys.add(with_basis(declaration, basis));
  };
  add(
      "low", [group](auto& p) -> auto& { return group(p).low_share; });
  add(
      "medium", [group](auto& p) -> auto& { return group(p).medium_share; });
  add(
      "high", [group](auto& p) -> auto& { return group(p).high_share; });
}

// <prefix>.low_per_year, .medium_per_year, .high_per_year (a model::LevelRates).
template <class Group>
void declare_level_rates(KeyRegistry& keys, const std::string& prefix, Group group, const std::string& what,
                         const Basis& basis) {
  const auto add = [&](const std::string& level, auto access) {
    auto declaration = make_key(prefix + "." + level + "_per_year", access);
    declaration.at_most(365.0).describe(what + " per person-year at the " + level + " level.");
    keys.add(with_basis(declaration, basis));
  };
  add(
      "low", [group](auto& p) -> auto& { return group(p).low_per_year; });
  add(
      "medium", [group](auto& p) -> auto& { return group(p).medium_per_year; });
  add(
      "high", [group](auto& p) -> auto& { return group(p).high_per_year; });
}

// <prefix>.worsen_* and .improve_* (a model::SeverityChain).
template <class Group>
void declare_severity_chain(KeyRegistry& keys, const std::string& prefix, Group group, const std::string& what) {
  const Basis basis = assumed(
      "No document measures transitions; the sources show fluctuation without net change (001:137-144, "
      "001:3359-3374), so rates are set for that and calibrated");
  const auto add = [&](const std::string& name, const std::string& text, auto access) {
    auto declaration = make_key(prefix + "." + name, access);
    declaration.at_most(365.0).describe(what + ": " + text + " per person-year. Housing never changes it.");
    keys.add(with_basis(declaration, basis));
  };
  add(
      "worsen_low_to_medium_per_year",
      "rate from low to medium", [group](auto& p) -> auto& { return group(p).worsen_low_to_medium_per_year; });
  add(
      "worsen_medium_to_high_per_year",
      "rate from medium to high", [group](auto& p) -> auto& { return group(p).worsen_medium_to_high_per_year; });
  add(
      "improve_medium_to_low_per_year",
      "rate from medium to low", [group](auto& p) -> auto& { return group(p).improve_medium_to_low_per_year; });
  add(
      "improve_high_to_medium_per_year",
      "rate from high to medium", [group](auto& p) -> auto& { return group(p).improve_high_to_medium_per_year; });
}

inline const std::vector<std::string>& payer_descriptions() {
  static const std::vector<std::string> descriptions{
      "the municipality (housing, social assistance, temporary accommodation, legevakt, the HF team)",
      "the state (NAV's state benefits, Husbanken's grants)",
      "the regional health trust (specialist treatment and admissions)", "the Correctional Service (prison)",
      "the police"};
  return descriptions;
}

// <prefix>.value_nok and .payer (a model::CostItem).
template <class Group>
void declare_cost_item(KeyRegistry& keys, const std::string& prefix, Group group, const std::string& what,
                       const Basis& basis) {
  auto value = make_key(
      prefix + ".value_nok", [group](auto& p) -> auto& { return group(p).value_nok; });
  value.at_most(1.0e8).describe("Price of " + what + ", NOK at costs.price_year prices.");
  keys.add(with_basis(value, basis));
  auto payer = make_key(
      prefix + ".payer", [group](auto& p) -> auto& { return group(p).payer; });
  payer.choice_descriptions(payer_descriptions())
      .describe("Who pays for " + what + ".")
      .assumption(
          "Norwegian division of responsibility: municipalities house and follow up, health trusts treat, "
          "the state runs prisons");
  keys.add(payer);
  auto year = make_key(
      prefix + ".price_year", [group](auto& p) -> auto& { return group(p).price_year; });
  year.at_most(2100)
      .describe(
          "Year whose prices value_nok is given in; 0: costs.price_year. Other years are brought to "
          "costs.price_year with costs.consumer_price_index.")
      .assumption("Given in the price year unless a price's source says otherwise");
  keys.add(year);
}

}  // namespace hsim::scenario::keys
