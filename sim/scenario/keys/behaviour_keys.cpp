#include <utility>

#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"
#include "sim/scenario/keys/shared_groups.hpp"

namespace hsim::scenario::keys {
namespace {

void declare_episode_keys(KeyRegistry& keys) {
  declare_level_rates(
      keys, "behaviour.episodes.heavy_use_by_substance_level",
      [](auto& p) -> auto& { return p.behaviour.episodes.heavy_use_by_substance_level; },
      "Heavy-use periods (amphetamine especially)",
      assumed("Periods of heavy use drive trouble (001:3055-3058) but their frequency is not "
              "reported; calibrated"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.episodes.heavy_use_mean_days)
               .above(0)
               .describe("Mean length of a heavy-use period.")
               .assumption("Weeks-long periods are described (001:3055-3058); three weeks"));
  declare_level_rates(
      keys, "behaviour.episodes.psychiatric_by_mental_health_level",
      [](auto& p) -> auto& { return p.behaviour.episodes.psychiatric_by_mental_health_level; },
      "Acute psychiatric episodes",
      assumed("Episodes draw attention in the neighbourhood (001:3125-3126); frequency not reported"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.episodes.psychiatric_mean_days)
               .above(0)
               .describe("Mean length of an acute psychiatric episode.")
               .assumption("Two weeks; not reported"));
}

void declare_disturbance_keys(KeyRegistry& keys) {
  const Basis calibrated = assumed("No document measures disturbance; calibrated against all four cities together");
  const auto add = [&](KeyDeclaration declaration, const std::string& text) {
    declaration.describe(text);
    keys.add(with_basis(declaration, calibrated));
  };
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.baseline_per_year).at_most(365),
      "Disturbances per person-year outside episodes.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.in_episode_per_week).at_most(100),
      "Disturbances per week during a heavy-use or psychiatric episode.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.visitor_episodes_per_homeless_contact_per_year).at_most(365),
      "Visitor-traffic episodes per year per homeless person in one's network (001:3044-3049).");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.network_contacts_mean).at_most(1000),
      "Mean number of people who use in a person's network.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.complaint_probability),
      "Chance a disturbance in an ordinary flat becomes a complaint to the landlord, before neighbourhood and tenure "
      "factors.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.drug_scene_complaint_factor).at_most(100),
      "Complaint odds multiplier per unit of (spilled-over) drug-scene intensity.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.early_tenancy_complaint_factor).at_most(100),
      "Complaint odds multiplier during the first early_tenancy_days (too little preparation, 001:3012-3015).");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.early_tenancy_days), "Length of the early, fragile part of a tenancy.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.settled_tenancy_complaint_factor).at_most(1),
      "Complaint odds multiplier a tenancy settles to: the odds multiplier is settled + (1 - settled) exp(-days "
      "in the flat / tenancy_settling_days) (tenants learn to keep visitors away, 001:3134-3141; early losses, "
      "001:3012-3015; supportive-housing retention curves flatten, targets.yaml supportive_housing_retention_shape).");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.tenancy_settling_days).above(0).at_most(36500),
      "Days in a flat over which complaint odds fall towards settled_tenancy_complaint_factor.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.complaint_propensity_variance).at_most(100),
      "Variance of a person's fixed complaint odds multiplier (gamma, mean 1; 0: everyone alike): some change "
      "what their visitors and drug-use periods do to the neighbours, others do not (001:3060-3066; "
      "001:3130-3141), so those most likely to lose a flat leave first and retention curves flatten.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.first_flat_complaint_factor).at_most(100),
      "Complaint odds multiplier in the first flat after entry (failing in flat 1, doing better in flat 2, "
      "001:3078-3081).");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.short_choice_complaint_factor).at_most(100),
      "Complaint odds multiplier in a programme flat taken when fewer flats were open than "
      "housing.flats_offered_to_choose_from (access limited the choice, 001:1622-1624); never applies where "
      "the team offers one flat at a time.");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.janitor_complaint_factor).at_most(100),
      "Complaint odds multiplier when the team has a janitor (fast repairs and call-outs, 001:1581-1589).");
  add(HSIM_SCENARIO_KEY(behaviour.disturbance.extended_hours_complaint_factor).at_most(100),
      "Multiplier on a complaint reaching the landlord when the team answers a duty phone out of hours.");
}

void declare_landlord_keys(KeyRegistry& keys) {
  const Basis calibrated =
      assumed("Landlords and areas tolerate more or less (001:3050-3052) but no figure is reported; calibrated");
  const auto add_with_basis = [&](KeyDeclaration declaration, const std::string& text, const Basis& basis) {
    declaration.describe(text);
    keys.add(with_basis(declaration, basis));
  };
  const auto add = [&](KeyDeclaration declaration, const std::string& text) {
    add_with_basis(std::move(declaration), text, calibrated);
  };
  add(HSIM_SCENARIO_KEY(behaviour.landlords.complaints_before_warning_mean).above(0).at_most(1000),
      "Mean number of complaints a landlord takes before a warning, counted with fading weights "
      "(complaint_memory_days), so complaints days apart count almost fully and old ones hardly.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.complaints_before_warning_log_sd).at_most(10),
      "Spread between landlords of complaints before a warning (standard deviation of the log).");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.municipal_complaints_before_warning_factor).above(0).at_most(100),
      "How many times complaints_before_warning_mean the municipal housing service takes before a warning "
      "(it answers complaints with meetings of tenant, team and service, 001:1673-1675); private landlords "
      "take the mean with their spread.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.warnings_before_termination).at_most(100),
      "Warnings a landlord gives before terminating the lease, counted with fading weights "
      "(warning_memory_days): the lease ends when the weighted count exceeds this.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.warnings_kept_after_prevention_share),
      "Share of warnings_before_termination a landlord still holds after an eviction the team prevented (a "
      "meeting of tenant, team and landlord agrees how to go on, 001:3096-3107); 1: the next warning ends the "
      "lease, 0: a fresh start.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.immediate_eviction_share),
      "Of terminations, the share that are immediate evictions (heving) rather than notice (001:3008-3010).");
  add_with_basis(HSIM_SCENARIO_KEY(behaviour.landlords.notice_period_months).at_most(120),
                 "Notice period of a termination with notice, in whole calendar months counted from the end of "
                 "the month the notice is given in; the tenancy ends on the last day of the last of them.",
                 cited("Husleieloven 1999 (Tenancy Act) section 9-6"));
  add(HSIM_SCENARIO_KEY(behaviour.landlords.complaint_memory_days).above(0).at_most(36500),
      "Mean days a complaint still counts with the landlord (complaints fade exponentially).");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.warning_memory_days).above(0).at_most(36500),
      "Mean days a written warning still counts with the landlord (warnings fade exponentially).");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.base_willingness_share),
      "Willingness of a private landlord to let to programme tenants before the team has a reputation "
      "(001:1572-1589); with reputation_willingness_gain_share at most 1.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.reputation_willingness_gain_share),
      "Extra willingness at full team reputation (001:1819-1827).");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.reputation_tenancy_years_scale).above(0).at_most(1000),
      "Completed tenancy-years over which team reputation approaches 1.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.eviction_reputation_penalty_share),
      "Reputation lost with each eviction of a programme tenant.");
  add(HSIM_SCENARIO_KEY(behaviour.landlords.landlord_eviction_willingness_penalty_share),
      "A landlord who evicted a programme tenant is this much less willing afterwards.");
}

void declare_spell_keys(KeyRegistry& keys) {
  declare_level_rates(
      keys, "behaviour.spells.treatment_by_substance_level",
      [](auto& p) -> auto& { return p.behaviour.spells.treatment_by_substance_level; }, "Treatment admissions",
      cited("001:2970"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.spells.treatment_mean_days)
               .above(0)
               .describe("Mean length of an inpatient treatment stay.")
               .assumption("Not reported; two months"));
  declare_level_rates(
      keys, "behaviour.spells.prison_by_substance_level",
      [](auto& p) -> auto& { return p.behaviour.spells.prison_by_substance_level; }, "Prison spells",
      cited("001:2970"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.spells.prison_mean_days)
               .above(0)
               .describe("Mean length of a prison spell.")
               .assumption("Short sentences dominate in this group; two months"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.spells.tenancy_kept_during_spell_max_days)
               .describe("An HF tenancy survives a treatment or prison spell up to this long.")
               .source("001:729-731"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.spells.tenancy_kept_without_support_max_days)
               .describe("A tenant without team follow-up keeps the flat through a treatment or prison stay up to "
                         "this long.")
               .assumption("Without a team nobody secures rent and the flat during a stay; shorter than with HF "
                           "(001:729-731 describes the HF side only)"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.spells.remaining_stay_at_referral_mean_days)
               .describe("Entrants referred at discharge from treatment or prison stay inside this long on average "
                         "before they can move in.")
               .assumption("Referral happens near discharge (003:55-63); a month"));
}

void declare_life_keys(KeyRegistry& keys) {
  declare_level_rates(
      keys, "behaviour.life.mortality_by_substance_level",
      [](auto& p) -> auto& { return p.behaviour.life.mortality_by_substance_level; }, "Deaths", cited("001:2921"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.life.move_away_per_year)
               .at_most(365)
               .describe("People leaving the city per person-year.")
               .assumption("Some moved away (001:1716-1721); rate not reported"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.life.voluntary_move_per_year)
               .at_most(365)
               .describe("Housed people ending their own lease per person-year (wanting something else, entering "
                         "treatment).")
               .source("001:2974-2977"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.life.self_resolved_housing_per_year)
               .at_most(365)
               .describe("Homeless people in the city pool finding housing on their own, per person-year.")
               .assumption("Not reported; calibrated to the city homeless counts"));
  keys.add(HSIM_SCENARIO_KEY(behaviour.life.flat_refusal_share)
               .describe("Chance a participant turns down one offered flat.")
               .source("001:2681-2685"));
}

}  // namespace

void declare_behaviour_keys(KeyRegistry& keys) {
  declare_severity_chain(
      keys, "behaviour.substance_use", [](auto& p) -> auto& { return p.behaviour.substance_use; },
      "Substance-use severity");
  declare_severity_chain(
      keys, "behaviour.mental_health", [](auto& p) -> auto& { return p.behaviour.mental_health; },
      "Mental-health severity");
  declare_episode_keys(keys);
  declare_disturbance_keys(keys);
  declare_landlord_keys(keys);
  declare_spell_keys(keys);
  declare_life_keys(keys);
}

}  // namespace hsim::scenario::keys
