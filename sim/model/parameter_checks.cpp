#include "sim/model/parameter_checks.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>

#include "sim/model/price_list.hpp"
#include "sim/model/service_use.hpp"

namespace hsim::model {
namespace {

class Checker {
 public:
  void share(const std::string& path, double value) {
    if (!(value >= 0.0 && value <= 1.0)) add(path, "must be a share between 0 and 1, got " + text(value));
  }
  void non_negative(const std::string& path, double value) {
    if (!(value >= 0.0) || !std::isfinite(value)) add(path, "must be a finite number >= 0, got " + text(value));
  }
  void positive(const std::string& path, double value) {
    if (!(value > 0.0) || !std::isfinite(value)) add(path, "must be a finite number > 0, got " + text(value));
  }
  void sums_to_one(const std::string& path, double sum, const std::string& fields) {
    if (std::abs(sum - 1.0) > 1e-6) add(path, "shares " + fields + " must sum to 1, they sum to " + text(sum));
  }
  void level_shares(const std::string& path, const LevelShares& shares) {
    share(path + ".low_share", shares.low_share);
    share(path + ".medium_share", shares.medium_share);
    share(path + ".high_share", shares.high_share);
    sums_to_one(path, shares.low_share + shares.medium_share + shares.high_share,
                "low_share + medium_share + high_share");
  }
  void level_rates(const std::string& path, const LevelRates& rates) {
    non_negative(path + ".low_per_year", rates.low_per_year);
    non_negative(path + ".medium_per_year", rates.medium_per_year);
    non_negative(path + ".high_per_year", rates.high_per_year);
  }
  void chain(const std::string& path, const SeverityChain& chain) {
    non_negative(path + ".worsen_low_to_medium_per_year", chain.worsen_low_to_medium_per_year);
    non_negative(path + ".worsen_medium_to_high_per_year", chain.worsen_medium_to_high_per_year);
    non_negative(path + ".improve_medium_to_low_per_year", chain.improve_medium_to_low_per_year);
    non_negative(path + ".improve_high_to_medium_per_year", chain.improve_high_to_medium_per_year);
  }
  void cost(const std::string& path, const CostItem& item) { non_negative(path + ".value_nok", item.value_nok); }
  // A price year must be in the consumer price index (0 stands for costs.price_year).
  void price_year(const std::string& path, int year, const CostParameters& costs) {
    if (year != 0 && !costs.consumer_price_index.contains(year)) {
      add(path, "year " + std::to_string(year) + " is not in costs.consumer_price_index");
    }
  }
  void add(const std::string& path, const std::string& message) { problems.push_back({path, message}); }

  std::vector<ParameterProblem> problems;

 private:
  static std::string text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
  }
};

}  // namespace

std::vector<ParameterProblem> check_parameters(const CityParameters& p) {
  Checker c;
  if (!is_valid(p.window.start_date)) c.add("window.start_date", "is not a calendar date");
  if (!is_valid(p.window.status_date)) c.add("window.status_date", "is not a calendar date");
  if (!(p.window.start_date < p.window.status_date)) c.add("window.status_date", "must be after window.start_date");
  c.non_negative("window.burn_in_days", p.window.burn_in_days);
  c.positive("window.census_interval_days", p.window.census_interval_days);
  if (p.policy.mixed_hf_places < 0) c.add("policy.mixed_hf_places", "must be >= 0");

  const auto& pop = p.population;
  for (const auto& [year, count] : pop.intake_by_year) {
    if (count < 0) c.add("population.intake_by_year." + std::to_string(year), "must be >= 0");
  }
  c.share("population.offer_refusal_share", pop.offer_refusal_share);
  if (pop.offer_refusal_share >= 1.0) c.add("population.offer_refusal_share", "must be below 1");
  const auto& route = pop.entry_route;
  c.share("population.entry_route.street_or_friends_share", route.street_or_friends_share);
  c.share("population.entry_route.temporary_accommodation_share", route.temporary_accommodation_share);
  c.share("population.entry_route.treatment_discharge_share", route.treatment_discharge_share);
  c.share("population.entry_route.prison_release_share", route.prison_release_share);
  c.share("population.entry_route.risk_of_eviction_share", route.risk_of_eviction_share);
  c.sums_to_one("population.entry_route",
                route.street_or_friends_share + route.temporary_accommodation_share + route.treatment_discharge_share +
                    route.prison_release_share + route.risk_of_eviction_share,
                "street_or_friends_share + temporary_accommodation_share + treatment_discharge_share + "
                "prison_release_share + risk_of_eviction_share");
  c.non_negative("population.age.sd_years", pop.age.sd_years);
  if (!(pop.age.min_years <= pop.age.mean_years && pop.age.mean_years <= pop.age.max_years)) {
    c.add("population.age", "needs min_years <= mean_years <= max_years");
  }
  c.share("population.female_share", pop.female_share);
  c.level_shares("population.substance_use_level", pop.substance_use_level);
  c.level_shares("population.mental_health_level", pop.mental_health_level);
  c.share("population.first_quarter_intake_share", pop.first_quarter_intake_share);
  c.share("population.housed_entrant_private_share", pop.housed_entrant_private_share);
  c.non_negative("population.self_resolved_housing_factor", pop.self_resolved_housing_factor);

  const auto& city = p.city;
  if (city.initial_homeless_count < 0) c.add("city.initial_homeless_count", "must be >= 0");
  c.non_negative("city.homelessness_inflow_per_year", city.homelessness_inflow_per_year);
  c.share("city.simulated_pool_share", city.simulated_pool_share);
  c.level_shares("city.substance_use_level", city.substance_use_level);
  c.level_shares("city.mental_health_level", city.mental_health_level);
  c.share("city.female_share", city.female_share);
  c.share("city.initial_waiting_list_share", city.initial_waiting_list_share);

  const auto& h = p.housing;
  c.non_negative("housing.private_vacancies_for_programme_per_year", h.private_vacancies_for_programme_per_year);
  c.non_negative("housing.municipal_vacancies_per_year", h.municipal_vacancies_per_year);
  c.non_negative("housing.municipal_flats_reserved_for_programme_per_year",
                 h.municipal_flats_reserved_for_programme_per_year);
  if (h.municipal_flats_reserved_for_programme_per_year > h.municipal_vacancies_per_year) {
    c.add("housing.municipal_flats_reserved_for_programme_per_year",
          "cannot exceed housing.municipal_vacancies_per_year");
  }
  if (h.private_landlords < 0) c.add("housing.private_landlords", "must be >= 0");
  if (h.private_landlords == 0 && h.private_vacancies_for_programme_per_year > 0.0) {
    c.add("housing.private_landlords", "must be >= 1 when private_vacancies_for_programme_per_year > 0");
  }
  if (h.flats_offered_to_choose_from < 1) c.add("housing.flats_offered_to_choose_from", "must be >= 1");
  c.positive("housing.vacancy_open_days", h.vacancy_open_days);
  c.non_negative("housing.move_in_preparation_days", h.move_in_preparation_days);

  const auto& n = p.neighbourhoods;
  if (n.districts.empty()) c.add("neighbourhoods.districts", "needs at least one district");
  std::set<std::string> names;
  bool any_covered = false;
  for (std::size_t i = 0; i < n.districts.size(); ++i) {
    const auto& d = n.districts[i];
    const std::string path = "neighbourhoods.districts[" + std::to_string(i) + "]";
    if (d.name.empty()) c.add(path + ".name", "must not be empty");
    if (!names.insert(d.name).second) c.add(path + ".name", "duplicate district name '" + d.name + "'");
    c.positive(path + ".complaint_tolerance", d.complaint_tolerance);
    c.share(path + ".drug_scene_intensity", d.drug_scene_intensity);
    if (d.private_units < 0) c.add(path + ".private_units", "must be >= 0");
    if (d.municipal_units < 0) c.add(path + ".municipal_units", "must be >= 0");
    any_covered = any_covered || d.covered_by_programme;
  }
  if (!n.districts.empty() && !any_covered) {
    c.add("neighbourhoods.districts", "at least one district must be covered_by_programme");
  }
  for (std::size_t i = 0; i < n.adjacency.size(); ++i) {
    const auto& link = n.adjacency[i];
    const std::string path = "neighbourhoods.adjacency[" + std::to_string(i) + "]";
    if (!names.contains(link.from)) c.add(path + ".from", "unknown district '" + link.from + "'");
    if (!names.contains(link.to)) c.add(path + ".to", "unknown district '" + link.to + "'");
    if (link.from == link.to) c.add(path, "links a district to itself");
  }
  c.non_negative("neighbourhoods.clustering_penalty_share", n.clustering_penalty_share);
  c.share("neighbourhoods.drug_scene_spillover_share", n.drug_scene_spillover_share);
  c.positive("neighbourhoods.municipal_tenant_tolerance_factor", n.municipal_tenant_tolerance_factor);

  const auto& hf = p.teams.housing_first;
  for (const auto& [year, fte] : hf.fte_by_year) {
    c.non_negative("teams.housing_first.fte_by_year." + std::to_string(year), fte);
  }
  c.non_negative("teams.housing_first.caseload_per_fte", hf.caseload_per_fte);
  for (const auto& [year, caseload] : hf.caseload_per_fte_by_year) {
    c.positive("teams.housing_first.caseload_per_fte_by_year." + std::to_string(year), caseload);
  }
  for (const auto& [name, by_year] : {std::pair{"janitor_by_year", &hf.janitor_by_year},
                                      std::pair{"extended_hours_by_year", &hf.extended_hours_by_year}}) {
    for (const auto& [year, flag] : *by_year) {
      if (flag != 0 && flag != 1)
        c.add(std::string("teams.housing_first.") + name + "." + std::to_string(year), "must be 0 or 1");
    }
  }
  for (const auto& [year, inflow] : p.city.homelessness_inflow_by_year) {
    c.non_negative("city.homelessness_inflow_by_year." + std::to_string(year), inflow);
  }
  c.non_negative("teams.housing_first.visits_per_week", hf.visits_per_week);
  c.share("teams.housing_first.eviction_prevention_base_share", hf.eviction_prevention_base_share);
  c.share("teams.housing_first.eviction_prevention_capacity_share", hf.eviction_prevention_capacity_share);
  if (hf.eviction_prevention_base_share + hf.eviction_prevention_capacity_share > 1.0 + 1e-9) {
    c.add("teams.housing_first", "eviction_prevention_base_share + eviction_prevention_capacity_share must be <= 1");
  }
  c.share("teams.housing_first.managed_exit_share", hf.managed_exit_share);
  c.non_negative("teams.housing_first.rehousing_delay_days", hf.rehousing_delay_days);
  c.non_negative("teams.housing_first.managed_exit_days", hf.managed_exit_days);
  c.share("teams.housing_first.crisis_contact_complaint_reduction_share", hf.crisis_contact_complaint_reduction_share);
  c.positive("teams.housing_first.prevention_staff_per_participant_scale", hf.prevention_staff_per_participant_scale);
  c.share("teams.housing_first.new_team_prevention_gap_share", hf.new_team_prevention_gap_share);
  c.non_negative("teams.housing_first.disengagement_while_unhoused_per_year", hf.disengagement_while_unhoused_per_year);
  const auto& of = p.teams.ordinary_follow_up;
  c.non_negative("teams.ordinary_follow_up.fte", of.fte);
  c.non_negative("teams.ordinary_follow_up.caseload_per_fte", of.caseload_per_fte);
  c.non_negative("teams.ordinary_follow_up.visits_per_week", of.visits_per_week);
  c.share("teams.ordinary_follow_up.eviction_prevention_share", of.eviction_prevention_share);
  c.non_negative("welfare.arrears_termination_per_year", p.welfare.arrears_termination_per_year);
  c.non_negative("welfare.assisted_private_lets_per_year", p.welfare.assisted_private_lets_per_year);

  const auto& s = p.staircase;
  if (s.shelter_places < 0) c.add("staircase.shelter_places", "must be >= 0");
  if (s.temporary_accommodation_places < 0) c.add("staircase.temporary_accommodation_places", "must be >= 0");
  if (s.training_flat_places < 0) c.add("staircase.training_flat_places", "must be >= 0");
  c.positive("staircase.shelter_promotion_days", s.shelter_promotion_days);
  c.positive("staircase.temporary_accommodation_promotion_days", s.temporary_accommodation_promotion_days);
  c.positive("staircase.training_flat_promotion_days", s.training_flat_promotion_days);
  c.share("staircase.demotion_probability_per_incident", s.demotion_probability_per_incident);
  c.share("staircase.exclusion_to_street_share", s.exclusion_to_street_share);
  c.share("staircase.incident_reported_share", s.incident_reported_share);
  c.non_negative("staircase.eviction_ineligibility_days", s.eviction_ineligibility_days);
  c.non_negative("staircase.place_kept_during_spell_max_days", s.place_kept_during_spell_max_days);

  const auto& b = p.behaviour;
  c.chain("behaviour.substance_use", b.substance_use);
  c.chain("behaviour.mental_health", b.mental_health);
  c.level_rates("behaviour.episodes.heavy_use_by_substance_level", b.episodes.heavy_use_by_substance_level);
  c.positive("behaviour.episodes.heavy_use_mean_days", b.episodes.heavy_use_mean_days);
  c.level_rates("behaviour.episodes.psychiatric_by_mental_health_level", b.episodes.psychiatric_by_mental_health_level);
  c.positive("behaviour.episodes.psychiatric_mean_days", b.episodes.psychiatric_mean_days);
  const auto& d = b.disturbance;
  c.non_negative("behaviour.disturbance.baseline_per_year", d.baseline_per_year);
  c.non_negative("behaviour.disturbance.in_episode_per_week", d.in_episode_per_week);
  c.non_negative("behaviour.disturbance.visitor_episodes_per_homeless_contact_per_year",
                 d.visitor_episodes_per_homeless_contact_per_year);
  c.non_negative("behaviour.disturbance.network_contacts_mean", d.network_contacts_mean);
  c.share("behaviour.disturbance.complaint_probability", d.complaint_probability);
  c.non_negative("behaviour.disturbance.drug_scene_complaint_factor", d.drug_scene_complaint_factor);
  c.non_negative("behaviour.disturbance.early_tenancy_complaint_factor", d.early_tenancy_complaint_factor);
  c.non_negative("behaviour.disturbance.early_tenancy_days", d.early_tenancy_days);
  c.non_negative("behaviour.disturbance.first_flat_complaint_factor", d.first_flat_complaint_factor);
  c.non_negative("behaviour.disturbance.settled_tenancy_complaint_factor", d.settled_tenancy_complaint_factor);
  c.positive("behaviour.disturbance.tenancy_settling_days", d.tenancy_settling_days);
  c.non_negative("behaviour.disturbance.complaint_propensity_variance", d.complaint_propensity_variance);
  c.non_negative("behaviour.disturbance.short_choice_complaint_factor", d.short_choice_complaint_factor);
  c.non_negative("behaviour.disturbance.janitor_complaint_factor", d.janitor_complaint_factor);
  c.non_negative("behaviour.disturbance.extended_hours_complaint_factor", d.extended_hours_complaint_factor);
  const auto& l = b.landlords;
  c.positive("behaviour.landlords.complaints_before_warning_mean", l.complaints_before_warning_mean);
  c.non_negative("behaviour.landlords.complaints_before_warning_log_sd", l.complaints_before_warning_log_sd);
  c.positive("behaviour.landlords.municipal_complaints_before_warning_factor",
             l.municipal_complaints_before_warning_factor);
  c.share("behaviour.landlords.warnings_kept_after_prevention_share", l.warnings_kept_after_prevention_share);
  if (l.warnings_before_termination < 0) c.add("behaviour.landlords.warnings_before_termination", "must be >= 0");
  c.share("behaviour.landlords.immediate_eviction_share", l.immediate_eviction_share);
  if (l.notice_period_months < 0) c.add("behaviour.landlords.notice_period_months", "must be >= 0");
  c.positive("behaviour.landlords.complaint_memory_days", l.complaint_memory_days);
  c.positive("behaviour.landlords.warning_memory_days", l.warning_memory_days);
  c.share("behaviour.landlords.base_willingness_share", l.base_willingness_share);
  c.share("behaviour.landlords.reputation_willingness_gain_share", l.reputation_willingness_gain_share);
  c.positive("behaviour.landlords.reputation_tenancy_years_scale", l.reputation_tenancy_years_scale);
  c.share("behaviour.landlords.eviction_reputation_penalty_share", l.eviction_reputation_penalty_share);
  c.share("behaviour.landlords.landlord_eviction_willingness_penalty_share",
          l.landlord_eviction_willingness_penalty_share);
  c.level_rates("behaviour.spells.treatment_by_substance_level", b.spells.treatment_by_substance_level);
  c.positive("behaviour.spells.treatment_mean_days", b.spells.treatment_mean_days);
  c.level_rates("behaviour.spells.prison_by_substance_level", b.spells.prison_by_substance_level);
  c.positive("behaviour.spells.prison_mean_days", b.spells.prison_mean_days);
  c.non_negative("behaviour.spells.tenancy_kept_during_spell_max_days", b.spells.tenancy_kept_during_spell_max_days);
  c.non_negative("behaviour.spells.tenancy_kept_without_support_max_days",
                 b.spells.tenancy_kept_without_support_max_days);
  c.positive("behaviour.spells.remaining_stay_at_referral_mean_days", b.spells.remaining_stay_at_referral_mean_days);
  c.level_rates("behaviour.life.mortality_by_substance_level", b.life.mortality_by_substance_level);
  c.non_negative("behaviour.life.move_away_per_year", b.life.move_away_per_year);
  c.non_negative("behaviour.life.voluntary_move_per_year", b.life.voluntary_move_per_year);
  c.non_negative("behaviour.life.self_resolved_housing_per_year", b.life.self_resolved_housing_per_year);
  c.share("behaviour.life.flat_refusal_share", b.life.flat_refusal_share);
  if (b.life.flat_refusal_share >= 1.0) c.add("behaviour.life.flat_refusal_share", "must be below 1");

  const auto& k = p.costs;
  const auto priced = plain_cost_items(k);
  const bool any_other_year =
      k.municipal_flat.price_year != 0 ||
      std::any_of(priced.begin(), priced.end(), [](const auto& item) { return item.second->price_year != 0; });
  if (any_other_year) c.price_year("costs.price_year", k.price_year, k);
  for (const auto& [item, price] : priced) {
    const std::string path = "costs." + std::string(to_string(item));
    c.cost(path, *price);
    c.price_year(path + ".price_year", price->price_year, k);
  }
  for (const auto& [year, index] : k.consumer_price_index) {
    c.positive("costs.consumer_price_index." + std::to_string(year), index);
  }
  c.non_negative("costs.discount_rate_per_year", k.discount_rate_per_year);
  c.non_negative("costs.municipal_flat.purchase_price_nok", k.municipal_flat.purchase_price_nok);
  c.share("costs.municipal_flat.grant_share", k.municipal_flat.grant_share);
  c.non_negative("costs.municipal_flat.loan_rate_per_year", k.municipal_flat.loan_rate_per_year);
  c.positive("costs.municipal_flat.loan_years", k.municipal_flat.loan_years);
  c.non_negative("costs.municipal_flat.upkeep_share_per_year", k.municipal_flat.upkeep_share_per_year);
  c.price_year("costs.municipal_flat.price_year", k.municipal_flat.price_year, k);
  c.share("costs.place_fixed_share.shelter", k.place_fixed_share.shelter);
  c.share("costs.place_fixed_share.temporary_accommodation", k.place_fixed_share.temporary_accommodation);
  c.share("costs.place_fixed_share.training_flat", k.place_fixed_share.training_flat);

  const char* level_names[] = {"low", "medium", "high"};
  for (std::size_t service = 0; service < service_item_names.size(); ++service) {
    const ServiceRate* rate = &rate_of(p.service_use, static_cast<ServiceItem>(service));
    const std::string prefix = "service_use." + std::string(service_item_names[service]) + ".";
    for (std::size_t place = 0; place < service_place_names.size(); ++place) {
      c.non_negative(prefix + std::string(service_place_names[place]) + "_per_year", rate->per_year_by_place[place]);
    }
    for (std::size_t level = 0; level < 3; ++level) {
      c.non_negative(prefix + level_names[level] + "_severity_factor", rate->severity_factor[level]);
    }
  }
  c.non_negative("costs.janitor_hours_per_move_in", k.janitor_hours_per_move_in);
  c.non_negative("costs.janitor_hours_per_complaint", k.janitor_hours_per_complaint);
  return std::move(c.problems);
}

void require_valid(const CityParameters& parameters) {
  const auto problems = check_parameters(parameters);
  if (problems.empty()) return;
  std::string message = "invalid city parameters:";
  for (const auto& problem : problems) message += "\n  " + problem.key_path + ": " + problem.message;
  throw std::invalid_argument(message);
}

}  // namespace hsim::model
