// Analytic cross-check of the housing dynamics: with constant hazards and no capacity limits, the
// simulated occupancy of housing states over time matches the continuous-time Markov chain solution
// p(t) = p(0) exp(Q t), computed with Eigen, within k standard errors.

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

#include "sim/model/calendar.hpp"
#include "sim/model/run.hpp"
#include "tests/model/test_city.hpp"

using namespace hsim::model;

namespace {

// 4 times x 6 states = 24 comparisons; at 4 standard errors a false alarm has probability below 0.2 %.
constexpr double k = 4.0;

// Where an entrant is, counted from the day they entered already housed. The last three are absorbing:
// they record how the entrant's first tenancy ended (a death after an eviction still counts as evicted).
enum HousingState : int { at_home, in_prison, in_treatment, evicted, moved_out, left_city_or_died, state_count };
constexpr const char* state_names[state_count] = {"at_home", "in_prison", "in_treatment",
                                                  "evicted", "moved_out", "left_city_or_died"};

using Generator = Eigen::Matrix<double, state_count, state_count>;
using Occupancy = Eigen::Matrix<double, 1, state_count>;

const std::array<double, 4> follow_up_days{90.0, 180.0, 365.0, 730.0};

// The model inputs that become transition rates (all per year unless the name says days).
struct HousingHazards {
  double disturbances_per_year = 2.0;
  double complaint_probability = 0.3;  // every complaint is a termination, so eviction = disturbances x this
  double prison_per_year = 0.5;
  double prison_mean_days = 45.0;
  double treatment_per_year = 0.7;
  double treatment_mean_days = 60.0;
  double voluntary_move_per_year = 0.25;
  double mortality_per_year = 0.04;
  double move_away_per_year = 0.06;

  [[nodiscard]] double eviction_per_year() const { return disturbances_per_year * complaint_probability; }
};

// The complaint reaches the landlord one day after the disturbance and the eviction reaches the tenant one
// day after the landlord's decision, so a tenancy ends this long after the complaint.
constexpr double eviction_delay_days = 2.0;

// Everyone at the highest severity level with no severity change, no episodes, no visitors and every
// complaint factor neutral, so each hazard below is one constant. Entrants arrive in their own flat
// (risk_of_eviction route) on random days of 2014 and are followed at least two years. Until the Housing
// First intake at the next barrier they have no team, so whatever depends on support is neutral for both.
CityParameters constant_hazard_city(const HousingHazards& h, int entrants) {
  auto p = testing::small_city();
  p.window.start_date = {2014, 1, 1};
  p.window.status_date = {2016, 12, 31};
  p.window.burn_in_days = 0.0;

  p.population.intake_by_year = {{2014, entrants}};
  p.population.offer_refusal_share = 0.0;
  p.population.entry_route = {0.0, 0.0, 0.0, 0.0, 1.0};
  p.population.substance_use_level = {0.0, 0.0, 1.0};
  p.population.mental_health_level = {0.0, 0.0, 1.0};
  p.city.initial_homeless_count = 0;
  p.city.homelessness_inflow_per_year = 0.0;

  // No flats to move on to: losing the first flat is final.
  p.housing.private_vacancies_for_programme_per_year = 0.0;
  p.housing.municipal_vacancies_per_year = 0.0;
  p.housing.municipal_flats_reserved_for_programme_per_year = 0.0;
  for (auto& district : p.neighbourhoods.districts) {
    district.complaint_tolerance = 1.0;
    district.drug_scene_intensity = 0.0;
  }
  p.neighbourhoods.clustering_penalty_share = 0.0;
  p.neighbourhoods.municipal_tenant_tolerance_factor = 1.0;

  auto& hf = p.teams.housing_first;
  hf.fte_by_year = {{2014, 1000.0}, {2015, 1000.0}, {2016, 1000.0}};
  hf.eviction_prevention_base_share = 0.0;
  hf.eviction_prevention_capacity_share = 0.0;
  hf.managed_exit_share = 0.0;
  hf.rehouse_after_loss = false;
  hf.janitor = false;
  hf.extended_hours = false;
  p.teams.ordinary_follow_up.fte = 0.0;
  p.teams.ordinary_follow_up.eviction_prevention_share = 0.0;
  p.welfare.rent_secured = true;

  auto& b = p.behaviour;
  b.substance_use = {0.0, 0.0, 0.0, 0.0};
  b.mental_health = {0.0, 0.0, 0.0, 0.0};
  b.episodes.heavy_use_by_substance_level = {};
  b.episodes.psychiatric_by_mental_health_level = {};
  b.disturbance.baseline_per_year = h.disturbances_per_year;
  b.disturbance.visitor_episodes_per_homeless_contact_per_year = 0.0;
  b.disturbance.network_contacts_mean = 0.0;
  b.disturbance.complaint_probability = h.complaint_probability;
  b.disturbance.drug_scene_complaint_factor = 0.0;
  b.disturbance.early_tenancy_complaint_factor = 1.0;
  b.landlords.complaints_before_warning_mean = 1.0;
  b.landlords.complaints_before_warning_log_sd = 0.0;
  b.landlords.warnings_before_termination = 0;
  b.landlords.immediate_eviction_share = 1.0;
  b.spells.prison_by_substance_level = {0.0, 0.0, h.prison_per_year};
  b.spells.prison_mean_days = h.prison_mean_days;
  b.spells.treatment_by_substance_level = {0.0, 0.0, h.treatment_per_year};
  b.spells.treatment_mean_days = h.treatment_mean_days;
  b.spells.tenancy_kept_during_spell_max_days = 1e9;
  b.spells.tenancy_kept_without_support_max_days = 1e9;
  b.life.mortality_by_substance_level = {0.0, 0.0, h.mortality_per_year};
  b.life.move_away_per_year = h.move_away_per_year;
  b.life.voluntary_move_per_year = h.voluntary_move_per_year;
  b.life.self_resolved_housing_per_year = 0.0;
  return p;
}

// Q per day: Q(i, j) the rate from state i to state j, rows summing to zero.
Generator generator(const HousingHazards& h) {
  Generator q = Generator::Zero();
  const double exit = h.mortality_per_year + h.move_away_per_year;
  q(at_home, in_prison) = h.prison_per_year;
  q(at_home, in_treatment) = h.treatment_per_year;
  q(at_home, evicted) = h.eviction_per_year();
  q(at_home, moved_out) = h.voluntary_move_per_year;
  q(at_home, left_city_or_died) = exit;
  q(in_prison, at_home) = days_per_year / h.prison_mean_days;
  q(in_prison, left_city_or_died) = exit;
  q(in_treatment, at_home) = days_per_year / h.treatment_mean_days;
  q(in_treatment, left_city_or_died) = exit;
  q /= days_per_year;
  for (int i = 0; i < state_count; ++i) q(i, i) = -q.row(i).sum();
  return q;
}

// Occupancy at `day` for entrants starting at home; with no delay, p(0) exp(Q day). The model ends a tenancy a
// fixed `delay_days` after the complaint, and people who die, move away or move out in between are not
// evicted. Ignoring that would shift the shares by up to one standard error at this test's sample size, so the
// delay is solved exactly: until the complaint people move by Q without its eviction rate (complaints remove
// mass from at_home), for `delay_days` after it by the tenancy's other moves, and then whoever still holds the
// tenancy is evicted.
Occupancy analytic_occupancy(const Generator& q, double day, double delay_days) {
  constexpr int n = state_count;
  const double complaint_rate = q(at_home, evicted);
  Generator before_complaint = q;
  before_complaint(at_home, evicted) = 0.0;
  Generator while_pending = before_complaint;
  while_pending(at_home, at_home) += complaint_rate;
  Occupancy start = Occupancy::Zero();
  start(at_home) = 1.0;

  // Van Loan: the top-right block of exp([[A, B], [0, C]] u) is the integral over s in [0, u] of
  // exp(A s) B exp(C (u - s)): here, where complaints made in the last u days have taken people.
  const double window = std::min(day, delay_days);
  Eigen::Matrix<double, 2 * n, 2 * n> blocks = Eigen::Matrix<double, 2 * n, 2 * n>::Zero();
  blocks.topLeftCorner<n, n>() = before_complaint;
  blocks(at_home, n + at_home) = complaint_rate;
  blocks.bottomRightCorner<n, n>() = while_pending;
  const Generator pending_from_start = (blocks * window).exp().topRightCorner<n, n>();

  const Occupancy no_complaint_before_window = start * (before_complaint * (day - window)).exp();
  Occupancy occupancy = start * (before_complaint * day).exp() + no_complaint_before_window * pending_from_start;
  const double complaints_before_window = 1.0 - no_complaint_before_window.sum();
  const Occupancy after_delay = start * (while_pending * delay_days).exp();
  occupancy(evicted) +=
      complaints_before_window * (after_delay(at_home) + after_delay(in_prison) + after_delay(in_treatment));
  occupancy(moved_out) += complaints_before_window * after_delay(moved_out);
  occupancy(left_city_or_died) += complaints_before_window * after_delay(left_city_or_died);
  return occupancy;
}

HousingState state_after_tenancy(EndReason reason) {
  switch (reason) {
    case EndReason::eviction_immediate:
      return evicted;
    case EndReason::voluntary_move:
      return moved_out;
    case EndReason::death:
    case EndReason::moved_away:
      return left_city_or_died;
    default:
      FAIL("unexpected end of tenancy: " << to_string(reason));
      return state_count;
  }
}

HousingState place_during_tenancy(SpellType type) {
  switch (type) {
    case SpellType::own_flat:
      return at_home;
    case SpellType::prison:
      return in_prison;
    case SpellType::treatment:
      return in_treatment;
    default:
      FAIL("unexpected place while holding a tenancy: " << to_string(type));
      return state_count;
  }
}

struct SimulatedOccupancy {
  std::array<Occupancy, follow_up_days.size()> shares{};
  double entrants = 0.0;
};

// Each entrant's state at each follow-up time after the day they entered (which is the first day of their
// tenancy), read from the spell records.
SimulatedOccupancy simulated_occupancy(const HousingHazards& h, int entrants_per_replicate, int replicates) {
  SimulatedOccupancy result;
  std::array<Occupancy, follow_up_days.size()> counts{};
  for (auto& c : counts) c.setZero();
  for (int replicate = 0; replicate < replicates; ++replicate) {
    const auto run = simulate_replicate(constant_hazard_city(h, entrants_per_replicate), PolicyName::housing_first, 101,
                                        static_cast<std::uint64_t>(replicate));
    std::vector<std::vector<SpellRecord>> spells_of(run.people.size());
    for (const auto& spell : run.spells) spells_of[spell.person].push_back(spell);
    for (const auto& person : run.people) {
      REQUIRE(person.cohort);
      const auto& spells = spells_of[person.id];
      const auto tenancy = std::find_if(spells.begin(), spells.end(), [](const SpellRecord& s) {
        return s.type == SpellType::tenancy && s.flat_number == 1;
      });
      REQUIRE(tenancy != spells.end());
      REQUIRE(tenancy->start_day == person.appear_day);
      REQUIRE(person.appear_day + follow_up_days.back() < run.status_day);
      result.entrants += 1.0;
      for (std::size_t i = 0; i < follow_up_days.size(); ++i) {
        const double day = person.appear_day + follow_up_days[i];
        HousingState state = state_count;
        if (tenancy->end_day < day) {
          state = state_after_tenancy(tenancy->end_reason);
        } else {
          for (const auto& spell : spells) {
            if (is_location(spell.type) && spell.covers(day)) state = place_during_tenancy(spell.type);
          }
        }
        REQUIRE(state != state_count);
        counts[i](state) += 1.0;
      }
    }
  }
  for (std::size_t i = 0; i < follow_up_days.size(); ++i) result.shares[i] = counts[i] / result.entrants;
  return result;
}

double standardised_deviation(double simulated, double analytic, double n) {
  return std::abs(simulated - analytic) / std::sqrt(analytic * (1.0 - analytic) / n);
}

double max_standardised_deviation(const SimulatedOccupancy& simulated, const Generator& q) {
  double worst = 0.0;
  for (std::size_t i = 0; i < follow_up_days.size(); ++i) {
    const Occupancy analytic = analytic_occupancy(q, follow_up_days[i], eviction_delay_days);
    for (int s = 0; s < state_count; ++s) {
      worst = std::max(worst, standardised_deviation(simulated.shares[i](s), analytic(s), simulated.entrants));
    }
  }
  return worst;
}

}  // namespace

TEST_CASE("the delayed-eviction solution reduces to the Markov chain without delay", "[unit][model][ctmc]") {
  const Generator q = generator(HousingHazards{});
  Occupancy start = Occupancy::Zero();
  start(at_home) = 1.0;
  for (double day : {1.0, 90.0, 730.0}) {
    const Occupancy markov = start * (q * day).exp();
    CHECK((analytic_occupancy(q, day, 0.0) - markov).cwiseAbs().maxCoeff() < 1e-12);
    const Occupancy delayed = analytic_occupancy(q, day, eviction_delay_days);
    CHECK(delayed.sum() == Approx(1.0).epsilon(1e-12));
    CHECK(delayed.minCoeff() >= 0.0);
    CHECK(delayed(evicted) < markov(evicted));
  }
}

TEST_CASE("housing-state occupancy matches the continuous-time Markov chain", "[statistical][model][ctmc]") {
  const HousingHazards hazards;
  const Generator q = generator(hazards);
  const auto simulated = simulated_occupancy(hazards, 4000, 5);
  REQUIRE(simulated.entrants == 20000.0);

  for (std::size_t i = 0; i < follow_up_days.size(); ++i) {
    const Occupancy analytic = analytic_occupancy(q, follow_up_days[i], eviction_delay_days);
    for (int s = 0; s < state_count; ++s) {
      const double z = standardised_deviation(simulated.shares[i](s), analytic(s), simulated.entrants);
      INFO("day " << follow_up_days[i] << ", " << state_names[s] << ": simulated " << simulated.shares[i](s)
                  << ", analytic " << analytic(s) << ", " << z << " standard errors");
      CHECK(z <= k);
    }
  }
  const double largest = max_standardised_deviation(simulated, q);
  INFO("largest deviation: " << largest << " standard errors");
  CHECK(largest <= k);

  // Power: the same data and tolerance reject chains that are wrong in one rate.
  HousingHazards double_eviction = hazards;
  double_eviction.complaint_probability *= 2.0;
  const double with_double_eviction = max_standardised_deviation(simulated, generator(double_eviction));
  HousingHazards longer_prison = hazards;
  longer_prison.prison_mean_days *= 1.5;
  const double with_longer_prison = max_standardised_deviation(simulated, generator(longer_prison));
  INFO("eviction rate doubled: " << with_double_eviction << ", prison stays 1.5 times longer: " << with_longer_prison
                                 << " standard errors");
  CHECK(with_double_eviction > k);
  CHECK(with_longer_prison > k);
}
