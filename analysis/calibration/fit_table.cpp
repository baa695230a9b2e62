#include "analysis/calibration/fit_table.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "analysis/calibration/target_correlation.hpp"

namespace hsim::analysis::calibration {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double quantile_of_sorted(const std::vector<double>& sorted, double probability) {
  if (sorted.empty()) return nan;
  const double position = probability * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double weight = position - static_cast<double>(below);
  return sorted[below] * (1.0 - weight) + sorted[above] * weight;
}

struct Moments {
  double mean = nan;
  double variance = 0.0;
};

Moments moments(const std::vector<double>& values) {
  Moments m;
  if (values.empty()) return m;
  m.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  if (values.size() > 1) {
    double squares = 0.0;
    for (double v : values) squares += (v - m.mean) * (v - m.mean);
    m.variance = squares / static_cast<double>(values.size() - 1);
  }
  return m;
}

std::string kind_name(ObservationKind kind) {
  switch (kind) {
    case ObservationKind::share:
      return "share";
    case ObservationKind::count:
      return "count";
    case ObservationKind::range:
      return "range";
    case ObservationKind::none:
      return "none";
  }
  return "?";
}

std::string fixed(double value, int digits) {
  if (!std::isfinite(value)) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

std::string csv_number(double value) {
  if (!std::isfinite(value)) return "";
  std::ostringstream out;
  out << std::setprecision(10) << value;
  return out.str();
}

std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

double standardised_residual(const CalibrationTarget& target, double simulated_mean, double simulated_variance,
                             std::size_t simulated_values) {
  if (!std::isfinite(simulated_mean) || simulated_values == 0) return nan;
  double sampling_variance = 0.0;
  if (target.kind == ObservationKind::share) {
    const double floor = 0.5 / target.n;
    const double p = std::clamp(simulated_mean, floor, 1.0 - floor);
    sampling_variance = p * (1.0 - p) / target.n;
  } else if (target.kind == ObservationKind::count) {
    sampling_variance = std::max(simulated_mean, 0.5);
  } else {
    return nan;
  }
  const double variance = sampling_variance + simulated_variance / static_cast<double>(simulated_values);
  return (target.observed_value() - simulated_mean) / std::sqrt(variance);
}

FitTable build_fit_table(const std::vector<CalibrationTarget>& targets,
                         const std::vector<SimulatedStatistic>& simulated, int fitted_parameters) {
  if (targets.size() != simulated.size()) throw std::invalid_argument("build_fit_table: one simulation per target");
  FitTable table;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const CalibrationTarget& target = targets[i];
    FitRow row;
    row.target = target;
    row.observed = target.observed_value();
    switch (target.kind) {
      case ObservationKind::share:
        row.interval_95 = clopper_pearson(target.count, target.n, 0.95);
        row.interval_99 = clopper_pearson(target.count, target.n, 0.99);
        break;
      case ObservationKind::count:
        row.interval_95 = poisson_interval(target.count, 0.95);
        row.interval_99 = poisson_interval(target.count, 0.99);
        break;
      case ObservationKind::range:
        row.interval_95 = {target.low, target.high};
        row.interval_99 = {target.low, target.high};
        break;
      case ObservationKind::none:
        row.interval_95 = {nan, nan};
        row.interval_99 = {nan, nan};
        break;
    }
    row.residual = nan;
    row.simulated_mean = nan;
    row.simulated_sd = nan;
    row.simulated_90 = {nan, nan};
    if (target.modelled()) {
      std::vector<double> sorted = simulated[i].values;
      std::sort(sorted.begin(), sorted.end());
      const Moments m = moments(sorted);
      row.simulated_values = sorted.size();
      row.simulated_mean = m.mean;
      row.simulated_sd = std::sqrt(m.variance);
      row.simulated_90 = {quantile_of_sorted(sorted, 0.05), quantile_of_sorted(sorted, 0.95)};
      if (!sorted.empty()) {
        row.checked = true;
        row.inside_95 = row.interval_95.contains(m.mean);
        row.inside_99 = row.interval_99.contains(m.mean);
        row.residual = standardised_residual(target, m.mean, m.variance, sorted.size());
        row.in_test = std::isfinite(row.residual);
      }
    }
    table.rows.push_back(std::move(row));
  }
  FitVerdict& verdict = table.verdict;
  for (const auto& row : table.rows) {
    if (row.checked) {
      ++verdict.checked;
      if (row.inside_95) ++verdict.inside_95;
      if (!row.inside_99) ++verdict.outside_99;
    }
    if (!row.in_test) continue;
    auto part = std::find_if(verdict.by_city.begin(), verdict.by_city.end(),
                             [&](const CityChiSquare& p) { return p.city == row.target.city; });
    if (part == verdict.by_city.end())
      part = verdict.by_city.insert(verdict.by_city.end(), CityChiSquare{row.target.city});
    part->chi_square += row.residual * row.residual;
    ++part->targets;
  }
  double correlation_norm = 0.0;
  for (CityChiSquare& part : verdict.by_city) {
    std::vector<const SimulatedStatistic*> statistics;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      if (table.rows[i].in_test && table.rows[i].target.city == part.city) statistics.push_back(&simulated[i]);
    }
    part.correlation_norm = correlation_norm_squared(statistics);
    verdict.chi_square += part.chi_square;
    verdict.targets += part.targets;
    correlation_norm += part.correlation_norm;
  }
  if (verdict.targets > 0) {
    const double k = verdict.targets;
    verdict.scale = correlation_norm / k;
    verdict.effective_targets = effective_targets(k, correlation_norm);
  }
  verdict.degrees_of_freedom = verdict.effective_targets - fitted_parameters;
  if (verdict.targets == 0 && fitted_parameters == 0) {
    verdict.chi_square_tested = false;
    verdict.p_value = 1.0;
    verdict.passes = verdict.checked > 0 && verdict.inside_95 == verdict.checked;
    return table;
  }
  if (!(verdict.degrees_of_freedom > 0.0)) {
    std::ostringstream message;
    message << "the chi-square test has " << verdict.targets << " targets, worth "
            << fixed(verdict.effective_targets, 1) << " independent ones given their correlation, and "
            << fitted_parameters << " fitted parameters: degrees of freedom must be positive";
    throw std::invalid_argument(message.str());
  }
  verdict.p_value = chi_square_upper_tail(verdict.chi_square / verdict.scale, verdict.degrees_of_freedom);
  verdict.passes = verdict.p_value >= 0.05 && verdict.checked > 0 &&
                   static_cast<double>(verdict.inside_95) >= 0.9 * static_cast<double>(verdict.checked) &&
                   verdict.outside_99 == 0;
  return table;
}

double chi_square_statistic(const std::vector<CalibrationTarget>& targets,
                            const std::vector<SimulatedStatistic>& simulated) {
  double total = 0.0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (!targets[i].modelled()) continue;
    const Moments m = moments(simulated[i].values);
    const double r = standardised_residual(targets[i], m.mean, m.variance, simulated[i].values.size());
    if (std::isfinite(r)) total += r * r;
  }
  return total;
}

std::string format_fit_table(const FitTable& table, const std::string& title) {
  std::ostringstream out;
  out << title << '\n';
  int city_width = 10;
  for (const auto& row : table.rows) city_width = std::max(city_width, static_cast<int>(row.target.city.size()) + 2);
  out << std::left << std::setw(city_width) << "city" << std::setw(40) << "target" << std::right << std::setw(9)
      << "observed" << std::setw(7) << "n" << std::setw(17) << "95% interval" << std::setw(17) << "99% interval"
      << std::setw(9) << "sim mean" << std::setw(17) << "sim 90%" << std::setw(9) << "resid"
      << "  fit\n";
  for (const auto& row : table.rows) {
    const int digits = row.target.kind == ObservationKind::share || row.observed < 10.0 ? 3 : 1;
    out << std::left << std::setw(city_width) << row.target.city << std::setw(40) << row.target.name << std::right
        << std::setw(9) << fixed(row.observed, digits) << std::setw(7)
        << (row.target.kind == ObservationKind::share ? fixed(row.target.n, 0) : std::string("-")) << std::setw(17)
        << (fixed(row.interval_95.low, digits) + "-" + fixed(row.interval_95.high, digits)) << std::setw(17)
        << (fixed(row.interval_99.low, digits) + "-" + fixed(row.interval_99.high, digits));
    if (!row.target.modelled()) {
      out << "  not modelled: " << row.target.not_modelled << '\n';
      continue;
    }
    out << std::setw(9) << fixed(row.simulated_mean, digits) << std::setw(17)
        << (fixed(row.simulated_90.low, digits) + "-" + fixed(row.simulated_90.high, digits)) << std::setw(9)
        << fixed(row.residual, 2) << "  "
        << (!row.checked    ? "no value"
            : row.inside_95 ? "in 95%"
            : row.inside_99 ? "in 99%"
                            : "OUTSIDE 99%")
        << '\n';
  }
  const FitVerdict& v = table.verdict;
  if (v.by_city.size() > 1) {
    out << "chi-square by city:";
    for (std::size_t i = 0; i < v.by_city.size(); ++i) {
      const CityChiSquare& part = v.by_city[i];
      out << (i == 0 ? " " : ", ") << part.city << ' ' << fixed(part.chi_square, 2) << " (" << part.targets
          << (part.targets == 1 ? " target" : " targets") << ", worth "
          << fixed(effective_targets(part.targets, part.correlation_norm), 1) << ')';
    }
    out << '\n';
  }
  if (!v.chi_square_tested) {
    out << "no chi-square test: every target is a printed range; " << v.inside_95 << " of " << v.checked
        << " targets inside their range: " << (v.passes ? "FIT NOT REJECTED" : "FIT REJECTED") << '\n';
    return out.str();
  }
  out << "targets of one city are correlated: chi-square / " << fixed(v.scale, 2) << " on "
      << fixed(v.effective_targets, 1) << " effective targets (Satterthwaite)\n";
  out << "chi-square " << fixed(v.chi_square, 2) << " on " << fixed(v.degrees_of_freedom, 1)
      << " df, p = " << std::setprecision(3) << v.p_value << "; " << v.inside_95 << " of " << v.checked
      << " targets inside their 95% interval, " << v.outside_99
      << " outside their 99% interval: " << (v.passes ? "FIT NOT REJECTED" : "FIT REJECTED") << '\n';
  return out.str();
}

void write_fit_csv(const FitTable& table, std::ostream& out) {
  out << "city,target,statistic,kind,policy,observed,n,ci95_low,ci95_high,ci99_low,ci99_high,sim_mean,sim_sd,"
         "sim_p05,sim_p95,sim_values,residual,in_test,inside_95,inside_99,not_modelled,source\n";
  for (const auto& row : table.rows) {
    const auto& t = row.target;
    out << csv_text(t.city) << ',' << csv_text(t.name) << ',' << csv_text(t.statistic) << ',' << kind_name(t.kind)
        << ',' << (t.policy ? std::string(model::to_string(*t.policy)) : std::string()) << ','
        << csv_number(row.observed) << ',' << (t.kind == ObservationKind::share ? csv_number(t.n) : std::string())
        << ',' << csv_number(row.interval_95.low) << ',' << csv_number(row.interval_95.high) << ','
        << csv_number(row.interval_99.low) << ',' << csv_number(row.interval_99.high) << ','
        << csv_number(row.simulated_mean) << ',' << csv_number(row.simulated_sd) << ','
        << csv_number(row.simulated_90.low) << ',' << csv_number(row.simulated_90.high) << ',' << row.simulated_values
        << ',' << csv_number(row.residual) << ',' << (row.in_test ? 1 : 0) << ',' << (row.inside_95 ? 1 : 0) << ','
        << (row.inside_99 ? 1 : 0) << ',' << csv_text(t.not_modelled) << ',' << csv_text(t.source) << '\n';
  }
}

}  // namespace hsim::analysis::calibration
