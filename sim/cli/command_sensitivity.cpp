#include "sim/cli/command_sensitivity.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "analysis/sensitivity/sensitivity_runner.hpp"
#include "analysis/sweep/shard_merge.hpp"
#include "sim/cli/command_sweep.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/engine/distributed_tasks.hpp"
#include "sim/output/folder_report.hpp"
#include "sim/output/run_folder.hpp"

namespace hsim::cli {
namespace {

using analysis::sensitivity::Method;

struct SensitivityCommandOptions {
  std::string spec_file;
  Method method = Method::sobol;
  std::string out;
  unsigned threads = 0;
  bool second_order = false;
  std::optional<std::size_t> bootstrap;
  bool quiet = false;
  bool overwrite = false;
  std::string shard;
  std::string from;
};

// `--from MERGED`: the spec and method default to those the merged shards record.
int analyse_merged(SensitivityCommandOptions options, bool method_given) {
  const std::filesystem::path merged(options.from);
  analysis::sweep::MergeRecord record;
  try {
    record = analysis::sweep::read_merge_record(merged / analysis::sweep::merge_record_file_name);
  } catch (const analysis::sweep::ShardMismatch& error) {
    std::cerr << "hsim sensitivity: error: " << error.what() << "\n";
    return exit_bad_input;
  }
  if (options.spec_file.empty()) options.spec_file = record.spec_file;
  if (!method_given)
    options.method = record.variant.find("morris") != std::string::npos ? Method::morris : Method::sobol;
  if (!method_given && record.variant.find("second-order") != std::string::npos) options.second_order = true;
  auto inputs = load_sweep_inputs(options.spec_file, "sensitivity");
  if (!inputs) return exit_bad_input;
  analysis::sensitivity::SensitivityOptions sensitivity;
  sensitivity.method = options.method;
  sensitivity.second_order = options.second_order;
  sensitivity.bootstrap = options.bootstrap;
  try {
    analysis::sensitivity::analyse_merged_sensitivity(inputs->spec, *inputs->evaluator, sensitivity, merged, std::cout);
    output::write_folder_report(merged);
  } catch (const analysis::sweep::ShardMismatch& error) {
    std::cerr << "hsim sensitivity: error: " << error.what() << "\n";
    return exit_bad_input;
  }
  return exit_ok;
}

int run_sensitivity_command(const SensitivityCommandOptions& options, const std::string& command_line,
                            bool method_given) {
  if (!options.from.empty()) {
    if (!options.shard.empty() || !options.out.empty()) {
      std::cerr << "hsim sensitivity: error: --from analyses a merged folder in place; it takes neither --shard nor "
                   "--out\n";
      return exit_bad_input;
    }
    return analyse_merged(options, method_given);
  }
  if (options.spec_file.empty() || !method_given) {
    std::cerr << "hsim sensitivity: error: give the spec and --method (or --from a merged folder)\n";
    return exit_bad_input;
  }
  auto inputs = load_sweep_inputs(options.spec_file, "sensitivity");
  if (!inputs) return exit_bad_input;
  scenario::Diagnostics diagnostics;
  analysis::sensitivity::check_spec_for_method(inputs->spec, options.method, diagnostics);
  if (!diagnostics.empty()) {
    std::cerr << diagnostics.to_string();
    return exit_bad_input;
  }
  const char* method_name = options.method == Method::sobol ? "sobol" : "morris";
  analysis::sensitivity::SensitivityOptions sensitivity;
  sensitivity.method = options.method;
  sensitivity.second_order = options.second_order;
  sensitivity.bootstrap = options.bootstrap;
  auto& run = sensitivity.run;
  if (!options.shard.empty()) run.shard = analysis::sweep::parse_shard(options.shard);
  std::string default_name = std::filesystem::path(options.spec_file).stem().string() + "-" + method_name;
  if (run.shard)
    default_name += "-shard-" + std::to_string(run.shard->index) + "-of-" + std::to_string(run.shard->count);
  run.out = options.out.empty() ? std::filesystem::path("runs") / default_name : std::filesystem::path(options.out);
  run.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  run.overwrite = options.overwrite;
  run.progress = analysis::sweep::progress_style_for_stderr(options.quiet);
  run.command_line = command_line;
  try {
    analysis::sensitivity::run_sensitivity(inputs->spec, *inputs->evaluator, sensitivity, std::cout);
    // The report needs every shard's points (hsim merge, then --from); MPI ranks other than 0 write nothing.
    if (run.shard || !engine::distributed::is_root()) return exit_ok;
    // The report goes into the finished folder, beside the tables it is drawn from.
    output::write_folder_report(run.out);
  } catch (const output::OutputExistsError& error) {
    std::cerr << "hsim sensitivity: error: " << error.what() << "\n";
    return exit_bad_input;
  }
  return exit_ok;
}

}  // namespace

Command add_sensitivity_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<SensitivityCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "sensitivity",
      "Global sensitivity analysis: Morris elementary effects or Sobol' indices with bootstrap intervals");
  command->add_option("spec", options->spec_file,
                      "Sweep specification YAML (its sensitivity: section); with --from, the one the shards record");
  const std::map<std::string, Method> methods{{"morris", Method::morris}, {"sobol", Method::sobol}};
  CLI::Option* method = command->add_option("--method", options->method, "morris or sobol")
                            ->transform(CLI::CheckedTransformer(methods, CLI::ignore_case));
  command->add_option("--out", options->out, "Output folder (default runs/SPEC-METHOD); rerun to resume a killed run");
  command->add_option("--threads", options->threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(1, 1024));
  command->add_flag("--second-order", options->second_order, "Also estimate second-order Sobol' indices");
  command
      ->add_option("--bootstrap", options->bootstrap, "Bootstrap resamples for the intervals (default from the spec)")
      ->check(CLI::Range(0, 100000));
  command->add_flag("--quiet", options->quiet, "No progress on stderr");
  command->add_flag("--overwrite", options->overwrite,
                    "Replace an existing output folder or a different unfinished run");
  command
      ->add_option("--shard", options->shard,
                   "Evaluate only block K of N of the design's points (a job-array task); join with hsim merge")
      ->check(shard_of_count());
  command->add_option("--from", options->from,
                      "Compute the indices of a folder `hsim merge` wrote from this analysis's shards, in place");
  return Command{command, [options, command_line, method] {
                   return run_sensitivity_command(*options, command_line, method->count() > 0);
                 }};
}

}  // namespace hsim::cli
