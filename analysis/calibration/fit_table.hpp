#pragma once

// The fit of simulated statistics to observed targets: per target the observed value with its exact
// 95 % and 99 % intervals, the simulated mean with the 90 % interval over replicates and a
// standardised residual; overall a chi-square test and the pass/fail rule of `hsim fit`.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/calibration/calibration_targets.hpp"
#include "analysis/calibration/exact_intervals.hpp"

namespace hsim::analysis::calibration {

// The simulated statistic of one target over replicates (non-finite values already dropped).
struct SimulatedStatistic {
  std::vector<double> values;
  std::vector<std::size_t> replicate_of_value;  // the replicate each value came from (empty: values[i] is replicate i)
  std::size_t replicates = 0;                   // replicates run, including those where the statistic was undefined
};

struct FitRow {
  CalibrationTarget target;
  double observed = 0.0;  // share, count or mid-range
  Bounds interval_95;     // of the observation (Clopper-Pearson, Poisson) or the printed range
  Bounds interval_99;
  double simulated_mean = 0.0;
  double simulated_sd = 0.0;
  Bounds simulated_90;  // 5th to 95th percentile over replicates
  std::size_t simulated_values = 0;
  double residual = 0.0;  // NaN when not in the chi-square (range, not modelled, no simulated value)
  bool in_test = false;   // contributes to the chi-square
  bool checked = false;   // counted in the interval rule (modelled and simulated)
  bool inside_95 = false;
  bool inside_99 = false;
};

// One city's part of the chi-square. Cities are simulated independently, so only targets of one city
// are correlated (target_correlation.hpp).
struct CityChiSquare {
  std::string city;
  double chi_square = 0.0;  // sum of the city's squared residuals
  int targets = 0;
  double correlation_norm = 0.0;  // ‖R‖² of its targets' correlation; equals `targets` when independent
};

struct FitVerdict {
  double chi_square = 0.0;             // sum of squared residuals over the targets in the test
  std::vector<CityChiSquare> by_city;  // in the order the cities first appear
  int targets = 0;                     // in the test
  // Satterthwaite's c χ²(ν) for correlated targets: scale c = Σ‖R‖² / targets, effective targets
  // ν = targets² / Σ‖R‖²; the fitted parameters are taken from ν.
  double scale = 1.0;
  double effective_targets = 0.0;
  double degrees_of_freedom = 0.0;  // effective targets minus fitted parameters
  double p_value = 0.0;
  // False when every checked target is a printed range and nothing is fitted: no chi-square test, the
  // verdict rests on the intervals alone.
  bool chi_square_tested = true;
  std::size_t checked = 0;
  std::size_t inside_95 = 0;
  std::size_t outside_99 = 0;
  bool passes = false;  // p >= 0.05 (when tested), >= 90 % of checked targets inside 95 %, none outside 99 %
};

struct FitTable {
  std::vector<FitRow> rows;
  FitVerdict verdict;
};

// Residual of one target: (obs - mean) / sqrt(sampling variance at the simulated mean + simulation
// variance / values). Shares use the binomial variance p(1-p)/n with p kept within [1/(2n), 1-1/(2n)]
// so that a simulated 0 or 1 still has a sampling variance; counts use the Poisson variance (at least
// 0.5).
[[nodiscard]] double standardised_residual(const CalibrationTarget& target, double simulated_mean,
                                           double simulated_variance, std::size_t simulated_values);

// Builds the table; `simulated[i]` belongs to `targets[i]`. The p-value is that of chi_square / scale
// on degrees_of_freedom. Throws std::invalid_argument when the degrees of freedom (effective targets
// minus `fitted_parameters`) are not positive.
[[nodiscard]] FitTable build_fit_table(const std::vector<CalibrationTarget>& targets,
                                       const std::vector<SimulatedStatistic>& simulated, int fitted_parameters);

// Sum of squared residuals (the chi-square statistic) without the rest of the table: the objective of
// `hsim calibrate`.
[[nodiscard]] double chi_square_statistic(const std::vector<CalibrationTarget>& targets,
                                          const std::vector<SimulatedStatistic>& simulated);

[[nodiscard]] std::string format_fit_table(const FitTable& table, const std::string& title);
void write_fit_csv(const FitTable& table, std::ostream& out);

}  // namespace hsim::analysis::calibration
