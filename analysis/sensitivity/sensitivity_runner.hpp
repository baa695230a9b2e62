#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "analysis/sweep/point_evaluator.hpp"
#include "analysis/sweep/sweep_runner.hpp"
#include "analysis/sweep/sweep_spec.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace hsim::analysis::sensitivity {

enum class Method { morris, sobol };

struct SensitivityOptions {
  sweep::RunOptions run;
  Method method = Method::sobol;
  bool second_order = false;             // also when the spec asks for it
  std::optional<std::size_t> bootstrap;  // overrides the spec
};

// Problems that make the spec unusable for the method (too many parameters for the Saltelli
// sequence, list parameters in a Morris design), reported with the spec's locations.
void check_spec_for_method(const sweep::SweepSpec& spec, Method method, scenario::Diagnostics& diagnostics);

// `hsim sensitivity`: evaluates the method's design (resumable, like a sweep), then writes
// indices.csv and variance.csv beside points/results/aggregated.csv and prints a table ranked by
// total effect (Sobol) or mu* (Morris) to `console`.
void run_sensitivity(const sweep::SweepSpec& spec, const sweep::PointEvaluator& evaluator,
                     const SensitivityOptions& options, std::ostream& console);

}  // namespace hsim::analysis::sensitivity
