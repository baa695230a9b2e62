#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "sim/model/calendar.hpp"
#include "sim/model/observers.hpp"
#include "sim/model/price_list.hpp"
#include "sim/model/service_use.hpp"

namespace hsim::model {

namespace {

constexpr auto item_count = static_cast<std::size_t>(CostItemName::count);
constexpr auto group_count = static_cast<std::size_t>(CostGroup::count);

// Quantities by group (cohort, city pool, city places), calendar year and item. Uses that span a new year are split
// at 1 January, so each year's record holds only what was used in it.
class UseLedger {
 public:
  UseLedger(const CivilDate& start_date, double status_day) : status_day_(status_day) {
    first_year_ = start_date.year;
    const CivilDate last = add_days(start_date, std::max<std::int64_t>(0, whole_day(status_day - 1e-9)));
    for (int year = first_year_ + 1; year <= last.year; ++year) {
      year_starts_.push_back(static_cast<double>(days_between(start_date, CivilDate{year, 1, 1})));
    }
    quantity_.assign(group_count * years() * item_count, 0.0);
  }

  [[nodiscard]] std::size_t years() const { return year_starts_.size() + 1; }
  [[nodiscard]] int first_year() const { return first_year_; }

  // `per_day` units a day over [from, to), clipped to the window.
  void add_over(CostGroup group, CostItemName item, double from, double to, double per_day) {
    from = std::max(from, 0.0);
    to = std::min(to, status_day_);
    if (to <= from || per_day == 0.0) return;
    std::size_t year = year_of(from);
    while (from < to) {
      const double year_end = year < year_starts_.size() ? year_starts_[year] : to;
      const double until = std::min(to, year_end);
      at(group, year, item) += (until - from) * per_day;
      from = until;
      ++year;
    }
  }

  // `amount` units at time `day`, when it falls in the window.
  void add_at(CostGroup group, CostItemName item, double day, double amount) {
    if (day < 0.0 || day >= status_day_) return;
    at(group, year_of(day), item) += amount;
  }

  [[nodiscard]] double quantity(std::size_t group, std::size_t year, std::size_t item) const {
    return quantity_[(group * years() + year) * item_count + item];
  }

 private:
  [[nodiscard]] std::size_t year_of(double day) const {
    return static_cast<std::size_t>(std::upper_bound(year_starts_.begin(), year_starts_.end(), day) -
                                    year_starts_.begin());
  }
  double& at(CostGroup group, std::size_t year, CostItemName item) {
    return quantity_[(static_cast<std::size_t>(group) * years() + year) * item_count + static_cast<std::size_t>(item)];
  }

  double status_day_;
  int first_year_ = 0;
  std::vector<double> year_starts_;  // day offsets of 1 January of the second and later years
  std::vector<double> quantity_;
};

CostGroup group_of(const PersonRecord& person) {
  return person.cohort ? CostGroup::cohort : CostGroup::city_pool;
}

struct Interval {
  double from;
  double to;
};

// The subintervals of [from, to) inside the intervals, then the rest.
void split_by_cover(double from, double to, const std::vector<Interval>& intervals, std::vector<Interval>& inside,
                    std::vector<Interval>& outside) {
  std::vector<Interval> parts;
  for (const Interval& i : intervals) {
    const double a = std::max(from, i.from), b = std::min(to, i.to);
    if (b > a) parts.push_back({a, b});
  }
  std::sort(parts.begin(), parts.end(), [](const Interval& x, const Interval& y) { return x.from < y.from; });
  double reach = from;
  for (const Interval& part : parts) {
    if (part.from > reach) outside.push_back({reach, part.from});
    const double a = std::max(part.from, reach);
    if (part.to > a) inside.push_back({a, part.to});
    reach = std::max(reach, part.to);
  }
  if (reach < to) outside.push_back({reach, to});
}

}  // namespace

std::vector<CostRecord> price_resource_use(const CityParameters& parameters, std::span<const PersonRecord> people,
                                           std::span<const SpellRecord> spells,
                                           const std::vector<JanitorCallOut>& janitor, double status_day,
                                           const std::function<double(double)>& hf_fte_at) {
  UseLedger ledger(parameters.window.start_date, status_day);
  const double follow_up_caseload = parameters.teams.ordinary_follow_up.caseload_per_fte;
  const double months_per_day = 12.0 / days_per_year;
  const double years_per_day = 1.0 / days_per_year;

  std::vector<std::vector<Interval>> support(people.size());
  for (const SpellRecord& spell : spells) {
    if (spell.type == SpellType::housing_first_enrolment || spell.type == SpellType::ordinary_follow_up_enrolment) {
      support[spell.person].push_back({spell.start_day, spell.end_day});
    }
  }

  const auto add_service_use = [&](const SpellRecord& spell, ServicePlace place, double from, double to) {
    const PersonRecord& person = people[spell.person];
    for (std::size_t s = 0; s < static_cast<std::size_t>(ServiceItem::count); ++s) {
      const auto service = static_cast<ServiceItem>(s);
      const ServiceRate& rate = rate_of(parameters.service_use, service);
      const double per_year = rate.per_year_by_place[static_cast<std::size_t>(place)];
      if (per_year == 0.0) continue;
      const double factor = severity_factor(rate, person, follows_mental_health(service));
      ledger.add_over(group_of(person), cost_item_of(service), from, to, per_year * factor * years_per_day);
    }
  };

  std::vector<Interval> inside, outside;
  for (const SpellRecord& spell : spells) {
    const CostGroup group = group_of(people[spell.person]);
    const auto over = [&](CostItemName item, double per_day) {
      ledger.add_over(group, item, spell.start_day, spell.end_day, per_day);
    };
    switch (spell.type) {
      case SpellType::shelter:
        over(CostItemName::shelter_night, 1.0);
        break;
      case SpellType::temporary_accommodation:
        over(CostItemName::temporary_accommodation_night, 1.0);
        break;
      case SpellType::training_flat:
        over(CostItemName::training_flat_night, 1.0);
        break;
      case SpellType::treatment:
        over(CostItemName::treatment_day, 1.0);
        break;
      case SpellType::prison:
        over(CostItemName::prison_day, 1.0);
        break;
      case SpellType::tenancy:
        // A private let costs the rent the welfare office secures; a municipal flat costs what the flat
        // costs its owners (the tenant's rent then moves money between public purses and is not counted).
        if (spell.tenure == Tenure::municipal) {
          over(CostItemName::municipal_flat_year, years_per_day);
          over(CostItemName::housing_grant_year, years_per_day);
        } else {
          over(CostItemName::rent_support_month, months_per_day);
        }
        if (is_eviction(spell.end_reason) && spell.end_day < status_day) {
          ledger.add_at(group, CostItemName::eviction_process, spell.end_day, 1.0);
          if (spell.tenure == Tenure::private_rental) {
            ledger.add_at(group, CostItemName::deposit_guarantee_claim, spell.end_day, 1.0);
          }
        }
        break;
      case SpellType::ordinary_follow_up_enrolment:
        if (follow_up_caseload > 0.0) {
          over(CostItemName::ordinary_follow_up_fte_year, years_per_day / follow_up_caseload);
        }
        break;
      default:
        break;
    }
    if (spell.type == SpellType::own_flat) {
      inside.clear();
      outside.clear();
      split_by_cover(spell.start_day, spell.end_day, support[spell.person], inside, outside);
      for (const Interval& part : inside)
        add_service_use(spell, ServicePlace::own_flat_with_support, part.from, part.to);
      for (const Interval& part : outside) {
        add_service_use(spell, ServicePlace::own_flat_without_support, part.from, part.to);
      }
    } else if (const auto place = service_place_of(spell.type)) {
      add_service_use(spell, *place, spell.start_day, spell.end_day);
    }
  }
  for (const JanitorCallOut& call : janitor) {
    ledger.add_at(group_of(people[call.person]), CostItemName::janitor_hour, call.day, call.hours);
  }
  // The Housing First team serves the programme cohort: its whole cost is the cohort's.
  for (double day = 0.0; day < status_day; day += 1.0) {
    ledger.add_over(CostGroup::cohort, CostItemName::hf_team_fte_year, day, std::min(day + 1.0, status_day),
                    hf_fte_at(day) * years_per_day);
  }
  // The city's staircase places stand all through the window, used or not.
  const auto& places = parameters.staircase;
  for (const auto& [item, count] :
       {std::pair{CostItemName::shelter_place_year, places.shelter_places},
        std::pair{CostItemName::temporary_accommodation_place_year, places.temporary_accommodation_places},
        std::pair{CostItemName::training_flat_place_year, places.training_flat_places}}) {
    ledger.add_over(CostGroup::city_places, item, 0.0, status_day, count * years_per_day);
  }

  const auto& k = parameters.costs;
  const PriceList prices = price_list(k);
  std::vector<CostRecord> records;
  records.reserve(group_count * ledger.years() * item_count);
  for (std::size_t group = 0; group < group_count; ++group) {
    for (std::size_t year = 0; year < ledger.years(); ++year) {
      const int calendar_year = ledger.first_year() + static_cast<int>(year);
      const double discount = discount_factor(k.discount_rate_per_year, calendar_year, ledger.first_year());
      for (std::size_t item = 0; item < item_count; ++item) {
        CostRecord record;
        record.group = static_cast<CostGroup>(group);
        record.year = calendar_year;
        record.item = static_cast<CostItemName>(item);
        record.payer = prices[item].payer;
        record.quantity = ledger.quantity(group, year, item);
        const bool charged = !(record.item == CostItemName::janitor_hour && k.janitor_in_team_fte);
        record.amount_nok = charged ? record.quantity * prices[item].price_nok : 0.0;
        record.present_value_nok = record.amount_nok * discount;
        records.push_back(record);
      }
    }
  }
  return records;
}

}  // namespace hsim::model
