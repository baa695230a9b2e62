#include <algorithm>
#include <array>

#include "sim/model/calendar.hpp"
#include "sim/model/observers.hpp"

namespace hsim::model {

namespace {
double overlap(double start, double end, double from, double to) {
  return std::max(0.0, std::min(end, to) - std::max(start, from));
}
}  // namespace

std::vector<CostRecord> price_resource_use(const CityParameters& parameters, const std::vector<PersonRecord>& people,
                                           const std::vector<SpellRecord>& spells,
                                           const std::vector<JanitorCallOut>& janitor, double status_day,
                                           const std::function<double(double)>& hf_fte_at) {
  constexpr auto items = static_cast<std::size_t>(CostItemName::count);
  std::array<std::array<double, items>, 2> quantity{};
  const auto add = [&](bool cohort, CostItemName item, double amount) {
    quantity[cohort ? 0 : 1][static_cast<std::size_t>(item)] += amount;
  };
  const auto& k = parameters.costs;
  const double follow_up_caseload = parameters.teams.ordinary_follow_up.caseload_per_fte;
  for (const SpellRecord& spell : spells) {
    const bool cohort = people[spell.person].cohort;
    const double days = overlap(spell.start_day, spell.end_day, 0.0, status_day);
    switch (spell.type) {
      case SpellType::shelter:
        add(cohort, CostItemName::shelter_night, days);
        break;
      case SpellType::temporary_accommodation:
        add(cohort, CostItemName::temporary_accommodation_night, days);
        break;
      case SpellType::training_flat:
        add(cohort, CostItemName::training_flat_night, days);
        break;
      case SpellType::treatment:
        add(cohort, CostItemName::treatment_day, days);
        break;
      case SpellType::prison:
        add(cohort, CostItemName::prison_day, days);
        break;
      case SpellType::tenancy:
        add(cohort, CostItemName::rent_support_month, days / (days_per_year / 12.0));
        if (is_eviction(spell.end_reason) && spell.end_day > 0.0 && spell.end_day <= status_day) {
          add(cohort, CostItemName::eviction_process, 1.0);
        }
        break;
      case SpellType::ordinary_follow_up_enrolment:
        if (follow_up_caseload > 0.0) {
          add(cohort, CostItemName::ordinary_follow_up_fte_year, days / days_per_year / follow_up_caseload);
        }
        break;
      default:
        break;
    }
  }
  for (const JanitorCallOut& call : janitor) {
    if (call.day >= 0.0 && call.day < status_day)
      add(people[call.person].cohort, CostItemName::janitor_hour, call.hours);
  }
  // The Housing First team serves the programme cohort: its whole cost is the cohort's.
  double fte_years = 0.0;
  for (double day = 0.0; day < status_day; day += 1.0) {
    fte_years += hf_fte_at(day) * std::min(1.0, status_day - day) / days_per_year;
  }
  add(true, CostItemName::hf_team_fte_year, fte_years);

  const std::array<const CostItem*, items> price{&k.hf_team_fte_year,
                                                 &k.ordinary_follow_up_fte_year,
                                                 &k.temporary_accommodation_night,
                                                 &k.shelter_night,
                                                 &k.training_flat_night,
                                                 &k.treatment_day,
                                                 &k.prison_day,
                                                 &k.janitor_hour,
                                                 &k.eviction_process,
                                                 &k.rent_support_month};
  std::vector<CostRecord> records;
  for (int group = 0; group < 2; ++group) {
    for (std::size_t item = 0; item < items; ++item) {
      CostRecord record;
      record.group = group == 0 ? CostGroup::cohort : CostGroup::city_pool;
      record.item = static_cast<CostItemName>(item);
      record.payer = price[item]->payer;
      record.quantity = quantity[static_cast<std::size_t>(group)][item];
      const bool charged = !(record.item == CostItemName::janitor_hour && k.janitor_in_team_fte);
      record.amount_nok = charged ? record.quantity * price[item]->value_nok : 0.0;
      records.push_back(record);
    }
  }
  return records;
}

}  // namespace hsim::model
