#include "sim/model/service_use.hpp"

namespace hsim::model {

CostItemName cost_item_of(ServiceItem item) {
  switch (item) {
    case ServiceItem::emergency_clinic_visits:
      return CostItemName::emergency_clinic_visit;
    case ServiceItem::somatic_admission_days:
      return CostItemName::somatic_admission_day;
    case ServiceItem::psychiatric_admission_days:
      return CostItemName::psychiatric_admission_day;
    default:
      return CostItemName::police_contact;
  }
}

const ServiceRate& rate_of(const ServiceUseParameters& use, ServiceItem item) {
  switch (item) {
    case ServiceItem::emergency_clinic_visits:
      return use.emergency_clinic_visits;
    case ServiceItem::somatic_admission_days:
      return use.somatic_admission_days;
    case ServiceItem::psychiatric_admission_days:
      return use.psychiatric_admission_days;
    default:
      return use.police_contacts;
  }
}

bool follows_mental_health(ServiceItem item) {
  return item == ServiceItem::psychiatric_admission_days;
}

double severity_factor(const ServiceRate& rate, const PersonRecord& person, bool mental_health) {
  const auto& days = mental_health ? person.days_at_mental_health_level : person.days_at_substance_use_level;
  const double total = days[0] + days[1] + days[2];
  if (total <= 0.0) {
    const auto level = mental_health ? person.initial_mental_health_level : person.initial_substance_use_level;
    return rate.severity_factor[level];
  }
  return (days[0] * rate.severity_factor[0] + days[1] * rate.severity_factor[1] + days[2] * rate.severity_factor[2]) /
         total;
}

std::optional<ServicePlace> service_place_of(SpellType location) {
  switch (location) {
    case SpellType::street_or_friends:
      return ServicePlace::street_or_friends;
    case SpellType::shelter:
      return ServicePlace::shelter;
    case SpellType::temporary_accommodation:
      return ServicePlace::temporary_accommodation;
    case SpellType::training_flat:
      return ServicePlace::training_flat;
    default:
      return std::nullopt;
  }
}

}  // namespace hsim::model
