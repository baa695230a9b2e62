#include "sim/cli/command_goal.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "analysis/goal_seek.hpp"
#include "analysis/policy_experiment.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/model/metrics.hpp"
#include "sim/output/console_table.hpp"
#include "sim/output/curve_reports.hpp"
#include "sim/output/folder_report.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::cli {

namespace {

struct GoalOptions {
  std::string scenario_file;
  std::string lever;
  double from = 0.0;
  double to = 0.0;
  std::string target;
  double probability = 0.9;
  std::size_t replicates = 100;
  std::uint64_t seed = 1;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::size_t grid_points = 6;
  std::size_t bisections = 4;
  std::string csv;
  std::string report;
  std::string command_line;
};

struct Target {
  model::Metric metric = model::Metric::entrants;
  bool at_least = true;
  double threshold = 0.0;
};

std::optional<Target> parse_target(const std::string& text, std::string& problem) {
  const auto at = text.find_first_of("<>");
  if (at == std::string::npos || at + 1 >= text.size() || text[at + 1] != '=') {
    problem = "--target " + text + ": expected metric>=value or metric<=value, e.g. in_ordinary_housing_share>=0.8";
    return std::nullopt;
  }
  Target target;
  const std::string name = text.substr(0, at);
  const auto metric = model::metric_by_name(name);
  if (!metric) {
    problem = "--target " + text + ": " + name + " is not a metric (hsim outputs lists them)";
    return std::nullopt;
  }
  target.metric = *metric;
  target.at_least = text[at] == '>';
  try {
    std::size_t used = 0;
    const std::string value = text.substr(at + 2);
    target.threshold = std::stod(value, &used);
    if (used != value.size() || !std::isfinite(target.threshold)) throw std::invalid_argument("");
  } catch (const std::exception&) {
    problem = "--target " + text + ": the value after the comparison must be a number";
    return std::nullopt;
  }
  return target;
}

// Counts the replicates that meet the target.
class TargetCounter : public analysis::ReplicateObserver {
 public:
  explicit TargetCounter(Target target) : target_(target) {}
  void on_replicate(std::size_t, const std::vector<model::ReplicateResult>& results) override {
    const double value = results.front().summary[target_.metric];
    ++replicates_;
    if (!std::isnan(value) && (target_.at_least ? value >= target_.threshold : value <= target_.threshold)) ++met_;
  }
  [[nodiscard]] double share() const {
    return replicates_ == 0 ? 0.0 : static_cast<double>(met_) / static_cast<double>(replicates_);
  }

 private:
  Target target_;
  std::size_t replicates_ = 0;
  std::size_t met_ = 0;
};

int run_goal(const GoalOptions& options) {
  std::string problem;
  const auto target = parse_target(options.target, problem);
  if (!target) {
    std::cerr << "hsim goal: error: " << problem << '\n';
    return exit_bad_input;
  }
  for (const auto& [option, file] :
       {std::pair<std::string, std::string>{"--csv", options.csv}, {"--report", options.report}}) {
    const auto parent = std::filesystem::path(file).parent_path();
    if (!file.empty() && !parent.empty() && !std::filesystem::is_directory(parent)) {
      std::cerr << "hsim goal: error: " << option << " " << file << ": folder " << parent.string()
                << " does not exist\n";
      return exit_bad_input;
    }
  }
  if (!(options.to > options.from)) {
    std::cerr << "hsim goal: error: --to must be above --from\n";
    return exit_bad_input;
  }
  // Both ends must load, so that a bad key or value is reported before any run.
  for (double lever : {options.from, options.to}) {
    auto loaded = scenario::load_scenario(options.scenario_file, {options.lever + "=" + scenario::number_text(lever)});
    if (!loaded.ok()) {
      std::cerr << loaded.diagnostics.to_string();
      return exit_bad_input;
    }
  }
  const auto probability_at = [&](double lever) {
    const auto scenario =
        scenario::load_scenario_or_throw(options.scenario_file, {options.lever + "=" + scenario::number_text(lever)});
    analysis::ExperimentSettings settings;
    settings.policies = {scenario.parameters().policy.name};
    settings.seed = options.seed;
    settings.replicates = options.replicates;
    settings.threads = options.threads;
    settings.stop = interrupt_flag();
    TargetCounter counter(*target);
    analysis::run_policy_experiment(scenario.parameters(), settings, &counter);
    std::cerr << "  " << options.lever << " = " << scenario::number_text(lever) << ": target met in " << std::fixed
              << std::setprecision(1) << 100.0 * counter.share() << " % of replicates\n";
    return counter.share();
  };
  const auto result = analysis::seek_smallest_lever(probability_at, options.from, options.to, options.probability,
                                                    options.grid_points, options.bisections);
  std::cout << "Goal: " << options.target << " in at least " << 100.0 * options.probability << " % of "
            << options.replicates << " replicates (seed " << options.seed << "), lever " << options.lever << "\n";
  std::cout << "lever value  share of replicates meeting the target\n";
  for (const auto& point : result.curve) {
    std::cout << std::setw(11) << scenario::number_text(point.lever) << "  " << std::fixed << std::setprecision(1)
              << 100.0 * point.probability << " %\n";
  }
  if (result.smallest) {
    std::cout << "smallest value meeting the goal: " << scenario::number_text(*result.smallest) << "\n";
  } else {
    std::cout << "not met anywhere in " << scenario::number_text(options.from) << " to "
              << scenario::number_text(options.to) << "\n";
  }
  try {
    if (!options.csv.empty()) {
      output::write_replacing(options.csv, [&](const std::filesystem::path& partial) {
        std::ofstream out(partial);
        out << "lever,probability\n";
        for (const auto& point : result.curve)
          out << scenario::number_text(point.lever) << ',' << point.probability << '\n';
        out.flush();
        if (!out) throw std::runtime_error("could not write " + options.csv);
      });
    }
    if (!options.report.empty()) {
      output::GoalReport report;
      std::ostringstream title;
      title << options.target << " in at least " << scenario::number_text(100.0 * options.probability) << " % of "
            << options.replicates << " replicates";
      report.title = title.str();
      report.subtitle = options.command_line;
      report.lever = options.lever;
      report.replicates = options.replicates;
      report.required_probability = options.probability;
      report.smallest = result.smallest;
      for (const auto& point : result.curve) report.curve.push_back({point.lever, point.probability});
      output::write_replacing(
          options.report, [&](const std::filesystem::path& partial) { output::write_goal_report(report, partial); });
      std::cerr << "report: " << options.report << '\n';
    }
  } catch (const std::exception& error) {
    std::cerr << "hsim goal: error: " << error.what() << '\n';
    return exit_bad_input;
  }
  return result.smallest ? exit_ok : exit_rejected;
}

}  // namespace

Command add_goal_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<GoalOptions>();
  auto* command = app.add_subcommand(
      "goal", "Find the smallest value of one lever at which a target is met with a given probability over replicates");
  command->add_option("scenario", options->scenario_file, "City scenario")->required()->check(CLI::ExistingFile);
  command->add_option("--lever", options->lever, "Scenario key to vary, e.g. housing.municipal_vacancies_per_year")
      ->required();
  command->add_option("--from", options->from, "Lowest lever value")->required();
  command->add_option("--to", options->to, "Highest lever value")->required();
  command->add_option("--target", options->target, "metric>=value or metric<=value")->required();
  command->add_option("--probability", options->probability, "Share of replicates that must meet the target")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->add_option("--reps", options->replicates, "Replicates per lever value")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Random seed")
      ->capture_default_str()
      ->check(non_negative_whole_number());
  command->add_option("--threads", options->threads, "Worker threads (results do not depend on it)")
      ->check(CLI::Range(1, 1024));
  command->add_option("--grid", options->grid_points, "Grid points scanned before bisecting")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  command->add_option("--bisections", options->bisections, "Bisection steps after the first crossing")
      ->check(CLI::Range(0, 30))
      ->capture_default_str();
  command->add_option("--csv", options->csv, "Write the evaluated curve (lever, probability) to this file");
  command->add_option("--report", options->report,
                      "Write an HTML report of the curve (each value's share with its interval, and the answer)");
  options->command_line = command_line;
  return {command, [options] { return run_goal(*options); }};
}

}  // namespace hsim::cli
