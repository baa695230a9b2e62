#include "sim/cli/command_sensitivity.hpp"

#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "analysis/sensitivity/sensitivity_runner.hpp"
#include "sim/cli/command_sweep.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/output/html_report.hpp"
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
};

int run_sensitivity_command(const SensitivityCommandOptions& options, const std::string& command_line) {
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
  run.out = options.out.empty() ? std::filesystem::path("runs") /
                                      (std::filesystem::path(options.spec_file).stem().string() + "-" + method_name)
                                : std::filesystem::path(options.out);
  run.threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  run.overwrite = options.overwrite;
  run.progress = analysis::sweep::progress_style_for_stderr(options.quiet);
  run.command_line = command_line;
  try {
    analysis::sensitivity::run_sensitivity(inputs->spec, *inputs->evaluator, sensitivity, std::cout);
    // The report goes into the finished folder, beside the tables it is drawn from.
    const auto partial = run.out / "report.html.partial";
    output::write_sensitivity_report(run.out, partial);
    std::filesystem::rename(partial, run.out / "report.html");
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
  command->add_option("spec", options->spec_file, "Sweep specification YAML (its sensitivity: section)")->required();
  const std::map<std::string, Method> methods{{"morris", Method::morris}, {"sobol", Method::sobol}};
  command->add_option("--method", options->method, "morris or sobol")
      ->required()
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
  return Command{command, [options, command_line] { return run_sensitivity_command(*options, command_line); }};
}

}  // namespace hsim::cli
