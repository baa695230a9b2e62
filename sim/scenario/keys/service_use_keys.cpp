#include <cstddef>
#include <string>

#include "sim/model/parameters.hpp"
#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"
#include "sim/scenario/keys/shared_groups.hpp"

namespace hsim::scenario::keys {

namespace {

// service_use.<service>.<place>_per_year and .<level>_severity_factor (a model::ServiceRate).
template <class Group>
void declare_service_rate(KeyRegistry& keys, const std::string& prefix, Group group, const std::string& what,
                          const std::string& levels) {
  for (std::size_t place = 0; place < model::service_place_names.size(); ++place) {
    auto declaration = make_key(
        prefix + "." + std::string(model::service_place_names[place]) + "_per_year",
        [ group, place ](auto& p) -> auto& { return group(p).per_year_by_place[place]; });
    declaration.at_most(365.0)
        .describe(what + " per person-year spent " +
                  (place < 4 ? "in " + std::string(model::service_place_names[place])
                             : std::string(place == 4 ? "in an own flat with team support"
                                                      : "in an own flat without team support")) +
                  ", at a severity factor of 1.")
        .assumption("No Norwegian source counts service use by place (docs/costs.md gives the reasoning)");
    keys.add(declaration);
  }
  const char* level_names[] = {"low", "medium", "high"};
  for (std::size_t level = 0; level < 3; ++level) {
    auto declaration = make_key(
        prefix + "." + level_names[level] + "_severity_factor",
        [ group, level ](auto& p) -> auto& { return group(p).severity_factor[level]; });
    declaration.at_most(100.0)
        .describe("Factor on the rates of " + what + " for time at the " + level_names[level] + " " + levels +
                  " level.")
        .assumption("Use rises with severity; no source measures by how much");
    keys.add(declaration);
  }
}

}  // namespace

void declare_service_use_keys(KeyRegistry& keys) {
  declare_service_rate(
      keys, "service_use.emergency_clinic_visits",
      [](auto& p) -> auto& { return p.service_use.emergency_clinic_visits; },
      "Emergency primary-care (legevakt) visits", "substance-use");
  declare_service_rate(
      keys, "service_use.somatic_admission_days", [](auto& p) -> auto& { return p.service_use.somatic_admission_days; },
      "Days admitted to somatic hospital wards", "substance-use");
  declare_service_rate(
      keys, "service_use.psychiatric_admission_days",
      [](auto& p) -> auto& { return p.service_use.psychiatric_admission_days; }, "Days admitted to psychiatric wards",
      "mental-health");
  declare_service_rate(
      keys, "service_use.police_contacts", [](auto& p) -> auto& { return p.service_use.police_contacts; },
      "Police contacts (call-outs, arrests, custody)", "substance-use");
}

}  // namespace hsim::scenario::keys
