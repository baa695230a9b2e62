#pragma once

// Every input of a city scenario, as plain data. The sections mirror the scenario YAML file one to one:
// one struct per YAML section, field names are the YAML key names, and the comment above each struct
// gives its YAML path. Units are in the names (_days, _per_year, _per_week, _nok, _share, _fte, _years).
// Defaults describe a Bergen-like city; behaviour defaults are assumptions to be calibrated.
//
// The model reads this once, copies it, and never writes it. No YAML and no I/O here.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/model/calendar.hpp"

namespace hsim::model {

// ---------------------------------------------------------------------------------------------------
// Enumerations and their YAML spellings
// ---------------------------------------------------------------------------------------------------

// staircase: the strict readiness ladder only; usual_services: ordinary Norwegian services without a
// ladder (waiting list open to every homeless person, welfare-assisted private lets, ordinary
// follow-up); housing_first: every programme entrant goes to the HF team; mixed: an HF team with
// limited places (policy.mixed_hf_places) inside the comparator named by policy.comparator.
enum class PolicyName : std::uint8_t { staircase, housing_first, mixed, usual_services };

// The services a `mixed` city runs around its Housing First team (policy.comparator).
enum class Comparator : std::uint8_t { staircase, usual_services };

// How the programme finds its entrants (population.intake_rule).
//   capacity: homeless people referred by services, taken when a place is free (Bergen);
//   waiting_list: people on the municipal housing waiting list, invited (Sandnes);
//   application: people apply, the team selects (Bodø);
//   referral_including_housed: referrals include people still housed but at risk (Drammen).
enum class IntakeRule : std::uint8_t { capacity, waiting_list, application, referral_including_housed };

// Who pays (Denmark's SØM and Norwegian practice split public costs this way): the municipality
// (housing, social services, temporary accommodation, legevakt), the state (NAV's state benefits and
// Husbanken's grants), the regional health trust, the Correctional Service and the police.
enum class Payer : std::uint8_t { municipality, state, health_trust, correctional_service, police, count };

enum class Tenure : std::uint8_t { private_rental, municipal };

inline constexpr std::array<std::pair<PolicyName, std::string_view>, 4> policy_name_spellings{{
    {PolicyName::staircase, "staircase"},
    {PolicyName::housing_first, "housing_first"},
    {PolicyName::mixed, "mixed"},
    {PolicyName::usual_services, "usual_services"},
}};
inline constexpr std::array<std::pair<Comparator, std::string_view>, 2> comparator_spellings{{
    {Comparator::staircase, "staircase"},
    {Comparator::usual_services, "usual_services"},
}};
inline constexpr std::array<std::pair<IntakeRule, std::string_view>, 4> intake_rule_spellings{{
    {IntakeRule::capacity, "capacity"},
    {IntakeRule::waiting_list, "waiting_list"},
    {IntakeRule::application, "application"},
    {IntakeRule::referral_including_housed, "referral_including_housed"},
}};
inline constexpr std::array<std::pair<Payer, std::string_view>, 5> payer_spellings{{
    {Payer::municipality, "municipality"},
    {Payer::state, "state"},
    {Payer::health_trust, "health_trust"},
    {Payer::correctional_service, "correctional_service"},
    {Payer::police, "police"},
}};
inline constexpr std::array<std::pair<Tenure, std::string_view>, 2> tenure_spellings{{
    {Tenure::private_rental, "private_rental"},
    {Tenure::municipal, "municipal"},
}};

// The value of a step function given from listed years on: the entry of the latest year at or before
// `year`, or `fallback` before the first (or when none is listed).
template <class V>
V value_in_year(const std::map<int, V>& from_year, int year, V fallback) {
  auto it = from_year.upper_bound(year);
  return it == from_year.begin() ? fallback : std::prev(it)->second;
}

template <class Enum, std::size_t N>
constexpr std::string_view spelling_of(Enum value, const std::array<std::pair<Enum, std::string_view>, N>& table) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "?";
}
template <class Enum, std::size_t N>
constexpr std::optional<Enum> parse_spelling(std::string_view text,
                                             const std::array<std::pair<Enum, std::string_view>, N>& table) {
  for (const auto& [candidate, name] : table) {
    if (name == text) return candidate;
  }
  return std::nullopt;
}

constexpr std::string_view to_string(PolicyName value) {
  return spelling_of(value, policy_name_spellings);
}
constexpr std::string_view to_string(Comparator value) {
  return spelling_of(value, comparator_spellings);
}
constexpr std::string_view to_string(IntakeRule value) {
  return spelling_of(value, intake_rule_spellings);
}
constexpr std::string_view to_string(Payer value) {
  return spelling_of(value, payer_spellings);
}
constexpr std::string_view to_string(Tenure value) {
  return spelling_of(value, tenure_spellings);
}

// ---------------------------------------------------------------------------------------------------
// Small reusable groups
// ---------------------------------------------------------------------------------------------------

// Shares of people at each severity level; must sum to 1.
struct LevelShares {
  double low_share = 0.2;
  double medium_share = 0.4;
  double high_share = 0.4;
};

// A rate per person-year at each severity level.
struct LevelRates {
  double low_per_year = 0.0;
  double medium_per_year = 0.0;
  double high_per_year = 0.0;
};

// Transition rates of a three-level severity chain (low <-> medium <-> high). Housing never enters
// these rates: the sources show no change in substance use or mental health (001:137-144,
// 001:3359-3374). Each level's long-run occupancy is the chain's stationary distribution.
struct SeverityChain {
  double worsen_low_to_medium_per_year = 0.8;
  double worsen_medium_to_high_per_year = 0.6;
  double improve_medium_to_low_per_year = 0.4;
  double improve_high_to_medium_per_year = 0.6;
};

// ---------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------

// window
struct WindowParameters {
  CivilDate start_date{2014, 1, 1};
  CivilDate status_date{2016, 12, 31};
  // The city pool (not the programme) runs this long before start_date so that shelters, temporary
  // accommodation and the waiting list are near their steady state when the programme opens.
  double burn_in_days = 365.0;
  // Interval of the city time series (point-in-time counts), in days.
  double census_interval_days = 7.0;
};

// policy
struct PolicyParameters {
  // The scenario's own policy, for `hsim run`; simulate_replicate takes the policy as an argument.
  // staircase: no HF team, staircase rules for everyone. housing_first: an HF team for the programme,
  // and no housing-readiness rules in the city (everyone homeless may join the waiting list, incidents
  // do not cost staircase places). mixed: an HF team for the programme inside a staircase city.
  PolicyName name = PolicyName::housing_first;
  // Under `mixed`: the most programme entrants the HF team takes at once (0: its caseload cap).
  int mixed_hf_places = 0;
  // Under `mixed`: the services around the team, the strict ladder or usual services.
  Comparator comparator = Comparator::staircase;
};

// population.entry_route (programme entrants); must sum to 1. 003:55-63; 001:1075-1097.
struct EntryRouteShares {
  double street_or_friends_share = 0.35;
  double temporary_accommodation_share = 0.35;
  double treatment_discharge_share = 0.1;
  double prison_release_share = 0.1;
  double risk_of_eviction_share = 0.1;
};

// population.age
struct AgeParameters {
  double mean_years = 39.0;  // 002:45-48
  double sd_years = 10.0;
  double min_years = 18.0;
  double max_years = 70.0;
};

// population (the programme cohort: who is referred, when, with what problems)
struct PopulationParameters {
  // Accepted programme entrants per calendar year (001:2911-2917 for Bergen).
  std::map<int, int> intake_by_year{{2014, 22}, {2015, 5}, {2016, 9}};
  IntakeRule intake_rule = IntakeRule::capacity;
  // Share of people offered the programme who refuse it (001:1138-1142: 26 offered, 20 accepted).
  // Refusers join the city pool; intake_by_year counts those who accepted.
  double offer_refusal_share = 0.23;
  EntryRouteShares entry_route{};
  AgeParameters age{};
  double female_share = 0.28;  // 002:45-48 (27 of 96)
  LevelShares substance_use_level{0.1, 0.3, 0.6};
  LevelShares mental_health_level{0.2, 0.4, 0.4};
  // Referrals arrive spread over the year; this share of a year's intake is referred in its first
  // quarter (a project's first year usually fills fast). 0.25 spreads evenly.
  double first_quarter_intake_share = 0.25;
  // Entrants on the risk_of_eviction route live in a flat at referral; this share of those flats is
  // private (the rest municipal).
  double housed_entrant_private_share = 0.5;
  // The programme picks those who need most (001:1446-1454): their chance of finding housing on their
  // own, relative to the city pool's behaviour.life.self_resolved_housing_per_year.
  double self_resolved_housing_factor = 0.25;
};

// city (the homeless population outside the programme: the staircase system's users)
struct CitySystemParameters {
  int initial_homeless_count = 250;
  double homelessness_inflow_per_year = 120.0;
  // From each listed calendar year on, replaces homelessness_inflow_per_year (empty: that value throughout).
  std::map<int, double> homelessness_inflow_by_year{};
  // Simulate this share of the city's homeless pool (city counts are reported scaled back up). The
  // resources the pool competes for are sampled at the same share: staircase places, municipal
  // vacancies not reserved for the programme, ordinary follow-up capacity. The programme cohort and
  // its reserved and private flats stay at full scale. Below 1 it trades accuracy for speed (run time
  // grows with the number of people simulated).
  double simulated_pool_share = 1.0;
  LevelShares substance_use_level{0.3, 0.4, 0.3};
  LevelShares mental_health_level{0.3, 0.4, 0.3};
  double female_share = 0.3;  // 001:527-528
  // Share of the initial homeless pool already on the municipal waiting list.
  double initial_waiting_list_share = 0.3;
};

// housing
struct HousingParameters {
  // Private flats a fully trusted team could rent per year (vacancies offered to the programme).
  double private_vacancies_for_programme_per_year = 30.0;
  // Municipal flats becoming vacant per year for the whole waiting list.
  double municipal_vacancies_per_year = 60.0;
  // Of those, flats per year set aside for the programme (HF or mixed policy only).
  double municipal_flats_reserved_for_programme_per_year = 6.0;
  int private_landlords = 40;
  // Flats shown to a participant at once (001:1623-1624: 2 in Bergen).
  int flats_offered_to_choose_from = 2;
  // A vacancy not taken within this many days is let to someone else.
  double vacancy_open_days = 21.0;
  // Days from accepting a flat to moving in (contract, preparation: 001:3153-3154).
  double move_in_preparation_days = 14.0;
};

// neighbourhoods.districts[]
struct DistrictParameters {
  std::string name = "district";
  // Multiplies neighbours' tolerance: above 1 complains less, below 1 more (001:1636-1639).
  double complaint_tolerance = 1.0;
  // 0 none .. 1 open drug scene (001:1593-1594; 001:2360-2372).
  double drug_scene_intensity = 0.0;
  int private_units = 1000;
  int municipal_units = 100;
  // Whether the HF team places participants here (Bergen covered 2 of 8 districts, 001:1070-1071).
  bool covered_by_programme = true;
};

// neighbourhoods.adjacency[]
struct DistrictLink {
  std::string from;
  std::string to;
};

// neighbourhoods
struct NeighbourhoodParameters {
  std::vector<DistrictParameters> districts{
      {"centre", 0.8, 0.8, 1500, 200, true},
      {"north", 1.0, 0.3, 1200, 120, true},
      {"south", 1.2, 0.1, 1500, 100, true},
      {"west", 1.0, 0.2, 1000, 150, true},
  };
  std::vector<DistrictLink> adjacency{{"centre", "north"}, {"centre", "south"}, {"centre", "west"}, {"north", "west"}};
  // Each extra programme tenant already in a district raises complaint odds by this share (scatter).
  double clustering_penalty_share = 0.05;
  // Share of an adjacent district's drug-scene intensity that spills over.
  double drug_scene_spillover_share = 0.3;
  // Tolerance multiplier for tenants of municipal flats: >1 more accepting (Bergen, 001:1636-1639),
  // <1 stigmatised (Sandnes, 001:1656-1659).
  double municipal_tenant_tolerance_factor = 1.2;
};

// teams.housing_first
struct HousingFirstTeamParameters {
  std::map<int, double> fte_by_year{{2014, 6.0}, {2015, 5.5}, {2016, 5.5}};  // 001:1103-1111, 1336
  double caseload_per_fte = 6.0;                                             // planned 1:6, 001:1136-1144
  double visits_per_week = 1.0;                                              // 001:124; 003:209
  bool extended_hours = true;                                                // 003:196
  bool janitor = true;                                                       // 001:1105
  bool rehouse_after_loss = true;                                            // 001:1898-1905
  // From each listed calendar year on, replace caseload_per_fte, janitor and extended_hours (janitor and
  // extended hours as 1 or 0); empty: the single value throughout.
  std::map<int, double> caseload_per_fte_by_year{};
  std::map<int, int> janitor_by_year{};
  std::map<int, int> extended_hours_by_year{};
  // Chance a planned termination is stopped by team work (visits, safety plan, three-way meeting):
  // base + capacity_share * (1 - exp(-staff per participant / scale)), so staff time per participant
  // acts with diminishing returns (001:3096-3111; 004:30; 001:2111-2123 on over-servicing).
  double eviction_prevention_base_share = 0.35;
  double eviction_prevention_capacity_share = 0.35;
  double prevention_staff_per_participant_scale = 0.1;
  // A new team stops this much less of what an experienced one stops; the gap closes as the team's
  // tenancy-years accumulate (behaviour.landlords.reputation_tenancy_years_scale): Bergen's 2014
  // entrants lost their first flats far more often than later ones (001:2925-2927).
  double new_team_prevention_gap_share = 0.0;
  // Share of evictions that go ahead which the team turns into a voluntary move, keeping municipal
  // eligibility (001:3031-3040).
  double managed_exit_share = 0.3;
  // A managed exit gives the tenant this long to move out while the team looks for the next flat
  // (001:3031-3036); 0 ends the lease at once.
  double managed_exit_days = 0.0;
  // A team that rehouses looks for the next flat while the tenant is under notice (001:3037-3040).
  bool search_during_notice = false;
  // Mean days between losing a flat and the start of the next search (001:3074-3087), exponential.
  double rehousing_delay_days = 60.0;
  // While the team knows of a heavy-use period (seen at a visit), complaints are this much rarer
  // (tighter contact in crises, 001:1849-1850; 001:3058-3059).
  double crisis_contact_complaint_reduction_share = 0.3;
  // Participants without a flat drop out of contact at this rate and leave the programme
  // (001:1479-1486, 001:3644-3647: some accepted but could not be reached afterwards); enrolment
  // does not end merely because a flat is slow to come.
  double disengagement_while_unhoused_per_year = 1.0;
};

// teams.ordinary_follow_up
struct OrdinaryFollowUpParameters {
  double fte = 5.0;                // 001:962-973 (NAV Laksevåg)
  double caseload_per_fte = 13.0;  // 001:1134-1135
  double visits_per_week = 0.25;
  bool office_hours_only = true;  // 001:967-968
  double eviction_prevention_share = 0.15;
};

// welfare
struct WelfareParameters {
  bool rent_secured = true;                    // programme tenants; 001:3023-3024: nobody lost a flat for unpaid rent
  bool rent_secured_outside_programme = true;  // every other tenant (NAV's managed accounts, 001:1923-1932)
  // Rent-arrears terminations per tenant-year when rent is not secured.
  double arrears_termination_per_year = 0.3;
  // Under usual services: homeless people the welfare office helps into a private let (housing
  // allowance, deposit guarantee) per person-year; the staircase reserves this for the ready.
  double assisted_private_lets_per_year = 0.3;
};

// staircase
struct StaircaseParameters {
  int shelter_places = 40;
  int temporary_accommodation_places = 80;
  int training_flat_places = 30;
  // Days without incidents before promotion to the next step.
  double shelter_promotion_days = 60.0;
  double temporary_accommodation_promotion_days = 180.0;
  double training_flat_promotion_days = 270.0;
  // After an incident in a staircase place: chance of losing the place, and of that, the share sent
  // to the street rather than one step down (001:2384-2387; 001:1459-1462).
  double demotion_probability_per_incident = 0.25;
  // Share of disturbances in a staircase place that staff record as incidents (breaking the rules).
  double incident_reported_share = 0.3;
  double exclusion_to_street_share = 0.5;
  // Evicted tenants (not managed exits) cannot join the municipal waiting list for this long.
  double eviction_ineligibility_days = 365.0;
  // A place in temporary accommodation or a training flat is held this long for a resident admitted to
  // treatment or prison, who returns to it when released in time; 0 gives it up at admission.
  double place_kept_during_spell_max_days = 0.0;
};

// behaviour.episodes
struct EpisodeParameters {
  // Heavy-use periods (amphetamine especially, 001:3055-3058) by substance-use level.
  LevelRates heavy_use_by_substance_level{0.5, 1.5, 3.0};
  double heavy_use_mean_days = 21.0;
  // Acute psychiatric episodes (001:3125-3126) by mental-health level.
  LevelRates psychiatric_by_mental_health_level{0.1, 0.4, 1.0};
  double psychiatric_mean_days = 14.0;
};

// behaviour.disturbance
struct DisturbanceParameters {
  double baseline_per_year = 3.0;
  double in_episode_per_week = 1.5;
  // Visitor traffic episodes per year per homeless person in one's network (001:3044-3049).
  double visitor_episodes_per_homeless_contact_per_year = 1.0;
  double network_contacts_mean = 3.0;
  // Chance that a disturbance in an ordinary flat becomes a complaint to the landlord, before
  // neighbourhood and tenure factors.
  double complaint_probability = 0.35;
  // Complaint odds multiplier per unit of (spilled-over) drug-scene intensity.
  double drug_scene_complaint_factor = 1.0;
  // Complaint odds multiplier during the first early_tenancy_days (too little preparation,
  // 001:3012-3015).
  double early_tenancy_complaint_factor = 1.5;
  double early_tenancy_days = 90.0;
  // Complaint odds fall as a tenancy settles: multiplier settled + (1 - settled) exp(-days / settling),
  // as tenants learn to keep visitors away and few know the address (001:3134-3141) and early losses
  // come soon after moving in (001:3012-3015).
  double settled_tenancy_complaint_factor = 1.0;
  double tenancy_settling_days = 365.0;
  // People differ in how much trouble their tenancy draws: some see what their visitors and drug-use
  // periods do to the neighbours and change it, others do not (001:3060-3066; 001:3130-3141). Each
  // person's complaint odds carry a fixed multiplier drawn at construction, gamma with mean 1 and this
  // variance (0: everyone alike). A mix of steady risks makes the population's hazard of losing a flat
  // fall with time in it, as the tenants most likely to lose one leave first.
  double complaint_propensity_variance = 0.0;
  // Complaint odds multiplier in the first flat after entry (people who failed in flat 1 often did
  // better in flat 2, 001:3078-3081).
  double first_flat_complaint_factor = 1.0;
  // Complaint odds multiplier in a programme flat taken when fewer flats were open than the team
  // usually offers to choose from (access limited the choice, 001:1622-1624; the wrong flat or area,
  // 001:3075-3077).
  double short_choice_complaint_factor = 1.0;
  // Complaint odds multiplier when the team has a janitor (fast repairs and call-outs, 001:1581-1589).
  double janitor_complaint_factor = 0.85;
  // Chance a complaint escalates to the landlord when the team answers the duty phone out of hours.
  double extended_hours_complaint_factor = 0.8;
};

// behaviour.landlords
struct LandlordParameters {
  // Complaints a landlord takes before a warning, mean and the log-sd of landlords' spread
  // (001:3050-3052); complaints and warnings are counted with fading weights (the memories below).
  double complaints_before_warning_mean = 3.0;
  double complaints_before_warning_log_sd = 0.4;
  // The municipal housing service takes this many times the mean before a warning: it answers
  // complaints with meetings of tenant, team and service (001:1673-1675; 001:3096-3101).
  double municipal_complaints_before_warning_factor = 1.0;
  int warnings_before_termination = 2;
  // A prevented eviction (the team meets landlord and tenant and they agree how to go on, 001:3096-3107)
  // leaves the landlord holding this share of warnings_before_termination; 1: one more warning ends it.
  double warnings_kept_after_prevention_share = 1.0;
  // Of terminations: immediate eviction (heving) rather than notice (001:3008-3010).
  double immediate_eviction_share = 0.4;
  // A notice runs this many whole calendar months after the month it is given in (Husleieloven 9-6).
  int notice_period_months = 3;
  // Mean days a complaint, and a written warning, still counts with the landlord (exponential fading).
  double complaint_memory_days = 180.0;
  double warning_memory_days = 365.0;
  // Willingness of a private landlord to let to programme tenants (001:1572-1589; 001:1819-1827).
  double base_willingness_share = 0.3;
  double reputation_willingness_gain_share = 0.6;
  // Team reputation approaches 1 as completed tenancy-years accumulate, on this scale.
  double reputation_tenancy_years_scale = 10.0;
  double eviction_reputation_penalty_share = 0.05;
  // A landlord who evicted a programme tenant is this much less willing afterwards.
  double landlord_eviction_willingness_penalty_share = 0.5;
};

// behaviour.spells
struct SpellParameters {
  LevelRates treatment_by_substance_level{0.05, 0.15, 0.3};  // 001:2970: 13 of 36 in ~3 years
  double treatment_mean_days = 60.0;
  LevelRates prison_by_substance_level{0.05, 0.15, 0.35};  // 001:2970: 16 of 36
  double prison_mean_days = 60.0;
  // An HF tenancy survives a treatment or prison spell up to this long (001:729-731).
  double tenancy_kept_during_spell_max_days = 180.0;
  // A tenant without team follow-up keeps the flat through a stay up to this long.
  double tenancy_kept_without_support_max_days = 90.0;
  // Entrants referred at discharge from treatment or prison stay inside this long on average first.
  double remaining_stay_at_referral_mean_days = 30.0;
};

// behaviour.life
struct LifeParameters {
  LevelRates mortality_by_substance_level{0.005, 0.01, 0.025};  // 001:2921: 1 of 36
  double move_away_per_year = 0.05;
  // Housed people who end their own lease (wanting something else, entering treatment, 001:2974-2977).
  double voluntary_move_per_year = 0.04;
  // Homeless people in the city pool who find housing on their own.
  double self_resolved_housing_per_year = 0.4;
  // Chance a participant turns down one offered flat (001:2681-2685).
  double flat_refusal_share = 0.3;
};

// behaviour (everything no document measures; shared by all cities and calibrated together)
struct BehaviourParameters {
  SeverityChain substance_use{};
  SeverityChain mental_health{0.5, 0.4, 0.4, 0.5};
  EpisodeParameters episodes{};
  DisturbanceParameters disturbance{};
  LandlordParameters landlords{};
  SpellParameters spells{};
  LifeParameters life{};
};

// costs.<item>: a price in NOK of its own price year (0: costs.price_year), brought to costs.price_year
// with the consumer price index.
struct CostItem {
  double value_nok = 0.0;
  Payer payer = Payer::municipality;
  int price_year = 0;
};

// costs.municipal_flat: a flat the municipality buys, with Husbanken's grant and loan, annualised.
struct MunicipalFlatCost {
  double purchase_price_nok = 2500000.0;
  double grant_share = 0.2;          // Husbanken's grant for rental flats, paid by the state
  double loan_rate_per_year = 0.02;  // Husbanken's loan
  double loan_years = 50.0;
  double upkeep_share_per_year = 0.015;  // maintenance and management, of the purchase price
  int price_year = 0;
};

// costs (price list; targets.yaml `costs`)
struct StaircasePlaceShares {
  double shelter = 0.0;
  double temporary_accommodation = 0.0;
  double training_flat = 0.0;
};

struct CostParameters {
  int price_year = 2016;
  // Statistics Norway's consumer price index by year (any base); needed for every price year used.
  std::map<int, double> consumer_price_index{{2010, 92.1}, {2015, 100.0}, {2016, 103.6}, {2017, 105.5}};
  // Real discount rate for present values, from window.start_date's year; 0 gives budget figures.
  double discount_rate_per_year = 0.0;
  CostItem hf_team_fte_year{760000.0, Payer::municipality};  // 3.8 MNOK / 5 staff, Bergen 2015
  CostItem ordinary_follow_up_fte_year{700000.0, Payer::municipality};
  CostItem temporary_accommodation_night{600.0, Payer::municipality};  // Bodø 58,700/household-year
  CostItem shelter_night{400.0, Payer::municipality};                  // hospits 300-400/night
  CostItem training_flat_night{700.0, Payer::municipality};
  CostItem treatment_day{5000.0, Payer::health_trust};       // below the 8,500 upper bound
  CostItem prison_day{2700.0, Payer::correctional_service};  // SPACE 2017
  CostItem janitor_hour{500.0, Payer::municipality};
  CostItem eviction_process{20000.0, Payer::municipality};
  CostItem rent_support_month{5000.0, Payer::municipality};  // municipal rent 4,983/month 2010
  CostItem emergency_clinic_visit{1500.0, Payer::municipality};
  CostItem somatic_admission_day{10000.0, Payer::health_trust};
  CostItem psychiatric_admission_day{8000.0, Payer::health_trust};
  CostItem police_contact{5000.0, Payer::police};
  CostItem deposit_guarantee_claim{15000.0, Payer::municipality};
  MunicipalFlatCost municipal_flat{};
  // Share of a staircase night's price that is paid for the place whether it is used or not (staff on duty,
  // a block lease); the rest is paid per night used. The fixed part is charged per place-year to the city's
  // places (staircase.*_places), so only a change in places moves it.
  StaircasePlaceShares place_fixed_share{};
  // Janitor hours per move-in (refurbishing, locks) and per complaint call-out.
  double janitor_hours_per_move_in = 8.0;
  double janitor_hours_per_complaint = 2.0;
  // When the janitor is a team member (Bergen), the hours are already in the team's FTE cost and are
  // counted but not charged again.
  bool janitor_in_team_fte = true;
};

// Where a person is, as service use differs by it (service_use.<item>.<place>_per_year).
enum class ServicePlace : std::uint8_t {
  street_or_friends,
  shelter,
  temporary_accommodation,
  training_flat,
  own_flat_with_support,
  own_flat_without_support,
  count
};
inline constexpr std::array<std::string_view, static_cast<std::size_t>(ServicePlace::count)> service_place_names{
    "street_or_friends",       "shelter", "temporary_accommodation", "training_flat", "own_flat_with_support",
    "own_flat_without_support"};

// service_use.<item>: expected uses a person-year at each place outside an institution, times a factor
// for the person's severity level (substance use, or mental health for psychiatric admissions).
struct ServiceRate {
  std::array<double, static_cast<std::size_t>(ServicePlace::count)> per_year_by_place{};
  std::array<double, 3> severity_factor{0.5, 1.0, 1.5};
};

// service_use (health, emergency and justice services used outside the housing system)
struct ServiceUseParameters {
  ServiceRate emergency_clinic_visits{{4.0, 4.0, 3.0, 2.0, 2.0, 2.5}};
  ServiceRate somatic_admission_days{{6.0, 6.0, 5.0, 4.0, 4.0, 4.5}};
  ServiceRate psychiatric_admission_days{{12.0, 12.0, 10.0, 8.0, 8.0, 10.0}};
  ServiceRate police_contacts{{6.0, 5.0, 4.0, 2.0, 2.0, 2.5}};
};

// teams
struct TeamParameters {
  HousingFirstTeamParameters housing_first{};
  OrdinaryFollowUpParameters ordinary_follow_up{};
};

// The whole scenario (top level of the YAML file).
struct CityParameters {
  WindowParameters window{};
  PolicyParameters policy{};
  PopulationParameters population{};
  CitySystemParameters city{};
  HousingParameters housing{};
  NeighbourhoodParameters neighbourhoods{};
  TeamParameters teams{};
  WelfareParameters welfare{};
  StaircaseParameters staircase{};
  BehaviourParameters behaviour{};
  ServiceUseParameters service_use{};
  CostParameters costs{};
};

}  // namespace hsim::model
