#include "sim/cli/command_sweep.hpp"

#include <filesystem>
#include <iostream>
#include <thread>

#include "analysis/sweep/city_evaluator.hpp"
#include "analysis/sweep/evaluator_registry.hpp"
#include "analysis/sweep/sweep_runner.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/output/folder_report.hpp"
#include "sim/output/run_folder.hpp"

namespace hsim::cli {
namespace {

struct SweepCommandOptions {
  std::string spec_file;
  std::string out;
  unsigned threads = 0;
  bool quiet = false;
  bool overwrite = false;
  std::string shard;
};

int run_sweep_command(const SweepCommandOptions& options, const std::string& command_line) {
  auto inputs = load_sweep_inputs(options.spec_file, "sweep");
  if (!inputs) return exit_bad_input;
  if (!inputs->spec.design) {
    std::cerr << scenario::format(scenario::Diagnostic{
                     inputs->spec.root_origin, "design",
                     "found nothing, expected a design (type: grid, latin_hypercube or sobol_sequence)"})
              << "\n";
    return exit_bad_input;
  }
  analysis::sweep::RunOptions run;
  run.out = options.out.empty()
                ? std::filesystem::path("runs") / (std::filesystem::path(options.spec_file).stem().string() + "-sweep")
                : std::filesystem::path(options.out);
  run.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  run.overwrite = options.overwrite;
  run.progress = analysis::sweep::progress_style_for_stderr(options.quiet);
  run.command_line = command_line;
  if (!options.shard.empty()) run.shard = analysis::sweep::parse_shard(options.shard);
  try {
    const auto summary = analysis::sweep::run_sweep(inputs->spec, *inputs->evaluator, run);
    // A shard's report would show a block of the design; hsim merge writes the whole run's.
    if (!run.shard && engine::distributed::is_root()) output::write_folder_report(run.out);
    if (!options.quiet) {
      std::cerr << "hsim sweep: " << summary.points << " points";
      if (run.shard) std::cerr << " of shard " << run.shard->index << "/" << run.shard->count;
      if (summary.points_already_done > 0) std::cerr << " (" << summary.points_already_done << " resumed)";
      std::cerr << ", " << summary.evaluations << " evaluations in "
                << analysis::sweep::format_duration(summary.seconds) << "; results in " << run.out.string() << "\n";
    }
  } catch (const output::OutputExistsError& error) {
    std::cerr << "hsim sweep: error: " << error.what() << "\n";
    return exit_bad_input;
  }
  return exit_ok;
}

// The models `model:` may name: the analytic test functions and the city (analysis/sweep/city_evaluator.hpp).
analysis::sweep::EvaluatorRegistry sweep_models() {
  return analysis::sweep::evaluator_registry_with_city();
}

}  // namespace

std::optional<SweepInputs> load_sweep_inputs(const std::string& spec_file, const char* command) {
  scenario::Diagnostics diagnostics;
  auto spec = analysis::sweep::read_sweep_spec(spec_file, diagnostics);
  std::unique_ptr<analysis::sweep::PointEvaluator> evaluator;
  if (spec) evaluator = sweep_models().make(*spec, diagnostics);
  if (!spec || !evaluator || !diagnostics.empty()) {
    std::cerr << diagnostics.to_string();
    std::cerr << "hsim " << command << ": " << diagnostics.size() << (diagnostics.size() == 1 ? " error" : " errors")
              << " in " << spec_file << "\n";
    return std::nullopt;
  }
  return SweepInputs{std::move(*spec), std::move(evaluator)};
}

Command add_sweep_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<SweepCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "sweep", "Run a model over a design of parameter points (grid, Latin hypercube or Sobol' sequence); resumable");
  command->add_option("spec", options->spec_file, "Sweep specification YAML")->required();
  command->add_option("--out", options->out, "Output folder (default runs/SPEC-sweep); rerun to resume a killed run");
  command->add_option("--threads", options->threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 1024));
  command->add_flag("--quiet", options->quiet, "No progress on stderr");
  command->add_flag("--overwrite", options->overwrite,
                    "Replace an existing output folder or a different unfinished run");
  command
      ->add_option("--shard", options->shard,
                   "Evaluate only block K of N of the design's points (a job-array task); join with hsim merge")
      ->check(shard_of_count());
  return Command{command, [options, command_line] { return run_sweep_command(*options, command_line); }};
}

}  // namespace hsim::cli
