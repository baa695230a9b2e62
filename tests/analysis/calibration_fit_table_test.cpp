#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/calibration/calibration_targets.hpp"
#include "analysis/calibration/exact_intervals.hpp"
#include "analysis/calibration/fit_table.hpp"
#include "analysis/calibration/target_statistics.hpp"
#include "sim/engine/distributions.hpp"

namespace calibration = hsim::analysis::calibration;
namespace model = hsim::model;

namespace {

calibration::CalibrationTarget test_target(const char* name, const char* statistic, calibration::ObservationKind kind) {
  calibration::CalibrationTarget target;
  target.city = "test";
  target.name = name;
  target.statistic = statistic;
  target.kind = kind;
  return target;
}

calibration::CalibrationTarget share_target(double count, double n) {
  auto target = test_target("share", "in_ordinary_housing", calibration::ObservationKind::share);
  target.count = count;
  target.n = n;
  return target;
}

calibration::CalibrationTarget range_target(double low, double high) {
  auto target = test_target("range", "first_stay_survival", calibration::ObservationKind::range);
  target.low = low;
  target.high = high;
  return target;
}

calibration::SimulatedStatistic constant(double value, std::size_t replicates) {
  calibration::SimulatedStatistic s;
  s.values.assign(replicates, value);
  s.replicates = replicates;
  return s;
}

// A replicate result built by hand: cohort entrants and their spells, for the statistics tests.
struct HandBuiltReplicate {
  model::ReplicateResult result;

  explicit HandBuiltReplicate(double status_day) { result.status_day = status_day; }
  void person(std::uint32_t id, double entry) {
    model::PersonRecord p;
    p.id = id;
    p.cohort = true;
    p.entry_day = entry;
    p.referral_day = entry;
    p.entry_route = model::EntryRoute::street_or_friends;
    result.people.push_back(p);
  }
  void spell(std::uint32_t id, model::SpellType type, double start, double end, model::EndReason reason) {
    model::SpellRecord s;
    s.person = id;
    s.type = type;
    s.start_day = start;
    s.end_day = end;
    s.end_reason = reason;
    result.spells.push_back(s);
  }
  // Spells grouped by person, as a replicate records them.
  const model::ReplicateResult& sorted() {
    std::stable_sort(result.spells.begin(), result.spells.end(),
                     [](const auto& a, const auto& b) { return a.person < b.person; });
    return result;
  }
};

std::filesystem::path temporary_folder(const std::string& name) {
  auto folder = std::filesystem::temp_directory_path() / ("hsim_calibration_test_" + name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

// Successes in n trials with our own Bernoulli draws, so the test sees the same numbers with any
// standard library.
int binomial_count(hsim::engine::RandomStream& stream, int n, double p) {
  int successes = 0;
  for (int i = 0; i < n; ++i) successes += hsim::engine::bernoulli(stream, p) ? 1 : 0;
  return successes;
}
// A statistic of a hand-built replicate for a target with no filter but `days`.
double statistic_of(const model::ReplicateResult& result, const std::string& name, double days = 0.0) {
  calibration::CalibrationTarget target;
  target.statistic = name;
  target.filter.days = days;
  return calibration::compute_statistic(target, result);
}

}  // namespace

TEST_CASE("residuals combine binomial and simulation variance", "[unit][calibration]") {
  const auto target = share_target(20, 50);  // 0.4
  // sim mean 0.5, replicate variance 0.04 over 100 values: var = 0.25/50 + 0.04/100 = 0.0054
  CHECK(calibration::standardised_residual(target, 0.5, 0.04, 100) == Approx(-0.1 / std::sqrt(0.0054)));
  // A simulated 0 keeps a sampling variance of p = 1/(2n).
  const double p = 0.5 / 50.0;
  CHECK(calibration::standardised_residual(target, 0.0, 0.0, 100) == Approx(0.4 / std::sqrt(p * (1 - p) / 50.0)));
  calibration::CalibrationTarget count;
  count.kind = calibration::ObservationKind::count;
  count.count = 22;
  CHECK(calibration::standardised_residual(count, 18.0, 9.0, 100) == Approx(4.0 / std::sqrt(18.0 + 0.09)));
}

TEST_CASE("the fit verdict applies the chi-square and interval rules", "[unit][calibration]") {
  std::vector<calibration::CalibrationTarget> targets;
  for (int i = 0; i < 10; ++i) targets.push_back(share_target(18, 36));  // 0.5; 95% CI about 0.33-0.67

  // Every simulated mean equals the observation: chi-square 0, p = 1, all inside.
  std::vector<calibration::SimulatedStatistic> exact(10, constant(0.5, 50));
  auto table = calibration::build_fit_table(targets, exact, 0);
  CHECK(table.verdict.chi_square == Approx(0.0).margin(1e-12));
  CHECK(table.verdict.degrees_of_freedom == 10);
  CHECK(table.verdict.p_value == Approx(1.0));
  CHECK(table.verdict.inside_95 == 10);
  CHECK(table.verdict.passes);

  // One target outside its 99% interval fails the fit even though the chi-square is small overall.
  auto one_off = exact;
  one_off[3] = constant(0.2, 50);
  table = calibration::build_fit_table(targets, one_off, 0);
  CHECK_FALSE(table.rows[3].inside_99);
  CHECK(table.verdict.outside_99 == 1);
  CHECK_FALSE(table.verdict.passes);

  // Two targets between their 95% and 99% limits: 8 of 10 inside 95% (< 90%) fails.
  auto two_near = exact;
  two_near[0] = constant(0.31, 50);
  two_near[1] = constant(0.69, 50);
  table = calibration::build_fit_table(targets, two_near, 0);
  CHECK(table.verdict.outside_99 == 0);
  CHECK(table.verdict.inside_95 == 8);
  CHECK_FALSE(table.verdict.passes);

  // Fitted parameters reduce the degrees of freedom; none left is an error.
  table = calibration::build_fit_table(targets, exact, 3);
  CHECK(table.verdict.degrees_of_freedom == 7);
  CHECK_THROWS_AS(calibration::build_fit_table(targets, exact, 10), std::invalid_argument);

  // Not-modelled targets are listed but neither tested nor checked.
  auto with_missing = targets;
  with_missing[9].not_modelled = "no such output";
  table = calibration::build_fit_table(with_missing, exact, 0);
  CHECK(table.verdict.checked == 9);
  CHECK(table.verdict.degrees_of_freedom == 9);
  std::ostringstream csv;
  calibration::write_fit_csv(table, csv);
  std::size_t lines = 0;
  for (char c : csv.str()) lines += c == '\n' ? 1 : 0;
  CHECK(lines == 11);
  CHECK(calibration::format_fit_table(table, "t").find("not modelled: no such output") != std::string::npos);
}

TEST_CASE("a table of printed ranges alone is judged by its ranges, without a chi-square test", "[unit][calibration]") {
  const std::vector<calibration::CalibrationTarget> targets{range_target(0.75, 0.85), range_target(0.63, 0.73),
                                                            range_target(0.40, 0.50)};
  std::vector<calibration::SimulatedStatistic> inside{constant(0.8, 20), constant(0.7, 20), constant(0.45, 20)};
  auto table = calibration::build_fit_table(targets, inside, 0);
  CHECK_FALSE(table.verdict.chi_square_tested);
  CHECK(table.verdict.checked == 3);
  CHECK(table.verdict.passes);
  CHECK(calibration::format_fit_table(table, "t").find("no chi-square test") != std::string::npos);

  auto one_below = inside;
  one_below[2] = constant(0.07, 20);
  table = calibration::build_fit_table(targets, one_below, 0);
  CHECK(table.verdict.inside_95 == 2);
  CHECK_FALSE(table.verdict.passes);

  // Fitted parameters still need degrees of freedom from targets with a residual.
  CHECK_THROWS_AS(calibration::build_fit_table(targets, inside, 1), std::invalid_argument);
}

TEST_CASE("the fit table says how much of the chi-square each city carries", "[unit][calibration]") {
  // Three targets of 18 of 36 (0.5): two in city a, one in b. A simulated 0.4 with no simulation noise
  // gives the residual 0.1 / sqrt(0.4 x 0.6 / 36) = 1.2247, squared 1.5.
  std::vector<calibration::CalibrationTarget> targets(3, share_target(18, 36));
  targets[0].city = "a";
  targets[1].city = "a";
  targets[2].city = "b";
  std::vector<calibration::SimulatedStatistic> simulated{constant(0.4, 50), constant(0.5, 50), constant(0.4, 50)};
  const auto table = calibration::build_fit_table(targets, simulated, 0);
  REQUIRE(table.verdict.chi_square == Approx(3.0));
  const std::string text = calibration::format_fit_table(table, "t");
  CHECK_THAT(text, Catch::Contains("chi-square by city: a 1.50 (2 targets, worth 2.0), b 1.50 (1 target, worth 1.0)"));

  // A single city needs no split.
  const auto one_city = calibration::build_fit_table({targets[0], targets[1]}, {simulated[0], simulated[1]}, 0);
  CHECK_THAT(calibration::format_fit_table(one_city, "t"), !Catch::Contains("by city"));
}

TEST_CASE("correlated targets count as fewer independent ones", "[unit][calibration]") {
  // A target listed twice with the same simulated values is one piece of information: ‖R‖² = 4,
  // scale 2, one effective target, so the doubled chi-square is read as its single square.
  std::vector<calibration::CalibrationTarget> targets(2, share_target(18, 36));
  calibration::SimulatedStatistic varying;
  hsim::engine::RandomStream random(hsim::engine::StreamKey{7, 0, 0, 0});
  for (int r = 0; r < 100; ++r) varying.values.push_back(binomial_count(random, 36, 0.35) / 36.0);
  varying.replicates = 100;
  const auto doubled = calibration::build_fit_table(targets, {varying, varying}, 0);
  CHECK(doubled.verdict.scale == Approx(2.0));
  CHECK(doubled.verdict.effective_targets == Approx(1.0));
  const double single = doubled.rows[0].residual * doubled.rows[0].residual;
  CHECK(doubled.verdict.chi_square == Approx(2.0 * single));
  CHECK(doubled.verdict.p_value == Approx(calibration::chi_square_upper_tail(single, 1.0)));

  // Values matched by replicate: the same numbers in another replicate order are not correlated. By
  // chance |ρ| stays within three standard errors (3 / sqrt(100)), so ‖R‖² / 2 stays below 1 + 0.09.
  calibration::SimulatedStatistic reversed = varying;
  reversed.replicate_of_value.resize(100);
  for (std::size_t r = 0; r < 100; ++r) reversed.replicate_of_value[r] = 99 - r;
  const auto unpaired = calibration::build_fit_table(targets, {varying, reversed}, 0);
  CHECK(unpaired.verdict.scale < 1.09);
}

TEST_CASE("the correlation-aware chi-square rejects a true model at its nominal rate", "[statistical][calibration]") {
  // Two shares read off the same cohort of 400, each listed twice (the same statistic under two names,
  // as overlapping targets are): four targets, two pieces of information. Observations drawn from the
  // model itself must be rejected at 5 % about 5 % of the time. Read as four independent targets the
  // same sums (2 z1² + 2 z2² against chi-square 4) would be rejected P(chi-square 2 > 4.74) = 9.3 % of
  // the time. 2000 draws give a standard error of sqrt(0.05 x 0.95 / 2000) = 0.0049; the tolerance is
  // three of them.
  hsim::engine::RandomStream random(hsim::engine::StreamKey{20261201, 0, 0, 0});
  const int n = 400;
  const auto first = [&] { return binomial_count(random, n, 0.4); };
  const auto second = [&] { return binomial_count(random, n, 0.25); };
  const std::size_t replicates = 300;
  std::vector<calibration::SimulatedStatistic> simulated(4);
  for (std::size_t r = 0; r < replicates; ++r) {
    const double a = first() / static_cast<double>(n);
    const double b = second() / static_cast<double>(n);
    for (std::size_t t = 0; t < 4; ++t) simulated[t].values.push_back(t % 2 == 0 ? a : b);
  }
  for (auto& statistic : simulated) statistic.replicates = replicates;
  const int draws = 2000;
  int rejected = 0, rejected_as_independent = 0;
  for (int d = 0; d < draws; ++d) {
    const double a = first(), b = second();
    std::vector<calibration::CalibrationTarget> targets{share_target(a, n), share_target(b, n), share_target(a, n),
                                                        share_target(b, n)};
    const auto table = calibration::build_fit_table(targets, simulated, 0);
    rejected += table.verdict.p_value < 0.05 ? 1 : 0;
    rejected_as_independent += calibration::chi_square_upper_tail(table.verdict.chi_square, 4.0) < 0.05 ? 1 : 0;
  }
  const double standard_error = std::sqrt(0.05 * 0.95 / draws);
  CHECK(rejected / static_cast<double>(draws) == Approx(0.05).margin(3 * standard_error));
  CHECK(rejected_as_independent / static_cast<double>(draws) > 0.05 + 3 * standard_error);
}

TEST_CASE("the committed targets file loads and names existing scenarios", "[unit][calibration]") {
  const auto set = calibration::load_target_set("scenarios/calibration/targets.yaml");
  const std::vector<std::string> expected{
      "bergen", "sandnes", "drammen", "bodo", "pathways", "supportive_housing_retention", "at_home_chez_soi"};
  CHECK(set.city_names() == expected);
  std::size_t modelled = 0;
  for (const auto& city : set.cities) {
    CHECK(std::filesystem::exists(city.scenario));
    for (const auto& target : city.targets) {
      CHECK_FALSE(target.source.empty());
      if (target.modelled()) ++modelled;
    }
  }
  CHECK(modelled >= 30);
  CHECK(set.fitted_parameters >= 1);
  CHECK(set.select_cities({}) == expected);
  CHECK(set.select_cities({"drammen"}) == std::vector<std::string>{"drammen"});
  CHECK_THROWS_WITH(set.select_cities({"bergen", "oslo"}),
                    Catch::Contains("targets.yaml: no city 'oslo'; expected one of: bergen sandnes"));
  CHECK(set.find("bergen")->targets.front().count == 15.0);
  CHECK(set.find("bergen")->targets.front().n == 36.0);
}

TEST_CASE("the retention-shape check loads: three ranges on the continuum arm of the supportive-housing reference",
          "[unit][calibration]") {
  const auto set = calibration::load_target_set("scenarios/calibration/retention_shape.yaml");
  REQUIRE(set.city_names() == std::vector<std::string>{"supportive_housing_retention"});
  CHECK(set.fitted_parameters == 0);
  const auto& city = set.cities.front();
  CHECK(std::filesystem::exists(city.scenario));
  REQUIRE(city.targets.size() == 3);
  for (const auto& target : city.targets) {
    CHECK(target.kind == calibration::ObservationKind::range);
    CHECK(target.statistic == "residential_stay_survival");
    CHECK(target.policy == hsim::model::PolicyName::staircase);
    CHECK(target.low < target.high);
  }
}

TEST_CASE("a bad targets file is reported with file, line and key", "[unit][calibration]") {
  const auto folder = temporary_folder("bad_targets");
  const auto file = folder / "targets.yaml";
  const auto message_for = [&file](const std::string& text) {
    std::ofstream(file) << text;
    try {
      (void)calibration::load_target_set(file);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("(no error)");
  };
  // A file with one target; `top` goes between schema_version (line 1) and cities.
  const auto one_target = [](const std::string& top, const std::string& statistic, const std::string& observed) {
    return "schema_version: 1\n" + top + "cities:\n  x:\n    scenario: x.yaml\n    targets:\n      - name: a\n" +
           "        statistic: " + statistic + "\n        observed: " + observed + "\n        source: here\n";
  };
  const std::string bad_statistic = message_for(one_target("", "no_such_statistic", "{count: 1, n: 2}"));
  CHECK_THAT(bad_statistic, Catch::Contains(file.string() + ":7") && Catch::Contains("statistic") &&
                                Catch::Contains("no_such_statistic"));
  const std::string bad_count = message_for(one_target("", "died", "{count: 3, n: 2}"));
  CHECK_THAT(bad_count, Catch::Contains("0 <= count <= n"));
  const std::string bad_fitted = message_for(one_target("fitted_parameters: 2.5\n", "died", "{count: 1, n: 2}"));
  CHECK_THAT(bad_fitted, Catch::Contains(file.string() + ":2") && Catch::Contains("fitted_parameters") &&
                             Catch::Contains("a whole number from 0 to 1000, got '2.5'"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("target statistics count rehousings, evictions and status from spells", "[unit][calibration]") {
  HandBuiltReplicate replicate(1000.0);
  using model::EndReason;
  using model::SpellType;
  // 0: first flat kept. 1: evicted, rehoused once, housed at status. 2: two losses, rehoused twice.
  // 3: never housed, in temporary accommodation and enrolled. 4: not entered (after status).
  for (std::uint32_t id = 0; id < 5; ++id) replicate.person(id, id == 4 ? 2000.0 : 10.0);
  replicate.spell(0, SpellType::tenancy, 20, 1000, EndReason::ongoing);
  replicate.spell(0, SpellType::housing_first_enrolment, 10, 1000, EndReason::ongoing);
  replicate.spell(1, SpellType::tenancy, 20, 300, EndReason::eviction_immediate);
  replicate.spell(1, SpellType::tenancy, 400, 1000, EndReason::ongoing);
  replicate.spell(1, SpellType::prison, 310, 350, EndReason::released);
  replicate.spell(2, SpellType::tenancy, 20, 100, EndReason::voluntary_move);
  replicate.spell(2, SpellType::tenancy, 150, 500, EndReason::eviction_notice);
  replicate.spell(2, SpellType::tenancy, 600, 1000, EndReason::ongoing);
  replicate.spell(3, SpellType::temporary_accommodation, 10, 1000, EndReason::ongoing);
  replicate.spell(3, SpellType::housing_first_enrolment, 10, 1000, EndReason::ongoing);
  replicate.result.people[1].notice_pending_at_status = true;  // 1's second flat is under notice
  const model::ReplicateResult& result = replicate.sorted();

  auto statistic = [&](const std::string& name, double days = 0.0) { return statistic_of(result, name, days); };
  CHECK(statistic("status_same_flat") == Approx(0.25));
  // A tenancy under notice counts in its own column only, as in Bergen's Table 8.1: 2 but not 1.
  CHECK(statistic("status_flat_two_or_later") == Approx(0.25));
  CHECK(statistic("status_notice_pending") == Approx(0.25));
  CHECK(statistic("status_temporary_or_institution") == Approx(0.25));
  CHECK(statistic("status_left_programme") == Approx(0.5));  // 1 and 2 have no enrolment spell
  CHECK(statistic("ever_lost_housing") == Approx(0.5));
  CHECK(statistic("rehoused_once") == Approx(0.25));
  CHECK(statistic("rehoused_twice_or_more") == Approx(0.25));
  CHECK(statistic("evicted_and_rehoused") == Approx(0.5));  // 2 was rehoused after its eviction too
  CHECK(statistic("immediate_eviction") == Approx(0.25));
  CHECK(statistic("eviction_with_notice") == Approx(0.25));
  CHECK(statistic("any_prison_stay") == Approx(0.25));
  CHECK(statistic("ever_housed") == Approx(0.75));
  CHECK(statistic("never_lost_housing") == Approx(0.25));
  calibration::CalibrationTarget leases;
  leases.statistic = "lease_ended";
  CHECK(calibration::compute_statistic(leases, result) == Approx(3.0 / 6.0));
  calibration::CalibrationTarget long_stays;
  long_stays.statistic = "housed_days_over";
  long_stays.filter.days = 900;
  CHECK(calibration::compute_statistic(long_stays, result) == Approx(0.25));
}

TEST_CASE("the status table's no-flat category and time since the first move-in", "[unit][calibration]") {
  HandBuiltReplicate replicate(1000.0);
  using model::EndReason;
  using model::SpellType;
  for (std::uint32_t id = 0; id < 4; ++id) replicate.person(id, 10.0);
  // 0: housed from day 20 with a gap of 300 days, followed throughout. 1: housed from day 50, follow-up
  // ended on day 800. 2: followed, lost the flat, on the street at status. 3: followed, never housed, in a shelter.
  replicate.spell(0, SpellType::tenancy, 20, 200, EndReason::eviction_immediate);
  replicate.spell(0, SpellType::tenancy, 500, 1000, EndReason::ongoing);
  replicate.spell(0, SpellType::housing_first_enrolment, 10, 1000, EndReason::ongoing);
  replicate.spell(1, SpellType::tenancy, 50, 1000, EndReason::ongoing);
  replicate.spell(1, SpellType::housing_first_enrolment, 10, 800, EndReason::discharged);
  replicate.spell(2, SpellType::tenancy, 30, 400, EndReason::eviction_notice);
  replicate.spell(2, SpellType::street_or_friends, 400, 1000, EndReason::ongoing);
  replicate.spell(2, SpellType::housing_first_enrolment, 10, 1000, EndReason::ongoing);
  replicate.spell(3, SpellType::shelter, 10, 1000, EndReason::ongoing);
  replicate.spell(3, SpellType::housing_first_enrolment, 10, 1000, EndReason::ongoing);
  replicate.result.people[0].notice_pending_at_status = true;  // 0's second flat is under notice
  const model::ReplicateResult& result = replicate.sorted();

  auto statistic = [&](const std::string& name, double days = 0.0) { return statistic_of(result, name, days); };
  // The street is a no-flat status too; status_temporary_or_institution only counts places.
  CHECK(statistic("status_enrolled_without_tenancy") == Approx(0.5));
  CHECK(statistic("status_temporary_or_institution") == Approx(0.25));
  // A tenancy under notice counts in its own column only, as in Bergen's Table 8.1.
  CHECK(statistic("status_notice_pending") == Approx(0.25));
  CHECK(statistic("status_flat_two_or_later") == Approx(0.0));
  CHECK(statistic("status_same_flat") == Approx(0.25));
  // Days from the first move-in: 0: 980 (680 of them with a tenancy); 1: 750, to the end of follow-up; 2: 970.
  CHECK(statistic("days_since_first_move_in_over", 740) == Approx(0.75));
  CHECK(statistic("days_since_first_move_in_over", 760) == Approx(0.5));
  CHECK(statistic("days_since_first_move_in_over", 975) == Approx(0.25));
  CHECK(statistic("housed_days_over", 700) == Approx(0.25));
  CHECK(statistic("housed_days_over", 600) == Approx(0.5));
}

TEST_CASE("housed by the programme and ordinary housing without a notice", "[unit][calibration]") {
  HandBuiltReplicate replicate(1000.0);
  using model::EndReason;
  using model::SpellType;
  for (std::uint32_t id = 0; id < 4; ++id) replicate.person(id, 100.0);
  // 0: followed in the flat held since before entry. 1: that, then moved by the team to a new flat.
  // 2: housed after entry, under notice at status. 3: housed after entry, flat kept.
  replicate.spell(0, SpellType::tenancy, 20, 1000, EndReason::ongoing);
  replicate.spell(1, SpellType::tenancy, 20, 300, EndReason::voluntary_move);
  replicate.spell(1, SpellType::tenancy, 300, 1000, EndReason::ongoing);
  replicate.spell(2, SpellType::tenancy, 150, 1000, EndReason::ongoing);
  replicate.spell(3, SpellType::tenancy, 100, 1000, EndReason::ongoing);
  replicate.result.people[2].notice_pending_at_status = true;
  const model::ReplicateResult& result = replicate.sorted();

  auto statistic = [&](const std::string& name, double days = 0.0) { return statistic_of(result, name, days); };
  CHECK(statistic("ever_housed") == Approx(1.0));
  // A move-in on the entry day counts (3); a flat held from before entry does not (0).
  CHECK(statistic("moved_in_after_entry") == Approx(0.75));
  CHECK(statistic("in_ordinary_housing") == Approx(1.0));
  CHECK(statistic("status_in_ordinary_housing") == Approx(0.75));
}

TEST_CASE("the first stay's survival runs through a move straight into the next flat", "[unit][calibration]") {
  HandBuiltReplicate replicate(1000.0);
  using model::EndReason;
  using model::SpellType;
  // 0: moves on from the first flat on day 100 and loses the second on day 500 (a stay of 480 days).
  // 1: holds the first flat to the status date. 2: loses the first flat on day 200; the next starts later.
  for (std::uint32_t id = 0; id < 3; ++id) replicate.person(id, 20.0);
  replicate.spell(0, SpellType::tenancy, 20, 100, EndReason::moved_to_next_flat);
  replicate.spell(0, SpellType::tenancy, 100, 500, EndReason::eviction_immediate);
  replicate.spell(1, SpellType::tenancy, 20, 1000, EndReason::ongoing);
  replicate.spell(2, SpellType::tenancy, 20, 200, EndReason::voluntary_move);
  replicate.spell(2, SpellType::tenancy, 250, 1000, EndReason::ongoing);
  const model::ReplicateResult& result = replicate.sorted();
  // Kaplan-Meier: 2 lost at 180 days of 3 at risk, 0 at 480 days of 2: 2/3 at one year, 1/3 at two.
  CHECK(statistic_of(result, "first_stay_survival", 365) == Approx(2.0 / 3.0));
  CHECK(statistic_of(result, "first_stay_survival", 730) == Approx(1.0 / 3.0));
  // A move straight on is neither a loss nor a rehousing; 0 is still "in a later flat".
  CHECK(statistic_of(result, "ever_lost_housing") == Approx(2.0 / 3.0));
  CHECK(statistic_of(result, "rehoused_once") == Approx(1.0 / 3.0));
}

TEST_CASE("a stay in the continuum runs through its places and through stays inside left straight back",
          "[unit][calibration]") {
  HandBuiltReplicate replicate(1000.0);
  using model::EndReason;
  using model::SpellType;
  for (std::uint32_t id = 0; id < 5; ++id) replicate.person(id, 20.0);
  // 0: placed on day 50, climbs, is in treatment on days 400-460 and goes straight back: censored at 950 days.
  replicate.spell(0, SpellType::street_or_friends, 20, 50, EndReason::moved);
  replicate.spell(0, SpellType::temporary_accommodation, 50, 200, EndReason::promotion);
  replicate.spell(0, SpellType::training_flat, 200, 400, EndReason::admitted);
  replicate.spell(0, SpellType::treatment, 400, 460, EndReason::released);
  replicate.spell(0, SpellType::training_flat, 460, 700, EndReason::housed);
  replicate.spell(0, SpellType::own_flat, 700, 1000, EndReason::ongoing);
  // 1: placed on day 150 after a shelter, to prison on day 400 and out to the street: lost after 250 days.
  replicate.spell(1, SpellType::street_or_friends, 20, 100, EndReason::moved);
  replicate.spell(1, SpellType::shelter, 100, 150, EndReason::promotion);
  replicate.spell(1, SpellType::temporary_accommodation, 150, 400, EndReason::admitted);
  replicate.spell(1, SpellType::prison, 400, 500, EndReason::released);
  replicate.spell(1, SpellType::street_or_friends, 500, 1000, EndReason::ongoing);
  // 2: placed on day 60, demoted to the street on day 600: lost after 540 days.
  replicate.spell(2, SpellType::street_or_friends, 20, 60, EndReason::moved);
  replicate.spell(2, SpellType::temporary_accommodation, 60, 600, EndReason::demotion);
  replicate.spell(2, SpellType::street_or_friends, 600, 1000, EndReason::ongoing);
  // 3: never placed (not at risk). 4: in a place from entry, dies on day 300: censored after 280 days.
  replicate.spell(3, SpellType::street_or_friends, 20, 1000, EndReason::ongoing);
  replicate.spell(4, SpellType::temporary_accommodation, 20, 300, EndReason::death);
  const model::ReplicateResult& result = replicate.sorted();
  // Kaplan-Meier: a loss at 250 days of 4 at risk, a censoring at 280, a loss at 540 of 2 at risk.
  CHECK(statistic_of(result, "residential_stay_survival", 365) == Approx(0.75));
  CHECK(statistic_of(result, "residential_stay_survival", 730) == Approx(0.375));
  // Beyond the longest follow-up (950 days) the curve is not defined.
  CHECK(std::isnan(statistic_of(result, "residential_stay_survival", 960)));
}
