#include "analysis/sensitivity/sensitivity_runner.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "analysis/sensitivity/morris_design.hpp"
#include "analysis/sensitivity/morris_effects.hpp"
#include "analysis/sensitivity/noise_decomposition.hpp"
#include "analysis/sensitivity/saltelli_design.hpp"
#include "analysis/sensitivity/sobol_indices.hpp"
#include "analysis/sweep/append_file.hpp"
#include "analysis/sweep/resumable_folder.hpp"
#include "analysis/sweep/shard_merge.hpp"
#include "analysis/sweep/sweep_tables.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/output/stable_hash.hpp"

namespace hsim::analysis::sensitivity {
namespace {

using sweep::csv_header;
using sweep::csv_line;

output::TableSchema indices_schema() {
  return {"indices.csv",
          "Sensitivity indices per policy, metric and parameter, computed on point means over replicates.",
          {{"method", "morris or sobol."},
           {"policy", "Policy."},
           {"metric", "Metric name."},
           {"parameter", "Parameter key; for second-order indices the two keys joined by ':'."},
           {"index",
            "sobol: S1 (first order, Saltelli 2010), ST (total, Jansen 1999), S2 (second order); "
            "morris: mu, mu_star, sigma (of elementary effects per unit-cube step)."},
           {"estimate", "Point estimate."},
           {"ci_low", "Lower end of the 95% bootstrap percentile interval (NA without bootstrap)."},
           {"ci_high", "Upper end of the 95% bootstrap percentile interval (NA without bootstrap)."}}};
}

output::TableSchema variance_schema() {
  return {"variance.csv",
          "Share of each metric's variance that is replicate noise rather than parameter-driven.",
          {{"policy", "Policy."},
           {"metric", "Metric name."},
           {"replicates", "Replicates per design point."},
           {"noise_variance", "Mean over points of the variance between replicates (NA with one replicate)."},
           {"parameter_variance", "Variance over points of the point means."},
           {"noise_share", "noise_variance / (noise_variance + parameter_variance)."}}};
}

double parse_number(std::string_view text) {
  if (text == "NA") return NAN;
  if (text == "Inf") return INFINITY;
  if (text == "-Inf") return -INFINITY;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw std::runtime_error("aggregated.csv: cannot read the number '" + std::string(text) + "'");
  }
  return value;
}

// Point means and replicate standard deviations per (policy, metric), read back from aggregated.csv
// (which also holds the points an interrupted run finished before).
struct PointSummaries {
  std::vector<std::vector<double>> means;  // [policy * metrics + metric][point]
  std::vector<std::vector<double>> sds;
};

PointSummaries read_point_summaries(const std::filesystem::path& file, std::uint64_t points, std::size_t policies,
                                    std::size_t metrics) {
  PointSummaries summaries;
  summaries.means.assign(policies * metrics, std::vector<double>(points, NAN));
  summaries.sds.assign(policies * metrics, std::vector<double>(points, NAN));
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  std::uint64_t row = 0;
  while (std::getline(in, line)) {
    std::vector<std::string_view> fields;
    std::string_view rest(line);
    for (std::size_t comma; (comma = rest.find(',')) != std::string_view::npos;) {
      fields.push_back(rest.substr(0, comma));
      rest.remove_prefix(comma + 1);
    }
    fields.push_back(rest);
    if (fields.size() != 8) throw std::runtime_error("aggregated.csv: a row without 8 fields");
    const std::uint64_t point = row / (policies * metrics);
    const std::size_t series = static_cast<std::size_t>(row % (policies * metrics));
    if (point >= points) throw std::runtime_error("aggregated.csv: more rows than design points");
    summaries.means[series][point] = parse_number(fields[3]);
    summaries.sds[series][point] = parse_number(fields[4]);
    ++row;
  }
  if (row != points * policies * metrics) throw std::runtime_error("aggregated.csv: rows missing");
  return summaries;
}

std::string interval_text(const Estimate& estimate) {
  char text[96];
  if (std::isnan(estimate.low)) {
    std::snprintf(text, sizeof text, "%.3f", estimate.value);
  } else {
    std::snprintf(text, sizeof text, "%.3f [%.3f, %.3f]", estimate.value, estimate.low, estimate.high);
  }
  return text;
}

std::string noise_note(const NoiseDecomposition& noise) {
  if (noise.replicates < 2) return "replicate noise not measured (one replicate per point)";
  char text[200];
  std::snprintf(text, sizeof text,
                "replicate noise is %.1f%% of the variance (%.4g of %.4g); indices are on means over %zu "
                "replicates",
                100.0 * noise.noise_share, noise.noise_variance, noise.noise_variance + noise.parameter_variance,
                noise.replicates);
  return text;
}

void append_row(std::string& rows, const char* method, const std::string& policy, const std::string& metric,
                const std::string& parameter, const char* index, const Estimate& estimate) {
  rows += csv_line({std::string_view(method), std::string_view(policy), std::string_view(metric),
                    std::string_view(parameter), std::string_view(index), estimate.value, estimate.low, estimate.high});
}

}  // namespace

void check_spec_for_method(const sweep::SweepSpec& spec, Method method, scenario::Diagnostics& diagnostics) {
  if (method == Method::sobol && spec.parameters.size() > SaltelliDesign::max_parameters) {
    diagnostics.add_found_expected(spec.parameters_origin, "parameters",
                                   std::to_string(spec.parameters.size()) + " parameters",
                                   "at most " + std::to_string(SaltelliDesign::max_parameters) +
                                       " for Sobol' indices (the embedded direction numbers cover 32 "
                                       "dimensions); use --method morris to screen first");
  }
  if (method == Method::morris) {
    for (std::size_t i = 0; i < spec.parameters.size(); ++i) {
      if (!spec.parameters[i].is_list()) continue;
      diagnostics.add_found_expected(spec.parameter_origins[i], "parameters." + std::to_string(i), "a list of values",
                                     "a range for Morris elementary effects");
    }
  }
}

namespace {

// The method's design over the spec's parameters, and what it adds to the run's fingerprint.
struct MethodDesign {
  std::unique_ptr<SaltelliDesign> saltelli;
  std::unique_ptr<MorrisDesign> morris;
  const design::Design* design = nullptr;
  std::string variant;
};

MethodDesign make_method_design(const sweep::SweepSpec& spec, const SensitivityOptions& options) {
  MethodDesign made;
  const bool second_order = options.second_order || spec.sensitivity.second_order;
  made.variant = std::string("method ") + (options.method == Method::sobol ? "sobol" : "morris");
  if (options.method == Method::sobol) {
    made.saltelli = std::make_unique<SaltelliDesign>(
        spec.parameters, spec.sensitivity.samples, second_order,
        spec.sensitivity.shift ? std::optional<std::uint64_t>(spec.seed) : std::nullopt);
    made.design = made.saltelli.get();
    made.variant += second_order ? " second-order" : "";
  } else {
    made.morris = std::make_unique<MorrisDesign>(spec.parameters, spec.sensitivity.trajectories,
                                                 spec.sensitivity.levels, spec.seed);
    made.design = made.morris.get();
  }
  return made;
}

struct AnalysisTables {
  std::string indices;
  std::string variance;
  std::string console;
};

// Indices and the noise decomposition from a complete aggregated.csv of the method's design.
AnalysisTables analyse_design(const sweep::SweepSpec& spec, const sweep::PointEvaluator& evaluator,
                              const SensitivityOptions& options, const MethodDesign& made,
                              const std::filesystem::path& aggregated_file) {
  const std::size_t k = spec.parameters.size();
  const bool second_order = options.second_order || spec.sensitivity.second_order;
  const std::size_t bootstrap = options.bootstrap.value_or(spec.sensitivity.bootstrap);
  const char* method_name = options.method == Method::sobol ? "sobol" : "morris";
  const design::Design* design = made.design;
  const SaltelliDesign* saltelli = made.saltelli.get();
  const MorrisDesign* morris = made.morris.get();
  std::ostringstream console;
  std::vector<std::string> metrics = spec.metrics.empty() ? evaluator.metric_names() : spec.metrics;
  const std::size_t policies = spec.policies.size();
  const PointSummaries summaries = read_point_summaries(aggregated_file, design->size(), policies, metrics.size());

  std::string index_rows = csv_header(indices_schema());
  std::string variance_rows = csv_header(variance_schema());
  for (std::size_t p = 0; p < policies; ++p) {
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      const std::string& policy = spec.policies[p];
      const std::string& metric = metrics[m];
      const auto& means = summaries.means[p * metrics.size() + m];
      const NoiseDecomposition noise =
          decompose_noise(means, summaries.sds[p * metrics.size() + m], static_cast<std::size_t>(spec.replicates));
      variance_rows +=
          csv_line({std::string_view(policy), std::string_view(metric), static_cast<std::int64_t>(spec.replicates),
                    noise.noise_variance, noise.parameter_variance, noise.noise_share});

      std::vector<std::size_t> ranking(k);
      std::iota(ranking.begin(), ranking.end(), std::size_t{0});
      console << "\n"
              << method_name << ", policy " << policy << ", metric " << metric << " (" << design->size() << " points x "
              << spec.replicates << " replicates)\n  " << noise_note(noise) << "\n";
      std::size_t width = 9;
      for (const auto& parameter : spec.parameters) width = std::max(width, parameter.key.size());
      char line[512];
      if (options.method == Method::sobol) {
        const SobolIndices indices = estimate_sobol_indices(means, k, static_cast<std::size_t>(saltelli->base_rows()),
                                                            second_order, bootstrap, spec.seed);
        for (std::size_t i = 0; i < k; ++i) {
          append_row(index_rows, method_name, policy, metric, spec.parameters[i].key, "S1", indices.first_order[i]);
          append_row(index_rows, method_name, policy, metric, spec.parameters[i].key, "ST", indices.total[i]);
        }
        for (const auto& pair : indices.second_order) {
          append_row(index_rows, method_name, policy, metric,
                     spec.parameters[pair.first].key + ":" + spec.parameters[pair.second].key, "S2", pair.estimate);
        }
        std::stable_sort(ranking.begin(), ranking.end(),
                         [&](std::size_t a, std::size_t b) { return indices.total[a].value > indices.total[b].value; });
        std::snprintf(line, sizeof line, "  %-4s %-*s  %-28s %-28s\n", "rank", static_cast<int>(width), "parameter",
                      "ST total [95% CI]", "S1 first order [95% CI]");
        console << line;
        for (std::size_t r = 0; r < k; ++r) {
          const std::size_t i = ranking[r];
          std::snprintf(line, sizeof line, "  %-4zu %-*s  %-28s %-28s\n", r + 1, static_cast<int>(width),
                        spec.parameters[i].key.c_str(), interval_text(indices.total[i]).c_str(),
                        interval_text(indices.first_order[i]).c_str());
          console << line;
        }
      } else {
        const auto measures = estimate_morris_measures(*morris, means, k, bootstrap, spec.seed);
        for (std::size_t i = 0; i < k; ++i) {
          append_row(index_rows, method_name, policy, metric, spec.parameters[i].key, "mu", measures[i].mu);
          append_row(index_rows, method_name, policy, metric, spec.parameters[i].key, "mu_star", measures[i].mu_star);
          append_row(index_rows, method_name, policy, metric, spec.parameters[i].key, "sigma", measures[i].sigma);
        }
        std::stable_sort(ranking.begin(), ranking.end(), [&](std::size_t a, std::size_t b) {
          return measures[a].mu_star.value > measures[b].mu_star.value;
        });
        std::snprintf(line, sizeof line, "  %-4s %-*s  %-30s %-12s %-12s\n", "rank", static_cast<int>(width),
                      "parameter", "mu* [95% CI]", "mu", "sigma");
        console << line;
        for (std::size_t r = 0; r < k; ++r) {
          const std::size_t i = ranking[r];
          std::snprintf(line, sizeof line, "  %-4zu %-*s  %-30s %-12.4g %-12.4g\n", r + 1, static_cast<int>(width),
                        spec.parameters[i].key.c_str(), interval_text(measures[i].mu_star).c_str(),
                        measures[i].mu.value, measures[i].sigma.value);
          console << line;
        }
      }
    }
  }
  return AnalysisTables{std::move(index_rows), std::move(variance_rows), console.str()};
}

}  // namespace

void run_sensitivity(const sweep::SweepSpec& spec, const sweep::PointEvaluator& evaluator,
                     const SensitivityOptions& options, std::ostream& out) {
  const MethodDesign made = make_method_design(spec, options);
  if (!engine::distributed::is_root()) {
    sweep::serve_design(spec, evaluator, *made.design, options.run);
    return;
  }
  sweep::ResumableFolder folder(options.run.out,
                                sweep::run_fingerprint("sensitivity", spec, made.variant, options.run.shard),
                                options.run.overwrite);
  const auto summary = sweep::evaluate_design(spec, evaluator, *made.design, folder, options.run);
  if (options.run.shard) {
    const auto range = sweep::points_to_evaluate(*made.design, options.run);
    sweep::write_run_manifest(folder.file("manifest.json"), spec, options.run);
    sweep::write_shard_record_if_sharded(folder.file(sweep::shard_record_file_name), "sensitivity", made.variant, spec,
                                         *made.design, options.run);
    folder.commit({sweep::journal_file_name});
    out << "shard " << options.run.shard->index << "/" << options.run.shard->count << ": points " << range.first << "-"
        << range.end << " of " << made.design->size() << ", " << summary.evaluations << " model evaluations in "
        << sweep::format_duration(summary.seconds) << "; results in " << folder.target().string()
        << "\njoin the shards with `hsim merge`, then run `hsim sensitivity --from`\n";
    return;
  }
  AnalysisTables tables = analyse_design(spec, evaluator, options, made, folder.file("aggregated.csv"));
  std::ostringstream console;
  console << tables.console;
  console << "\n" << summary.evaluations << " model evaluations in " << sweep::format_duration(summary.seconds);
  if (summary.points_already_done > 0) console << " (" << summary.points_already_done << " points were already done)";
  console << "; results in " << folder.target().string() << "\n";

  sweep::write_file_synced(folder.file("indices.csv"), tables.indices);
  sweep::write_file_synced(folder.file("variance.csv"), tables.variance);
  sweep::write_run_manifest(folder.file("manifest.json"), spec, options.run);
  folder.commit({sweep::journal_file_name});
  out << console.str();
}

void analyse_merged_sensitivity(const sweep::SweepSpec& spec, const sweep::PointEvaluator& evaluator,
                                const SensitivityOptions& options, const std::filesystem::path& merged,
                                std::ostream& out) {
  const MethodDesign made = make_method_design(spec, options);
  const sweep::MergeRecord record = sweep::read_merge_record(merged / sweep::merge_record_file_name);
  const std::string expected = output::stable_hash(sweep::run_fingerprint("sensitivity", spec, made.variant));
  if (record.command != "sensitivity" || record.fingerprint != expected) {
    throw sweep::ShardMismatch(merged.string() + " holds the merged shards of `hsim " + record.command + "` (" +
                               record.variant + ") of " + record.spec_file + ", not of this specification with " +
                               made.variant + "; pass the spec and --method the shards were run with");
  }
  AnalysisTables tables = analyse_design(spec, evaluator, options, made, merged / "aggregated.csv");
  auto write_beside_merged = [&](const std::string& name, const std::string& text) {
    const auto partial = merged / (name + ".partial");
    sweep::write_file_synced(partial, text);
    std::filesystem::rename(partial, merged / name);
  };
  write_beside_merged("indices.csv", tables.indices);
  write_beside_merged("variance.csv", tables.variance);
  out << tables.console << "\nanalysed the " << record.shards << " merged shards in " << merged.string() << "\n";
}

}  // namespace hsim::analysis::sensitivity
