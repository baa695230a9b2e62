// Construction of a replicate's city: landlords, people (programme cohort and city pool) and the flats
// that will become vacant. Everything here is drawn from streams keyed by identity, never by policy,
// so both policies start from the same city and the same people.

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/engine/distributions.hpp"
#include "sim/engine/parallel_parts.hpp"
#include "sim/model/city_model.hpp"
#include "sim/model/district_graph.hpp"
#include "sim/model/event_kinds.hpp"
#include "sim/model/severity.hpp"

namespace hsim::model::detail {

using engine::RandomStream;
using engine::StreamKey;

PolicyRules rules_of(PolicyName policy, const CityParameters& parameters) {
  PolicyRules rules;
  // The rest of the city runs usual services under housing_first (the team serves the programme only).
  switch (policy) {
    case PolicyName::staircase:
      break;
    case PolicyName::usual_services:
      rules.readiness_required = false;
      rules.welfare_assisted_lets = true;
      break;
    case PolicyName::housing_first:
      rules.housing_first_team = true;
      rules.readiness_required = false;
      rules.welfare_assisted_lets = true;
      break;
    case PolicyName::mixed: {
      const bool usual = parameters.policy.comparator == Comparator::usual_services;
      rules.housing_first_team = true;
      rules.housing_first_places_limit = parameters.policy.mixed_hf_places;
      rules.readiness_required = !usual;
      rules.welfare_assisted_lets = usual;
      break;
    }
  }
  return rules;
}

namespace {

int draw_level(RandomStream& stream, const LevelShares& shares) {
  const double weights[3] = {shares.low_share, shares.medium_share, shares.high_share};
  return static_cast<int>(engine::categorical(stream, weights));
}

// Arrival times of a Poisson process with `per_year` events per year over [from, to).
std::vector<double> poisson_times(RandomStream& stream, double per_year, double from, double to) {
  std::vector<double> times;
  if (!(per_year > 0.0)) return times;
  const double mean_gap = days_per_year / per_year;
  for (double t = from + engine::exponential(stream, mean_gap); t < to; t += engine::exponential(stream, mean_gap)) {
    times.push_back(t);
  }
  return times;
}

// The same with a rate per year that steps at 1 January of the years in `from_year` (`per_year` before the
// first): unit-exponential gaps are spent through the rate's segments, so one stream serves every rate.
std::vector<double> stepped_poisson_times(RandomStream& stream, double per_year, const std::map<int, double>& from_year,
                                          const CivilDate& start, double from, double to) {
  if (from_year.empty()) return poisson_times(stream, per_year, from, to);
  std::vector<double> times;
  double t = from;
  double budget = engine::exponential(stream, 1.0);
  while (t < to) {
    const int year = year_of(start, t);
    const double segment_end = std::min(to, static_cast<double>(first_day_of_year(start, year + 1)));
    const double rate = value_in_year(from_year, year, per_year) / days_per_year;
    if (rate > 0.0 && budget <= rate * (segment_end - t)) {
      t += budget / rate;
      times.push_back(t);
      budget = engine::exponential(stream, 1.0);
      continue;
    }
    if (rate > 0.0) budget -= rate * (segment_end - t);
    t = segment_end;
  }
  return times;
}

std::map<int, double> scaled_by_year(const std::map<int, double>& from_year, double factor) {
  std::map<int, double> scaled;
  for (const auto& [year, value] : from_year) scaled.emplace(year, value * factor);
  return scaled;
}

}  // namespace

CityModel::CityModel(const CityParameters& parameters, PolicyName policy, std::uint64_t seed, std::uint64_t replicate,
                     unsigned threads, EventDraws draws)
    : parameters_(parameters),
      policy_(policy),
      rules_(rules_of(policy, parameters)),
      seed_(seed),
      replicate_(replicate),
      build_threads_(threads),
      fewest_draws_(draws == EventDraws::fewest) {
  start_day_ = -std::round(parameters_.window.burn_in_days);
  end_day_ = static_cast<double>(days_between(parameters_.window.start_date, parameters_.window.status_date) + 1);
  pool_scale_ = parameters_.city.simulated_pool_share > 0.0 ? 1.0 / parameters_.city.simulated_pool_share : 1.0;
  compute_district_weights();
  const auto graph = build_district_graph(parameters_.neighbourhoods);
  drug_scene_ = effective_drug_scene_intensity(parameters_.neighbourhoods, graph);
  build_landlords();
  build_people();
  build_units();

  contacts_ = build_contact_lists(person_count_, parameters_.behaviour.disturbance.network_contacts_mean, seed_,
                                  replicate_, purpose_network, build_threads_);

  auto& c = coordination_;
  const auto& s = parameters_.staircase;
  // With a sampled city pool, the places the pool competes for are sampled at the same share.
  const double share = parameters_.city.simulated_pool_share;
  const auto scaled = [share](int places) { return static_cast<int>(std::lround(places * share)); };
  c.capacity = {0, scaled(s.shelter_places), scaled(s.temporary_accommodation_places), scaled(s.training_flat_places)};
  c.waiting_since.assign(person_count_, -never);
  c.waiting_token.assign(person_count_, 0);
  c.hf_since.assign(person_count_, -never);
  c.ordinary_since.assign(person_count_, -never);
  c.next_offer_day.assign(person_count_, -never);
  c.offers_made.assign(person_count_, 0);
  c.pending_unit.assign(person_count_, -1);
  c.homeless_contacts.assign(person_count_, 0);
  c.programme_tenants_by_district.assign(parameters_.neighbourhoods.districts.size(), 0);
  for (const Person& person : people_) {
    const int step = step_of(person.initial_place);
    if (step > 0) ++c.occupancy[static_cast<std::size_t>(step)];
  }
  logs_.resize(parameters_.neighbourhoods.districts.size());
  homeless_contacts_now_.assign(person_count_, 0);
  contact_state_.assign(person_count_, 0);
  counters_.entrants = entrants_at_build();
}

// Without a team, a cohort member counts as entering the day they would have been referred; with one,
// on enrolment.
double CityModel::cohort_entry_day_at_build(const PersonRecord& record) const {
  return rules_.housing_first_team ? PersonRecord{}.entry_day : record.referral_day;
}

std::uint64_t CityModel::entrants_at_build() const {
  return rules_.housing_first_team ? ObservedCounts{}.entrants : cohort_count_;
}

void CityModel::adopt_policy(PolicyName policy, EventDraws draws) {
  policy_ = policy;
  rules_ = rules_of(policy, parameters_);
  fewest_draws_ = draws == EventDraws::fewest;
  for (std::uint32_t id = 0; id < cohort_count_; ++id) {
    person_records_[id].entry_day = cohort_entry_day_at_build(person_records_[id]);
  }
  counters_.entrants = entrants_at_build();
}

// Districts weighted by their private or municipal flats (all alike where a city gives none), computed
// once: people and flats draw them by the thousand.
void CityModel::compute_district_weights() {
  const auto& districts = parameters_.neighbourhoods.districts;
  for (const bool private_stock : {false, true}) {
    std::vector<double>& weights = district_weights_[std::size_t{private_stock}];
    weights.resize(districts.size());
    double total = 0.0;
    for (std::size_t d = 0; d < districts.size(); ++d) {
      weights[d] = static_cast<double>(private_stock ? districts[d].private_units : districts[d].municipal_units);
      total += weights[d];
    }
    if (!(total > 0.0)) std::fill(weights.begin(), weights.end(), 1.0);
  }
}

int CityModel::draw_district(RandomStream& stream, bool private_stock) const {
  return static_cast<int>(engine::categorical(stream, district_weights_[std::size_t{private_stock}]));
}

std::uint32_t CityModel::draw_private_landlord(RandomStream& stream, int district) const {
  const auto& here = private_landlords_by_district_[static_cast<std::size_t>(district)];
  if (!here.empty()) return here[engine::uniform_index(stream, here.size())];
  if (private_landlord_count_ > 0) {
    return person_count_ + static_cast<std::uint32_t>(engine::uniform_index(stream, private_landlord_count_));
  }
  return person_count_ + private_landlord_count_ + static_cast<std::uint32_t>(district);  // municipal fallback
}

void CityModel::build_landlords() {
  const auto& districts = parameters_.neighbourhoods.districts;
  const auto& behaviour = parameters_.behaviour.landlords;
  private_landlord_count_ = static_cast<std::uint32_t>(parameters_.housing.private_landlords);
  RandomStream stream(StreamKey{seed_, replicate_, stream_entity_landlords, purpose_landlord_setup});
  const double log_sd = behaviour.complaints_before_warning_log_sd;
  const double log_mean = std::log(behaviour.complaints_before_warning_mean) - 0.5 * log_sd * log_sd;
  landlords_.clear();
  for (std::uint32_t i = 0; i < private_landlord_count_; ++i) {
    Landlord landlord;
    landlord.district = static_cast<std::int16_t>(draw_district(stream, true));
    landlord.tenure = Tenure::private_rental;
    landlord.complaints_before_warning = std::max(1.0, engine::lognormal(stream, log_mean, log_sd));
    landlords_.push_back(landlord);
  }
  for (std::size_t d = 0; d < districts.size(); ++d) {
    Landlord landlord;
    landlord.district = static_cast<std::int16_t>(d);
    landlord.tenure = Tenure::municipal;
    landlord.complaints_before_warning =
        std::max(1.0, behaviour.complaints_before_warning_mean * behaviour.municipal_complaints_before_warning_factor);
    landlords_.push_back(landlord);
  }
}

void CityModel::make_person(std::uint32_t id, bool cohort, const LevelShares& substance, const LevelShares& mental,
                            double female_share) {
  Person& person = people_[id];
  person.id = id;
  person.cohort = cohort;

  const double propensity_variance = parameters_.behaviour.disturbance.complaint_propensity_variance;
  if (propensity_variance > 0.0) {
    RandomStream propensity(StreamKey{seed_, replicate_, id, purpose_complaint_propensity});
    person.complaint_propensity = engine::gamma(propensity, 1.0 / propensity_variance, propensity_variance);
  }

  RandomStream attributes(StreamKey{seed_, replicate_, id, purpose_attributes});
  const auto& age = parameters_.population.age;
  PersonRecord& record = person_records_[id];
  record.id = id;
  record.cohort = cohort;
  record.age_years = std::clamp(engine::normal(attributes, age.mean_years, age.sd_years), age.min_years, age.max_years);
  record.female = engine::bernoulli(attributes, female_share);
  person.substance = static_cast<std::uint8_t>(draw_level(attributes, substance));
  person.mental = static_cast<std::uint8_t>(draw_level(attributes, mental));
  record.initial_substance_use_level = person.substance;
  record.initial_mental_health_level = person.mental;
  record.home_district = static_cast<std::int16_t>(draw_district(attributes, true));
}

void CityModel::build_people() {
  const auto& population = parameters_.population;
  const auto& city = parameters_.city;
  const CivilDate start = parameters_.window.start_date;

  // The programme cohort: accepted entrants per calendar year, referred at random days of that year
  // (clipped to the window).
  std::vector<double> referral_days;
  std::vector<double> refusal_days;
  for (const auto& [year, count] : population.intake_by_year) {
    const double from = std::max(0.0, static_cast<double>(first_day_of_year(start, year)));
    const double to = std::min(end_day_, static_cast<double>(first_day_of_year(start, year + 1)));
    if (!(to > from) || count <= 0) continue;
    RandomStream stream(StreamKey{seed_, replicate_, stream_entity_cohort,
                                  (std::uint64_t{purpose_cohort_schedule} << 32) | static_cast<std::uint32_t>(year)});
    const double quarter = std::min(to, from + (to - from) / 4.0);
    const auto draw_day = [&] {
      const bool early = engine::bernoulli(stream, population.first_quarter_intake_share);
      return early ? engine::uniform(stream, from, quarter) : engine::uniform(stream, quarter, to);
    };
    for (int i = 0; i < count; ++i) {
      referral_days.push_back(draw_day());
      // People offered a place before this one who said no (001:1138-1142; 001:1479-1486) stay in
      // the city's ordinary services.
      RandomStream refusals(StreamKey{seed_, replicate_, stream_entity_cohort,
                                      (std::uint64_t{purpose_cohort_schedule} << 32) | (std::uint64_t{1} << 31) |
                                          (static_cast<std::uint64_t>(static_cast<std::uint32_t>(year)) << 12) |
                                          static_cast<std::uint64_t>(i)});
      while (engine::bernoulli(refusals, population.offer_refusal_share)) refusal_days.push_back(draw_day());
    }
  }
  std::sort(refusal_days.begin(), refusal_days.end());
  std::sort(referral_days.begin(), referral_days.end());
  cohort_count_ = static_cast<std::uint32_t>(referral_days.size());

  // The city pool: the homeless at the start of the burn-in, then the inflow.
  const double share = city.simulated_pool_share;
  const auto initial_pool = static_cast<std::uint32_t>(std::lround(city.initial_homeless_count * share));
  RandomStream inflow_stream(StreamKey{seed_, replicate_, stream_entity_city, purpose_city_inflow});
  const std::vector<double> inflow_days = stepped_poisson_times(
      inflow_stream, city.homelessness_inflow_per_year * share, scaled_by_year(city.homelessness_inflow_by_year, share),
      parameters_.window.start_date, start_day_, end_day_);
  const auto refusers = static_cast<std::uint32_t>(refusal_days.size());
  person_count_ = cohort_count_ + initial_pool + static_cast<std::uint32_t>(inflow_days.size()) + refusers;

  // Each person's draws come from their own streams, so people are built in parts on the run's threads.
  people_.resize(person_count_);
  streams_.resize(person_count_);
  person_records_.resize(person_count_);
  const auto& route = population.entry_route;
  const double route_weights[5] = {route.street_or_friends_share, route.temporary_accommodation_share,
                                   route.treatment_discharge_share, route.prison_release_share,
                                   route.risk_of_eviction_share};
  const std::uint32_t pool_end = cohort_count_ + initial_pool + static_cast<std::uint32_t>(inflow_days.size());
  const auto build_cohort_member = [&](std::uint32_t i) {
    make_person(i, true, population.substance_use_level, population.mental_health_level, population.female_share);
    Person& person = people_[i];
    RandomStream attributes(StreamKey{seed_, replicate_, i, purpose_attributes}, 64);
    person.route = static_cast<EntryRoute>(engine::categorical(attributes, route_weights));
    switch (person.route) {
      case EntryRoute::temporary_accommodation:
      case EntryRoute::street_or_friends:
        person.initial_place = Place::street_or_friends;
        break;
      case EntryRoute::treatment_discharge:
        person.initial_place = Place::treatment;
        break;
      case EntryRoute::prison_release:
        person.initial_place = Place::prison;
        break;
      case EntryRoute::risk_of_eviction:
        person.initial_place = Place::own_flat;
        break;
      default:
        break;
    }
    if (is_institution(person.initial_place)) {
      person.initial_spell_days =
          engine::exponential(attributes, parameters_.behaviour.spells.remaining_stay_at_referral_mean_days);
    }
    person.initial_waiting_list = population.intake_rule == IntakeRule::waiting_list;
    auto& record = person_records_[i];
    record.entry_route = person.route;
    record.appear_day = referral_days[i];
    record.referral_day = referral_days[i];
    record.entry_day = cohort_entry_day_at_build(record);
  };
  // The city pool: the homeless at the start of the burn-in, then the inflow.
  const auto build_pool_member = [&](std::uint32_t id) {
    make_person(id, false, city.substance_use_level, city.mental_health_level, city.female_share);
    Person& person = people_[id];
    person.route = EntryRoute::city_inflow;
    person.initial_place = Place::street_or_friends;
    const std::uint32_t k = id - cohort_count_;
    if (k < initial_pool) {
      person_records_[id].appear_day = start_day_;
      RandomStream attributes(StreamKey{seed_, replicate_, id, purpose_attributes}, 64);
      person.initial_waiting_list = engine::bernoulli(attributes, city.initial_waiting_list_share);
    } else {
      person_records_[id].appear_day = inflow_days[k - initial_pool];
    }
  };
  // Those who refused the programme: referred people, so drawn like the cohort, but in the pool.
  const auto build_refuser = [&](std::uint32_t id) {
    make_person(id, false, population.substance_use_level, population.mental_health_level, population.female_share);
    Person& person = people_[id];
    person.route = EntryRoute::city_inflow;
    person.initial_place = Place::street_or_friends;
    person_records_[id].appear_day = refusal_days[id - pool_end];
    person_records_[id].refused_programme = true;
  };
  engine::for_each_index_on(build_threads_, person_count_, people_per_part, [&](std::size_t index) {
    const auto id = static_cast<std::uint32_t>(index);
    if (id < cohort_count_) {
      build_cohort_member(id);
    } else if (id < pool_end) {
      build_pool_member(id);
    } else {
      build_refuser(id);
    }
  });

  // Fill the staircase to 80 % from the initial pool, top step first, the rest on the street.
  const auto& s = parameters_.staircase;
  const auto filled = [share](int places) { return static_cast<int>(0.8 * std::round(places * share)); };
  std::array<int, 4> to_fill{0, filled(s.shelter_places), filled(s.temporary_accommodation_places),
                             filled(s.training_flat_places)};
  for (std::uint32_t k = 0; k < initial_pool; ++k) {
    for (int step = 3; step >= 1; --step) {
      if (to_fill[static_cast<std::size_t>(step)] > 0) {
        --to_fill[static_cast<std::size_t>(step)];
        people_[cohort_count_ + k].initial_place = place_of_step(step);
        break;
      }
    }
  }
}

void CityModel::build_units() {
  const auto& housing = parameters_.housing;
  units_.clear();
  const auto landlord_index = [this](std::uint32_t entity) { return entity - person_count_; };
  const auto make_unit = [&](std::uint32_t landlord, Unit::Use use, double arrival) {
    Unit unit;
    unit.landlord = landlord;
    unit.district = landlords_[landlord_index(landlord)].district;
    unit.tenure = landlords_[landlord_index(landlord)].tenure;
    unit.use = use;
    unit.arrival_day = arrival;
    units_.push_back(unit);
    return static_cast<std::int32_t>(units_.size() - 1);
  };
  private_landlords_by_district_.assign(parameters_.neighbourhoods.districts.size(), {});
  for (std::uint32_t i = 0; i < private_landlord_count_; ++i) {
    private_landlords_by_district_[static_cast<std::size_t>(landlords_[i].district)].push_back(person_count_ + i);
  }
  const std::uint32_t municipal_base = person_count_ + private_landlord_count_;

  // Flats of cohort members: the home of those at risk of eviction, and flats found on their own.
  for (std::uint32_t i = 0; i < cohort_count_; ++i) {
    Person& person = people_[i];
    RandomStream stream(StreamKey{seed_, replicate_, i, purpose_unit_setup});
    if (person.route == EntryRoute::risk_of_eviction) {
      const bool private_flat =
          private_landlord_count_ > 0 && engine::bernoulli(stream, parameters_.population.housed_entrant_private_share);
      const int district = person_records_[i].home_district;
      const std::uint32_t landlord = private_flat ? draw_private_landlord(stream, district)
                                                  : municipal_base + static_cast<std::uint32_t>(district);
      // No warnings carried in: their risk comes from how they live, as for everyone. Having a flat at
      // entry is one reason given for Drammen's better stability (001:3713-3717).
      person.initial_unit = make_unit(landlord, Unit::Use::initial_home, appear_day(person.id));
    }
    for (auto& unit : person.self_resolve_units) {
      const int district = draw_district(stream, true);
      unit = make_unit(draw_private_landlord(stream, district), Unit::Use::self_resolution, 0.0);
    }
  }

  // Vacancies: private flats a trusted team could rent, and municipal flats for the waiting list.
  RandomStream stream(StreamKey{seed_, replicate_, stream_entity_vacancies, purpose_vacancy});
  std::vector<std::uint32_t> programme_landlords;
  for (std::uint32_t i = 0; i < private_landlord_count_; ++i) {
    if (parameters_.neighbourhoods.districts[static_cast<std::size_t>(landlords_[i].district)].covered_by_programme) {
      programme_landlords.push_back(person_count_ + i);
    }
  }
  if (programme_landlords.empty()) {
    for (std::uint32_t i = 0; i < private_landlord_count_; ++i) programme_landlords.push_back(person_count_ + i);
  }
  if (!programme_landlords.empty()) {
    for (double day : poisson_times(stream, housing.private_vacancies_for_programme_per_year, 0.0, end_day_)) {
      const auto landlord = programme_landlords[engine::uniform_index(stream, programme_landlords.size())];
      coordination_.vacancy_order.push_back(make_unit(landlord, Unit::Use::programme_private, day));
    }
  }
  const double reserved_share =
      housing.municipal_vacancies_per_year > 0.0
          ? housing.municipal_flats_reserved_for_programme_per_year / housing.municipal_vacancies_per_year
          : 0.0;
  // Flats reserved for the programme arrive at full scale; the rest, which the (sampled) city pool
  // competes for, at the pool's share.
  const double pool_share = parameters_.city.simulated_pool_share;
  const double municipal_rate =
      housing.municipal_vacancies_per_year * (reserved_share + (1.0 - reserved_share) * pool_share);
  const double reserved_given_arrival =
      municipal_rate > 0.0 ? housing.municipal_vacancies_per_year * reserved_share / municipal_rate : 0.0;
  for (double day : poisson_times(stream, municipal_rate, start_day_, end_day_)) {
    const int district = draw_district(stream, false);
    const std::int32_t id = make_unit(municipal_base + static_cast<std::uint32_t>(district), Unit::Use::municipal, day);
    const bool reserved = engine::bernoulli(stream, reserved_given_arrival);
    units_[static_cast<std::size_t>(id)].reserved_for_programme = reserved && day >= 0.0;
    // Before the programme starts, reserved flats are not set aside and go to the waiting list only
    // at the pool's share.
    if (reserved && day < 0.0 && !engine::bernoulli(stream, pool_share)) continue;
    coordination_.vacancy_order.push_back(id);
  }
  std::sort(coordination_.vacancy_order.begin(), coordination_.vacancy_order.end(), [this](auto a, auto b) {
    const double ta = units_[static_cast<std::size_t>(a)].arrival_day;
    const double tb = units_[static_cast<std::size_t>(b)].arrival_day;
    return ta != tb ? ta < tb : a < b;
  });
}

engine::Partition CityModel::partition() const {
  const auto lp_count = static_cast<engine::LpIndex>(parameters_.neighbourhoods.districts.size());
  std::vector<engine::LpIndex> owner;
  owner.reserve(person_count_ + landlords_.size());
  for (const auto& record : person_records_) owner.push_back(static_cast<engine::LpIndex>(record.home_district));
  for (const auto& landlord : landlords_) owner.push_back(static_cast<engine::LpIndex>(landlord.district));
  return engine::Partition(std::move(owner), lp_count);
}

void CityModel::seed_events(engine::Simulator<CityModel>& simulator) const {
  for (const PersonRecord& record : person_records_) {
    if (record.appear_day < end_day_)
      simulator.schedule_initial(record.appear_day, record.id, class_command, kind_appear);
  }
}

double CityModel::hf_caseload_per_fte_at(double day) const {
  const auto& hf = parameters_.teams.housing_first;
  return value_in_year(hf.caseload_per_fte_by_year, year_of(parameters_.window.start_date, day), hf.caseload_per_fte);
}

bool CityModel::hf_janitor_at(double day) const {
  const auto& hf = parameters_.teams.housing_first;
  return value_in_year(hf.janitor_by_year, year_of(parameters_.window.start_date, day), int{hf.janitor}) != 0;
}

bool CityModel::hf_extended_hours_at(double day) const {
  const auto& hf = parameters_.teams.housing_first;
  return value_in_year(hf.extended_hours_by_year, year_of(parameters_.window.start_date, day),
                       int{hf.extended_hours}) != 0;
}

double CityModel::hf_fte_at(double day) const {
  if (!rules_.housing_first_team) return 0.0;
  const auto& by_year = parameters_.teams.housing_first.fte_by_year;
  const int year = year_of(parameters_.window.start_date, day);
  auto it = by_year.upper_bound(year);
  if (it == by_year.begin()) return 0.0;
  return std::prev(it)->second;
}

}  // namespace hsim::model::detail
