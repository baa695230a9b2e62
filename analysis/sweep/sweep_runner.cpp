#include "analysis/sweep/sweep_runner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "analysis/confidence_interval.hpp"
#include "analysis/design/grid_design.hpp"
#include "analysis/design/latin_hypercube.hpp"
#include "analysis/design/sobol_sequence.hpp"
#include "analysis/running_statistics.hpp"
#include "analysis/sweep/append_file.hpp"
#include "analysis/sweep/sweep_tables.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/output/manifest.hpp"
#include "sim/output/stable_hash.hpp"

namespace hsim::analysis::sweep {

namespace fs = std::filesystem;

namespace {

// Data reaches the operating system after every point (enough to survive a killed process); it is
// forced to disk at most this often, and at the end.
constexpr auto sync_interval = std::chrono::seconds(1);

struct JournalEntry {
  std::uint64_t points_done = 0;
  std::uint64_t results_bytes = 0;
  std::uint64_t aggregated_bytes = 0;
};

std::string journal_line(const JournalEntry& entry) {
  return std::to_string(entry.points_done) + "," + std::to_string(entry.results_bytes) + "," +
         std::to_string(entry.aggregated_bytes) + "\n";
}

std::optional<std::uint64_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

std::uint64_t file_size_or_zero(const fs::path& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? 0 : size;
}

// The last journal entry whose recorded lengths the data files actually reach (a power cut may have
// lost data written after the last sync), and the journal length up to it.
std::pair<JournalEntry, std::uint64_t> last_usable_entry(const fs::path& journal, std::uint64_t results_size,
                                                         std::uint64_t aggregated_size) {
  std::ifstream in(journal, std::ios::binary);
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::optional<std::pair<JournalEntry, std::uint64_t>> best;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = contents.find('\n', start);
    if (end == std::string::npos) break;  // an unfinished last line is ignored
    const std::string line = contents.substr(start, end - start);
    start = end + 1;
    const std::size_t first = line.find(',');
    const std::size_t second = first == std::string::npos ? std::string::npos : line.find(',', first + 1);
    if (second == std::string::npos) continue;
    const auto points = parse_count(line.substr(0, first));
    const auto results = parse_count(line.substr(first + 1, second - first - 1));
    const auto aggregated = parse_count(line.substr(second + 1));
    if (!points || !results || !aggregated) continue;
    if (*results > results_size || *aggregated > aggregated_size) continue;
    if (best && *points < best->first.points_done) continue;
    best = std::make_pair(JournalEntry{*points, *results, *aggregated}, static_cast<std::uint64_t>(start));
  }
  if (!best)
    throw std::runtime_error("the journal of the unfinished run in " + journal.parent_path().string() +
                             " has no usable entry; pass --overwrite to start again");
  return *best;
}

std::vector<std::size_t> kept_metric_indices(const SweepSpec& spec, const PointEvaluator& evaluator) {
  const auto names = evaluator.metric_names();
  std::vector<std::size_t> kept;
  if (spec.metrics.empty()) {
    for (std::size_t i = 0; i < names.size(); ++i) kept.push_back(i);
    return kept;
  }
  for (const auto& metric : spec.metrics) {
    const auto at = std::find(names.begin(), names.end(), metric);
    if (at == names.end()) throw std::logic_error("sweep: metric " + metric + " not offered by the model");
    kept.push_back(static_cast<std::size_t>(at - names.begin()));
  }
  return kept;
}

void initialize_folder(const SweepSpec& spec, const design::Design& design, const PointRange& range,
                       ResumableFolder& folder) {
  std::vector<std::string> keys;
  for (const auto& parameter : spec.parameters) keys.push_back(parameter.key);
  {
    AppendFile points(folder.file("points.csv"), 0);
    std::string block = csv_header(points_schema(keys));
    for (std::uint64_t p = range.first; p < range.end; ++p) {
      std::vector<output::CsvCell> cells{static_cast<std::int64_t>(p)};
      for (double value : design.point(p)) cells.emplace_back(value);
      block += csv_line(cells);
      if (block.size() > (1U << 20)) {
        points.append(block);
        block.clear();
      }
    }
    points.append(block);
    points.sync();
  }
  const std::string results_header = csv_header(results_schema());
  const std::string aggregated_header = csv_header(aggregated_schema());
  write_file_synced(folder.file("results.csv"), results_header);
  write_file_synced(folder.file("aggregated.csv"), aggregated_header);
  write_file_synced(folder.file(journal_file_name),
                    journal_line(JournalEntry{range.first, results_header.size(), aggregated_header.size()}));
  folder.mark_initialized();
}

// One task per (point, replicate), numbered point * replicates + replicate: it runs every policy at
// that point and keeps the chosen metrics, policy after policy.
engine::distributed::RunTask make_point_task(const SweepSpec& spec, const PointEvaluator& evaluator,
                                             const design::Design& design) {
  return [&spec, &evaluator, &design, kept = kept_metric_indices(spec, evaluator)](std::uint64_t task) {
    const std::uint64_t point = task / spec.replicates;
    const std::uint64_t replicate = task % spec.replicates;
    const std::vector<double> values = design.point(point);
    std::vector<double> kept_values;
    kept_values.reserve(spec.policies.size() * kept.size());
    for (const auto& policy : spec.policies) {
      const std::vector<double> metrics = evaluator.evaluate(values, spec.seed, replicate, policy);
      for (std::size_t index : kept) kept_values.push_back(index < metrics.size() ? metrics[index] : NAN);
    }
    return kept_values;
  };
}

}  // namespace

void serve_design(const SweepSpec& spec, const PointEvaluator& evaluator, const design::Design& design,
                  const RunOptions& options) {
  engine::distributed::TaskOptions tasks;
  tasks.threads = std::max(1U, options.threads);
  engine::distributed::serve_tasks(tasks, make_point_task(spec, evaluator, design));
}

std::unique_ptr<design::Design> make_sweep_design(const SweepSpec& spec) {
  if (!spec.design) throw std::logic_error("sweep: the spec has no design");
  const DesignSpec& d = *spec.design;
  switch (d.type) {
    case DesignType::grid:
      return std::make_unique<design::GridDesign>(spec.parameters, d.levels);
    case DesignType::latin_hypercube:
      return std::make_unique<design::LatinHypercubeDesign>(spec.parameters, d.points, spec.seed);
    case DesignType::sobol_sequence:
      return std::make_unique<design::SobolDesign>(spec.parameters, d.points,
                                                   d.shift ? std::optional<std::uint64_t>(spec.seed) : std::nullopt);
  }
  throw std::logic_error("sweep: unknown design type");
}

std::string run_fingerprint(const std::string& command, const SweepSpec& spec, const std::string& extra) {
  return "hsim " + command + "\n" + extra + "\n" + spec.text;
}

std::string run_fingerprint(const std::string& command, const SweepSpec& spec, const std::string& extra,
                            const std::optional<Shard>& shard) {
  if (!shard) return run_fingerprint(command, spec, extra);
  return run_fingerprint(command, spec,
                         extra + "\nshard " + std::to_string(shard->index) + "/" + std::to_string(shard->count));
}

PointRange points_to_evaluate(const design::Design& design, const RunOptions& options) {
  return options.shard ? shard_points(design.size(), *options.shard) : PointRange{0, design.size()};
}

void write_shard_record_if_sharded(const fs::path& file, const std::string& command, const std::string& extra,
                                   const SweepSpec& spec, const design::Design& design, const RunOptions& options) {
  if (!options.shard) return;
  ShardRecord record;
  record.command = command;
  record.variant = extra;
  record.fingerprint = output::stable_hash(run_fingerprint(command, spec, extra));
  record.spec_file = fs::absolute(spec.file).lexically_normal().string();
  record.seed = spec.seed;
  record.points = design.size();
  record.shard = *options.shard;
  record.range = points_to_evaluate(design, options);
  write_shard_record(file, record);
}

EvaluationSummary evaluate_design(const SweepSpec& spec, const PointEvaluator& evaluator, const design::Design& design,
                                  ResumableFolder& folder, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const PointRange range = points_to_evaluate(design, options);
  if (!folder.resuming()) initialize_folder(spec, design, range, folder);

  const auto [entry, journal_bytes] =
      last_usable_entry(folder.file(journal_file_name), file_size_or_zero(folder.file("results.csv")),
                        file_size_or_zero(folder.file("aggregated.csv")));
  AppendFile results(folder.file("results.csv"), entry.results_bytes);
  AppendFile aggregated(folder.file("aggregated.csv"), entry.aggregated_bytes);
  AppendFile journal(folder.file(journal_file_name), journal_bytes);

  const std::vector<std::size_t> kept = kept_metric_indices(spec, evaluator);
  std::vector<std::string> metric_names;
  for (std::size_t index : kept) metric_names.push_back(evaluator.metric_names()[index]);
  const std::uint64_t replicates = spec.replicates;
  const std::size_t policies = spec.policies.size();
  const std::uint64_t first_point = entry.points_done;
  const std::uint64_t end_point = range.end;

  EvaluationSummary summary;
  summary.points = range.end - range.first;
  summary.points_already_done = first_point - range.first;

  std::ostream& progress_out = options.progress_out != nullptr ? *options.progress_out : std::cerr;
  ProgressReporter progress(progress_out, options.progress, "evaluations", summary.points * replicates * policies,
                            summary.points_already_done * replicates * policies);

  const engine::distributed::RunTask run_task = make_point_task(spec, evaluator, design);

  std::vector<std::vector<double>> point_values(replicates);
  auto last_sync = std::chrono::steady_clock::now();
  auto sink = [&](std::uint64_t task, std::vector<double> values) {
    const std::uint64_t point = task / replicates;
    const std::uint64_t replicate = task % replicates;
    point_values[replicate] = std::move(values);
    summary.evaluations += policies;
    if (replicate + 1 < replicates) return;

    std::string result_rows;
    for (std::uint64_t r = 0; r < replicates; ++r) {
      for (std::size_t p = 0; p < policies; ++p) {
        for (std::size_t m = 0; m < kept.size(); ++m) {
          result_rows += csv_line({static_cast<std::int64_t>(point), static_cast<std::int64_t>(r),
                                   std::string_view(spec.policies[p]), std::string_view(metric_names[m]),
                                   point_values[r][p * kept.size() + m]});
        }
      }
    }
    std::string aggregated_rows;
    for (std::size_t p = 0; p < policies; ++p) {
      for (std::size_t m = 0; m < kept.size(); ++m) {
        RunningStatistics statistics;
        for (std::uint64_t r = 0; r < replicates; ++r) statistics.add(point_values[r][p * kept.size() + m]);
        const Interval interval = mean_interval(statistics);
        const double sd = statistics.count() > 1 ? std::sqrt(statistics.variance()) : NAN;
        aggregated_rows += csv_line({static_cast<std::int64_t>(point), std::string_view(spec.policies[p]),
                                     std::string_view(metric_names[m]), interval.mean, sd, interval.low, interval.high,
                                     static_cast<std::int64_t>(statistics.count())});
      }
    }
    results.append(result_rows);
    aggregated.append(aggregated_rows);
    const auto now = std::chrono::steady_clock::now();
    const bool last = point + 1 == end_point;
    if (last || now - last_sync >= sync_interval) {
      results.sync();
      aggregated.sync();
    }
    journal.append(journal_line(JournalEntry{point + 1, results.size(), aggregated.size()}));
    if (last || now - last_sync >= sync_interval) {
      journal.sync();
      last_sync = now;
    }
    progress.update((point + 1 - range.first) * replicates * policies);
  };

  engine::distributed::TaskOptions tasks;
  tasks.threads = std::max(1U, options.threads);
  engine::distributed::run_tasks(first_point * replicates, end_point * replicates, tasks, run_task, sink);
  results.sync();
  aggregated.sync();
  journal.sync();
  progress.finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

void write_run_manifest(const fs::path& file, const SweepSpec& spec, const RunOptions& options) {
  output::Manifest manifest;
  manifest.command_line = options.command_line;
  manifest.scenario_files.push_back(spec.file.string());
  if (!spec.base_scenario.empty()) manifest.scenario_files.push_back(spec.base_scenario);
  manifest.resolved_scenario_yaml = spec.text;
  manifest.policies = spec.policies;
  manifest.seed = spec.seed;
  manifest.replicates = spec.replicates;
  output::write_manifest(file, manifest);
}

EvaluationSummary run_sweep(const SweepSpec& spec, const PointEvaluator& evaluator, const RunOptions& options) {
  const auto design = make_sweep_design(spec);
  if (!engine::distributed::is_root()) {
    serve_design(spec, evaluator, *design, options);
    return {};
  }
  ResumableFolder folder(options.out, run_fingerprint("sweep", spec, "", options.shard), options.overwrite);
  const EvaluationSummary summary = evaluate_design(spec, evaluator, *design, folder, options);
  write_run_manifest(folder.file("manifest.json"), spec, options);
  write_shard_record_if_sharded(folder.file(shard_record_file_name), "sweep", "", spec, *design, options);
  folder.commit({journal_file_name});
  return summary;
}

}  // namespace hsim::analysis::sweep
