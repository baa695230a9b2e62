#pragma once

// Expected use of health, emergency and justice services by where a person is (service_use.* rates a
// person-year) and how severe their problems are. Costs take the expectation over the time spent at
// each place rather than drawing visits: the rates move no event of the simulation, so pricing them
// leaves every housing outcome unchanged and adds no noise to cost differences.

#include <array>
#include <cstddef>
#include <optional>

#include "sim/model/parameters.hpp"
#include "sim/model/records.hpp"

namespace hsim::model {

enum class ServiceItem : std::uint8_t {
  emergency_clinic_visits,
  somatic_admission_days,
  psychiatric_admission_days,
  police_contacts,
  count
};
inline constexpr std::array<std::string_view, static_cast<std::size_t>(ServiceItem::count)> service_item_names{
    "emergency_clinic_visits", "somatic_admission_days", "psychiatric_admission_days", "police_contacts"};

[[nodiscard]] CostItemName cost_item_of(ServiceItem item);
[[nodiscard]] const ServiceRate& rate_of(const ServiceUseParameters& use, ServiceItem item);

// Psychiatric admissions follow the mental-health level; the other services the substance-use level.
[[nodiscard]] bool follows_mental_health(ServiceItem item);

// The person's severity factor for a service: the factors of the levels weighted by the days the person
// spent at each between the start date and the status date (the level at entry when none were).
[[nodiscard]] double severity_factor(const ServiceRate& rate, const PersonRecord& person, bool mental_health);

// The service place of a location spell outside an institution; own flats are split by support
// elsewhere. None for treatment and prison, which are priced by the day.
[[nodiscard]] std::optional<ServicePlace> service_place_of(SpellType location);

}  // namespace hsim::model
