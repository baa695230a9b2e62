#include "analysis/calibration/calibrator.hpp"

#include <Eigen/Dense>
#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

namespace hsim::analysis::calibration {

namespace {

std::string number_text(double value) {
  std::ostringstream out;
  out << std::setprecision(6) << value;
  return out.str();
}

std::vector<double> to_natural(const std::vector<CalibrationParameter>& parameters, const std::vector<double>& unit) {
  std::vector<double> values(unit.size());
  for (std::size_t i = 0; i < unit.size(); ++i) {
    values[i] = parameters[i].lower + std::clamp(unit[i], 0.0, 1.0) * (parameters[i].upper - parameters[i].lower);
  }
  return values;
}

// Point `index` (from 1) of the Halton sequence in `dimensions` dimensions.
std::vector<double> halton_point(std::size_t index, std::size_t dimensions) {
  static constexpr unsigned primes[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};
  std::vector<double> point(dimensions);
  for (std::size_t d = 0; d < dimensions; ++d) {
    const unsigned base = primes[d % 16];
    double f = 1.0, value = 0.0;
    for (std::size_t i = index; i > 0; i /= base) {
      f /= base;
      value += f * static_cast<double>(i % base);
    }
    point[d] = value;
  }
  return point;
}

}  // namespace

std::vector<CalibrationParameter> default_calibration_parameters() {
  // The twelve parameters and bounds of the calibration behind scenarios/behaviour.yaml (docs/validation.md),
  // so that `hsim calibrate` with no --parameters repeats it; start values come from the scenario.
  return {
      {"behaviour.disturbance.complaint_probability", 0.1, 0.95},
      {"behaviour.disturbance.baseline_per_year", 0.2, 12.0},
      {"behaviour.disturbance.in_episode_per_week", 0.5, 6.0},
      {"teams.housing_first.eviction_prevention_base_share", 0.05, 0.6},  // base + capacity share <= 1
      {"staircase.demotion_probability_per_incident", 0.001, 1.0},
      {"staircase.exclusion_to_street_share", 0.0, 1.0},
      {"behaviour.disturbance.first_flat_complaint_factor", 1.0, 5.0},
      {"behaviour.life.voluntary_move_per_year", 0.01, 0.4},
      {"behaviour.landlords.municipal_complaints_before_warning_factor", 1.0, 5.0},
      {"behaviour.disturbance.short_choice_complaint_factor", 1.0, 15.0},
      {"welfare.assisted_private_lets_per_year", 0.0, 2.0},
      {"teams.housing_first.rehousing_delay_days", 20.0, 300.0},
  };
}

std::vector<std::string> parameter_overrides(const std::vector<CalibrationParameter>& parameters,
                                             const std::vector<double>& values) {
  std::vector<std::string> overrides;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    overrides.push_back(parameters[i].key + "=" + number_text(values[i]));
  }
  return overrides;
}

CalibrationResult minimise_objective(const Objective& objective, const std::vector<CalibrationParameter>& parameters,
                                     const CalibrationOptions& options) {
  const std::size_t p = parameters.size();
  if (p == 0) throw std::invalid_argument("calibration needs at least one parameter");
  std::vector<double> start(p);
  for (std::size_t i = 0; i < p; ++i) {
    const auto& parameter = parameters[i];
    if (!(parameter.lower < parameter.upper)) {
      throw std::invalid_argument("parameter " + parameter.key + ": lower bound must be below the upper bound");
    }
    start[i] = std::clamp((parameter.start - parameter.lower) / (parameter.upper - parameter.lower), 0.0, 1.0);
  }

  CalibrationResult result;
  std::size_t evaluations = 0;
  // A point that breaks a constraint between scenario keys (e.g. two shares summing above 1) gets twice
  // the worst objective seen so far, so the optimiser turns back; the start point must be valid.
  double worst = 0.0;
  auto evaluate_unit = [&](const std::vector<double>& unit) {
    try {
      const double value = objective(to_natural(parameters, unit));
      worst = std::max(worst, value);
      return value;
    } catch (const std::invalid_argument& error) {
      if (worst == 0.0) throw;
      if (options.progress) options.progress(std::string("invalid point, penalised: ") + error.what());
      return 2.0 * worst;
    }
  };
  result.start_objective = evaluate_unit(start);

  struct Context {
    const std::function<double(const std::vector<double>&)>* evaluate;
    std::size_t* evaluations;
    const CalibrationOptions* options;
    const std::vector<CalibrationParameter>* parameters;
    double best;
  };
  std::function<double(const std::vector<double>&)> evaluate = evaluate_unit;
  Context context{&evaluate, &evaluations, &options, &parameters, std::numeric_limits<double>::infinity()};

  nlopt::opt optimiser(p >= 2 ? nlopt::LN_BOBYQA : nlopt::LN_NELDERMEAD, static_cast<unsigned>(p));
  optimiser.set_lower_bounds(std::vector<double>(p, 0.0));
  optimiser.set_upper_bounds(std::vector<double>(p, 1.0));
  optimiser.set_initial_step(std::vector<double>(p, options.initial_step));
  optimiser.set_maxeval(static_cast<int>(options.max_evaluations));
  optimiser.set_xtol_abs(1e-3);
  optimiser.set_min_objective(
      [](const std::vector<double>& unit, std::vector<double>&, void* data) {
        auto* c = static_cast<Context*>(data);
        const double value = (*c->evaluate)(unit);
        ++*c->evaluations;
        c->best = std::min(c->best, value);
        if (c->options->progress) {
          std::ostringstream line;
          line << "evaluation " << *c->evaluations << ": chi-square " << std::fixed << std::setprecision(3) << value
               << " (best " << c->best << ") at";
          const auto natural = to_natural(*c->parameters, unit);
          for (std::size_t i = 0; i < natural.size(); ++i) {
            line << ' ' << (*c->parameters)[i].key << '=' << number_text(natural[i]);
          }
          c->options->progress(line.str());
        }
        return value;
      },
      &context);

  // The objective is rough (a sum of discrete outcomes, smooth only on average), so a local optimiser
  // started at one point can stall far from the minimum: a space-filling start design comes first.
  std::vector<double> unit = start;
  double best = result.start_objective;
  ++evaluations;
  const std::size_t design_points = std::min(options.start_design_points, options.max_evaluations / 2);
  for (std::size_t i = 1; i <= design_points; ++i) {
    const auto point = halton_point(i, p);
    const double value = evaluate_unit(point);
    ++evaluations;
    if (options.progress) {
      std::ostringstream line;
      line << "start design " << i << '/' << design_points << ": chi-square " << std::fixed << std::setprecision(3)
           << value;
      options.progress(line.str());
    }
    if (value < best) {
      best = value;
      unit = point;
    }
  }
  context.best = best;
  // BOBYQA's quadratic model can also stall on the roughness: while evaluations remain and a run
  // ends on its tolerance, restart it from the best point; stop when a restart finds nothing better.
  const std::size_t smallest_run = 2 * p + 2;
  for (bool first_run = true;; first_run = false) {
    const std::size_t left = options.max_evaluations > evaluations ? options.max_evaluations - evaluations : 0;
    if (!first_run && left < smallest_run) break;
    optimiser.set_maxeval(static_cast<int>(std::max(left, smallest_run)));
    const double before = best;
    try {
      const nlopt::result status = optimiser.optimize(unit, best);
      result.stop_reason = status == nlopt::MAXEVAL_REACHED ? "maximum evaluations reached"
                           : status == nlopt::XTOL_REACHED  ? "parameter tolerance reached"
                           : status == nlopt::FTOL_REACHED  ? "objective tolerance reached"
                                                            : "converged";
      if (status == nlopt::MAXEVAL_REACHED) break;
    } catch (const nlopt::roundoff_limited&) {
      best = optimiser.last_optimum_value();
      result.stop_reason = "stopped by round-off (noisy objective)";
    } catch (const nlopt::forced_stop&) {
      best = optimiser.last_optimum_value();
      result.stop_reason = "stopped";
      break;
    }
    if (!first_run) {
      if (!(best < before)) break;
      ++result.restarts;
    }
  }
  result.values = to_natural(parameters, unit);
  result.objective = best;
  result.evaluations = evaluations;
  result.standard_errors.assign(p, std::numeric_limits<double>::quiet_NaN());
  if (!options.estimate_standard_errors) return result;
  result.standard_errors_estimated = true;

  // Central finite-difference Hessian in unit coordinates, around a centre kept one step inside the
  // bounds so that every stencil point is a valid parameter value.
  const double h = options.hessian_step;
  std::vector<double> centre = unit;
  for (double& u : centre) u = std::clamp(u, h, 1.0 - h);
  const double f0 = evaluate_unit(centre);
  auto shifted = [&](std::size_t i, double di, std::size_t j, double dj) {
    std::vector<double> point = centre;
    point[i] += di;
    point[j] += dj;
    return evaluate_unit(point);
  };
  Eigen::MatrixXd hessian(p, p);
  for (std::size_t i = 0; i < p; ++i) {
    const double plus = shifted(i, h, i, 0.0);
    const double minus = shifted(i, -h, i, 0.0);
    hessian(i, i) = (plus - 2.0 * f0 + minus) / (h * h);
    for (std::size_t j = 0; j < i; ++j) {
      const double pp = shifted(i, h, j, h), pm = shifted(i, h, j, -h), mp = shifted(i, -h, j, h),
                   mm = shifted(i, -h, j, -h);
      hessian(i, j) = hessian(j, i) = (pp - pm - mp + mm) / (4.0 * h * h);
    }
  }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(hessian);
  if (eigen.info() == Eigen::Success && eigen.eigenvalues().minCoeff() > 0.0) {
    result.hessian_positive_definite = true;
    const Eigen::MatrixXd covariance = 2.0 * hessian.inverse();
    for (std::size_t i = 0; i < p; ++i) {
      result.standard_errors[i] = std::sqrt(covariance(i, i)) * (parameters[i].upper - parameters[i].lower);
    }
  }
  return result;
}

namespace {

// The cities' targets simulated with `values` applied on top of settings.overrides.
SimulatedTargets simulate_point(const TargetSet& set, const std::vector<std::string>& cities,
                                const std::vector<CalibrationParameter>& parameters, const std::vector<double>& values,
                                const SimulationSettings& settings) {
  SimulationSettings point = settings;
  for (auto& override_text : parameter_overrides(parameters, values)) point.overrides.push_back(override_text);
  return simulate_targets(set, cities, point);
}

}  // namespace

Objective chi_square_objective(const TargetSet& set, const std::vector<std::string>& cities,
                               const std::vector<CalibrationParameter>& parameters,
                               const SimulationSettings& settings) {
  return [&set, cities, parameters, settings](const std::vector<double>& values) {
    const SimulatedTargets simulated = simulate_point(set, cities, parameters, values, settings);
    return chi_square_statistic(simulated.targets, simulated.simulated);
  };
}

namespace {

// Each target's value in every replicate (NaN where it was undefined), so that a resample of replicates
// picks the same replicates for every target and at every point.
std::vector<std::vector<double>> values_by_replicate(const SimulatedTargets& simulated) {
  std::vector<std::vector<double>> table;
  for (const auto& statistic : simulated.simulated) {
    std::vector<double> row(statistic.replicates, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < statistic.values.size(); ++i) {
      const std::size_t replicate = statistic.replicate_of_value.empty() ? i : statistic.replicate_of_value[i];
      if (replicate < row.size()) row[replicate] = statistic.values[i];
    }
    table.push_back(std::move(row));
  }
  return table;
}

double resampled_chi_square(const std::vector<CalibrationTarget>& targets,
                            const std::vector<std::vector<double>>& table, const std::vector<std::size_t>& draw) {
  std::vector<SimulatedStatistic> resampled(table.size());
  for (std::size_t t = 0; t < table.size(); ++t) {
    resampled[t].replicates = draw.size();
    for (std::size_t replicate : draw) {
      if (std::isfinite(table[t][replicate])) resampled[t].values.push_back(table[t][replicate]);
    }
  }
  return chi_square_statistic(targets, resampled);
}

}  // namespace

FreshSeedCheck check_on_fresh_seed(const TargetSet& set, const std::vector<std::string>& cities,
                                   const std::vector<CalibrationParameter>& parameters,
                                   const std::vector<double>& fitted, const SimulationSettings& settings,
                                   std::size_t bootstrap_resamples) {
  if (fitted.size() != parameters.size()) throw std::invalid_argument("check_on_fresh_seed: one value per parameter");
  std::vector<double> start;
  for (const auto& parameter : parameters) start.push_back(parameter.start);
  const SimulatedTargets at_start = simulate_point(set, cities, parameters, start, settings);
  const SimulatedTargets at_fitted = simulate_point(set, cities, parameters, fitted, settings);

  FreshSeedCheck check;
  check.seed = settings.seed;
  check.replicates = settings.replicates;
  check.start_objective = chi_square_statistic(at_start.targets, at_start.simulated);
  check.fitted_objective = chi_square_statistic(at_fitted.targets, at_fitted.simulated);

  const auto start_table = values_by_replicate(at_start);
  const auto fitted_table = values_by_replicate(at_fitted);
  std::mt19937_64 generator(settings.seed);
  std::vector<std::size_t> draw(settings.replicates);
  double sum = 0.0, squares = 0.0;
  for (std::size_t b = 0; b < bootstrap_resamples; ++b) {
    for (auto& replicate : draw) replicate = static_cast<std::size_t>(generator() % settings.replicates);
    const double difference = resampled_chi_square(at_fitted.targets, fitted_table, draw) -
                              resampled_chi_square(at_start.targets, start_table, draw);
    sum += difference;
    squares += difference * difference;
  }
  if (bootstrap_resamples > 1) {
    const double n = static_cast<double>(bootstrap_resamples);
    check.difference_standard_error = std::sqrt(std::max(0.0, (squares - sum * sum / n) / (n - 1.0)));
  }
  return check;
}

std::string fitted_values_yaml(const std::vector<CalibrationParameter>& parameters, const CalibrationResult& result,
                               const std::string& base_file, const std::string& how) {
  // Nest the dotted keys into a tree, keeping first-seen order.
  struct Node {
    std::vector<std::string> order;
    std::map<std::string, Node> children;
    int parameter = -1;
  };
  Node root;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    Node* node = &root;
    std::stringstream parts(parameters[i].key);
    std::string part;
    while (std::getline(parts, part, '.')) {
      if (!node->children.count(part)) node->order.push_back(part);
      node = &node->children[part];
    }
    node->parameter = static_cast<int>(i);
  }
  std::ostringstream out;
  out << "# Behaviour parameters fitted to the calibration targets (" << how << ").\n";
  out << (result.standard_errors_estimated
              ? "# Standard errors from a central finite-difference Hessian H of the chi-square (covariance 2 H^-1).\n"
              : "# Standard errors not estimated (--skip-standard-errors).\n");
  out << "name: calibrated_behaviour\n";
  out << "description: Shared behaviour with the calibrated values of " << parameters.size() << " parameters.\n";
  out << "fragment: true\n";
  out << "extends: " << base_file << "\n";
  std::function<void(const Node&, int)> write = [&](const Node& node, int depth) {
    for (const auto& name : node.order) {
      const Node& child = node.children.at(name);
      out << std::string(2 * depth, ' ') << name << ':';
      if (child.parameter >= 0) {
        const auto i = static_cast<std::size_t>(child.parameter);
        out << "\n" << std::string(2 * depth + 2, ' ') << "value: " << number_text(result.values[i]) << '\n';
        out << std::string(2 * depth + 2, ' ') << "assumption: \"Calibrated: " << how << "; standard error "
            << (std::isfinite(result.standard_errors[i]) ? number_text(result.standard_errors[i])
                : result.standard_errors_estimated       ? std::string("not defined (Hessian not positive definite)")
                                                         : std::string("not estimated"))
            << "; bounds [" << number_text(parameters[i].lower) << ", " << number_text(parameters[i].upper) << "].\"\n";
      } else {
        out << '\n';
        write(child, depth + 1);
      }
    }
  };
  write(root, 0);
  return out.str();
}

}  // namespace hsim::analysis::calibration
