// End-to-end tests of the `hsim` command as a user runs it: exit codes, run folders, determinism
// across thread counts, and the generated reference files.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/output/html_report.hpp"
#include "sim/output/outputs_reference.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(HSIM_SOURCE_DIR) / "tests" / "cli" / "fixtures";

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path fresh_temp_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("hsim-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

// `environment` is a prefix of NAME=value assignments for the shell, e.g. "HSIM_X=1 ".
CommandResult run_hsim_with_environment(const std::string& environment, const std::string& arguments,
                                        const fs::path& scratch) {
  const fs::path out = scratch / "stdout.txt";
  const fs::path err = scratch / "stderr.txt";
  const std::string command =
      environment + std::string(HSIM_EXECUTABLE) + " " + arguments + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

CommandResult run_hsim(const std::string& arguments, const fs::path& scratch) {
  return run_hsim_with_environment("", arguments, scratch);
}

}  // namespace

TEST_CASE("hsim --version and --help answer and exit 0", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("help");
  auto version = run_hsim("--version", scratch);
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("hsim ") != std::string::npos);
  auto help = run_hsim("--help", scratch);
  CHECK(help.exit_code == 0);
  for (const char* command : {"run", "compare", "validate", "params", "outputs"}) {
    CHECK(help.out.find(command) != std::string::npos);
  }
  fs::remove_all(scratch);
}

TEST_CASE("a mistyped option or a bad scenario value exits with code 2 and writes nothing", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("bad");
  CHECK(run_hsim("run --no-such-option", scratch).exit_code == 2);
  auto bad = run_hsim("run " + (fixtures / "bad_city.yaml").string() + " --reps 2 --out " + (scratch / "run").string(),
                      scratch);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad_city.yaml:5") != std::string::npos);
  CHECK(bad.err.find("teams.housing_first.caseload_per_fte") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "run"));
  auto bad_set =
      run_hsim("run " + (fixtures / "mini_city.yaml").string() +
                   " --reps 2 --set teams.housing_first.caseload_per_fte=-3 --out " + (scratch / "run").string(),
               scratch);
  CHECK(bad_set.exit_code == 2);
  CHECK(bad_set.err.find("--set") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "run"));
  fs::remove_all(scratch);
}

TEST_CASE("hsim compare writes the documented run folder and never overwrites it silently", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("compare");
  const std::string arguments =
      "compare " + (fixtures / "mini_city.yaml").string() + " --reps 4 --seed 3 --wtp 0 --wtp 5000 --out ";
  auto first = run_hsim(arguments + (scratch / "run").string(), scratch);
  REQUIRE(first.exit_code == 0);
  for (const char* file : {"manifest.json", "summary.csv", "people.csv", "timeseries.csv", "costs.csv", "ceac.csv"}) {
    CHECK(fs::exists(scratch / "run" / file));
  }
  CHECK(first.out.find("housing_first-usual_services") != std::string::npos);
  const std::string summary = read_text(scratch / "run" / "summary.csv");
  CHECK(summary.rfind("metric,policy,mean,ci_low,ci_high,reps\n", 0) == 0);
  CHECK(summary.find("cost_per_extra_stable_day_nok,housing_first-usual_services,") != std::string::npos);

  auto again = run_hsim(arguments + (scratch / "run").string(), scratch);
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("--overwrite") != std::string::npos);
  CHECK(read_text(scratch / "run" / "summary.csv") == summary);
  fs::remove_all(scratch);
}

TEST_CASE("run folders are byte-identical at 1 and 2 threads", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("threads");
  // The same --out both times, so that the manifests' command lines can match too.
  const std::string arguments =
      "compare " + (fixtures / "mini_city.yaml").string() + " --reps 6 --seed 11 --out " + (scratch / "run").string();
  REQUIRE(run_hsim(arguments + " --threads 1", scratch).exit_code == 0);
  fs::rename(scratch / "run", scratch / "one");
  REQUIRE(run_hsim(arguments + " --threads=2", scratch).exit_code == 0);
  for (const char* file : {"summary.csv", "people.csv", "timeseries.csv", "costs.csv", "manifest.json"}) {
    INFO(file);
    CHECK(read_text(scratch / "one" / file) == read_text(scratch / "run" / file));
  }
  // Two threads inside each replicate, and two replicates side by side, each with two threads.
  for (const char* threads : {" --threads 1 --threads-per-replicate 2", " --threads 2 --threads-per-replicate=2"}) {
    INFO(threads);
    fs::remove_all(scratch / "run");
    REQUIRE(run_hsim(arguments + threads, scratch).exit_code == 0);
    for (const char* file : {"summary.csv", "people.csv", "timeseries.csv", "costs.csv", "manifest.json"}) {
      INFO(file);
      CHECK(read_text(scratch / "one" / file) == read_text(scratch / "run" / file));
    }
  }
  fs::remove_all(scratch);
}

TEST_CASE("a run that would not fit in memory is refused before it starts, with what to change", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("memory");
  const std::string run = "compare " + (fixtures / "mini_city.yaml").string() +
                          " --reps 8 --seed 1 --policies housing_first,staircase --out " + (scratch / "run").string();
  // mini_city simulates about 89 people a replicate (30 at the start, 20 a year over 819 days, 14
  // entrants): at 2,048 bytes a person, two arms need 0.36 MB, so 0.8 MB holds two replicates in flight
  // but not four.
  const std::string limit = "HSIM_MEMORY_LIMIT_BYTES=800000 ";
  const auto refused = run_hsim_with_environment(limit, run + " --threads 4", scratch);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("mini_city.yaml") != std::string::npos);
  CHECK(refused.err.find("simulated people a replicate") != std::string::npos);
  CHECK(refused.err.find("expected at most --threads") != std::string::npos);
  CHECK(!fs::exists(scratch / "run"));
  // Below one replicate's need, fewer threads cannot help: the message says what can.
  const auto too_small = run_hsim_with_environment("HSIM_MEMORY_LIMIT_BYTES=1000 ", run + " --threads 1", scratch);
  CHECK(too_small.exit_code == 2);
  CHECK(too_small.err.find("city.simulated_pool_share") != std::string::npos);
  // A limit that is not a number is refused, not ignored.
  const auto bad = run_hsim_with_environment("HSIM_MEMORY_LIMIT_BYTES=lots ", run, scratch);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("HSIM_MEMORY_LIMIT_BYTES") != std::string::npos);
  // Without a limit, the same run fits.
  CHECK(run_hsim(run + " --threads 4", scratch).exit_code == 0);
  fs::remove_all(scratch);
}

TEST_CASE("docs/outputs.md is what `hsim outputs` generates", "[unit][cli]") {
  const std::string committed = read_text(fs::path(HSIM_SOURCE_DIR) / "docs" / "outputs.md");
  CHECK(committed == hsim::output::outputs_reference_markdown());
}

TEST_CASE("hsim whatif adds to the baseline, pairs the arms and refuses what it cannot run", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("whatif");
  const std::string base = (fixtures / "mini_city.yaml").string();
  const std::string arguments =
      "whatif " + base + " --add teams.housing_first.fte_by_year=2 --reps 4 --seed 5 --policy housing_first --out " +
      (scratch / "run").string();
  auto result = run_hsim(arguments, scratch);
  REQUIRE(result.exit_code == 0);
  for (const char* file : {"summary.csv", "replicates.csv", "scenario.resolved.yaml", "variant.resolved.yaml"}) {
    CHECK(fs::exists(scratch / "run" / file));
  }
  CHECK(result.out.find("variant-baseline") != std::string::npos);
  // Every year of the team gets two more members in the variant, and only there.
  const std::string variant = read_text(scratch / "run" / "variant.resolved.yaml");
  CHECK(variant.find("--set teams.housing_first.fte_by_year.2014=5") != std::string::npos);  // 3 + 2
  CHECK(variant.find("--set teams.housing_first.fte_by_year.2015=5") != std::string::npos);
  CHECK(read_text(scratch / "run" / "scenario.resolved.yaml").find("--set") == std::string::npos);
  // Two staff-years a year over the two-year window at the fixture's price (the default NOK 760,000),
  // the same in every replicate.
  const std::string summary = read_text(scratch / "run" / "summary.csv");
  const auto row = summary.find("cost_programme_nok,variant-baseline,");
  REQUIRE(row != std::string::npos);
  const double extra = std::stod(summary.substr(row + std::string("cost_programme_nok,variant-baseline,").size()));
  CHECK(extra == Approx(2.0 * 730.0 / 365.25 * 760000.0));
  // The replicates table carries both arms for every replicate.
  const std::string replicates = read_text(scratch / "run" / "replicates.csv");
  CHECK(std::count(replicates.begin(), replicates.end(), '\n') == 1 + 2 * 4);
  CHECK(replicates.find("\n0,baseline,") != std::string::npos);
  CHECK(replicates.find("\n0,variant,") != std::string::npos);

  CHECK(run_hsim("whatif " + base + " --reps 2 --out " + (scratch / "none").string(), scratch).exit_code == 2);
  auto not_a_number =
      run_hsim("whatif " + base + " --add housing.municipal_vacancies_per_year=ten --out " + (scratch / "bad").string(),
               scratch);
  CHECK(not_a_number.exit_code == 2);
  CHECK(not_a_number.err.find("must be a number") != std::string::npos);
  auto unknown =
      run_hsim("whatif " + base + " --add housing.no_such_key=1 --out " + (scratch / "bad").string(), scratch);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("not a scenario key") != std::string::npos);
  auto fragment = run_hsim("whatif " + (fs::path(HSIM_SOURCE_DIR) / "scenarios" / "behaviour.yaml").string() +
                               " --add housing.municipal_vacancies_per_year=1 --out " + (scratch / "bad").string(),
                           scratch);
  CHECK(fragment.exit_code == 2);
  CHECK_FALSE(fs::exists(scratch / "bad"));
  fs::remove_all(scratch);
}

TEST_CASE("the command line refuses mistakes with a reason and exit code 2", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("conventions");
  const std::string city = (fixtures / "mini_city.yaml").string();
  const std::string out = " --out " + (scratch / "run").string();
  auto mistyped = run_hsim("run " + city + " --rep 2" + out, scratch);
  CHECK(mistyped.exit_code == 2);
  CHECK(mistyped.err.find("unknown option --rep (did you mean --reps?)") != std::string::npos);
  auto negative_seed = run_hsim("run " + city + " --reps 2 --seed -1" + out, scratch);
  CHECK(negative_seed.exit_code == 2);
  CHECK(negative_seed.err.find("--seed") != std::string::npos);
  CHECK(run_hsim("run " + city + " --reps 2 --seed 18446744073709551616" + out, scratch).exit_code == 2);
  auto twice = run_hsim("compare " + city + " --reps 2 --policies housing_first,housing_first" + out, scratch);
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("given twice") != std::string::npos);
  // A file's own policy replaced by --policies is said, not silent.
  auto replaced = run_hsim(
      "compare " + city + " --reps 2 --policies usual_services,staircase --out " + (scratch / "replaced").string(),
      scratch);
  CHECK(replaced.exit_code == 0);
  CHECK(replaced.err.find("note: mini_city sets policy.name housing_first") != std::string::npos);
  fs::remove_all(scratch / "replaced");
  auto not_a_price = run_hsim("compare " + city + " --reps 2 --wtp nan" + out, scratch);
  CHECK(not_a_price.exit_code == 2);
  CHECK(not_a_price.err.find("--wtp") != std::string::npos);
  auto fragment = run_hsim(
      "run " + (fs::path(HSIM_SOURCE_DIR) / "scenarios" / "behaviour.yaml").string() + " --reps 2" + out, scratch);
  CHECK(fragment.exit_code == 2);
  CHECK(fragment.err.find("fragment") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "run"));
  fs::remove_all(scratch);
}

TEST_CASE("SIGINT and SIGTERM stop a run, leave nothing behind and exit 130 or 143", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("signal");
  const std::string city = (fixtures / "mini_city.yaml").string();
  for (const auto& [signal, code] : {std::pair<std::string, int>{"INT", 130}, {"TERM", 143}}) {
    INFO("SIG" << signal);
    // --foreground: timeout then signals hsim once; without it, it also signals its whole process group,
    // and the second signal ends hsim at once, by design.
    const std::string command = "timeout --foreground --preserve-status -s " + signal + " 1 " +
                                std::string(HSIM_EXECUTABLE) + " compare " + city +
                                " --reps 1000000 --threads 2 --out " + (scratch / "run").string() + " >/dev/null 2>" +
                                (scratch / "err.txt").string();
    const int status = std::system(command.c_str());
    CHECK((WIFEXITED(status) ? WEXITSTATUS(status) : -1) == code);
    CHECK(read_text(scratch / "err.txt").find("stopped by a signal") != std::string::npos);
    fs::remove(scratch / "err.txt");
    CHECK(std::distance(fs::directory_iterator(scratch), fs::directory_iterator()) == 0);
  }
  fs::remove_all(scratch);
}

TEST_CASE("overwriting the working directory is refused and deletes nothing", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("dot");
  std::ofstream(scratch / "mine.txt") << "keep\n";
  const std::string command = "cd " + scratch.string() + " && " + std::string(HSIM_EXECUTABLE) + " compare " +
                              (fixtures / "mini_city.yaml").string() + " --reps 2 --out . --overwrite 2>err.txt";
  const int status = std::system(command.c_str());
  CHECK((WIFEXITED(status) ? WEXITSTATUS(status) : -1) == 2);
  CHECK(read_text(scratch / "mine.txt") == "keep\n");
  CHECK(read_text(scratch / "err.txt").find("never replaces") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("the manifest's command line pastes back into a shell and the folder has a data dictionary", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("quoted");
  const fs::path out = scratch / "with space's";
  auto first =
      run_hsim("run " + (fixtures / "mini_city.yaml").string() + " --reps 2 --out \"" + out.string() + "\"", scratch);
  REQUIRE(first.exit_code == 0);
  const std::string manifest = read_text(out / "manifest.json");
  CHECK(manifest.find("--out '" + (scratch / "with space'\\\\''s").string() + "'") != std::string::npos);
  const std::string dictionary = read_text(out / "dictionary.csv");
  CHECK(dictionary.rfind("file,column,meaning\n", 0) == 0);
  CHECK(dictionary.find("\ncosts.csv,payer,") != std::string::npos);
  CHECK(dictionary.find("\nreplicates.csv,in_ordinary_housing_share,") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("hsim goal reports the curve and whether the goal is met", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("goal");
  const std::string base = "goal " + (fixtures / "mini_city.yaml").string() +
                           " --lever teams.housing_first.caseload_per_fte --from 2 --to 8 --grid 3 --bisections 1 "
                           "--reps 3 --csv " +
                           (scratch / "curve.csv").string();
  // Every replicate has entrants, so "entrants >= 1" is met at the bottom of the range.
  auto met = run_hsim(base + " --target 'entrants>=1' --probability 1", scratch);
  CHECK(met.exit_code == 0);
  CHECK(met.out.find("smallest value meeting the goal: 2") != std::string::npos);
  CHECK(read_text(scratch / "curve.csv").rfind("lever,probability\n2,1\n", 0) == 0);
  auto never = run_hsim(base + " --target 'entrants<=-1'", scratch);
  CHECK(never.exit_code == 3);
  CHECK(never.out.find("not met anywhere") != std::string::npos);
  auto bad = run_hsim(base + " --target 'no_such_metric>=1'", scratch);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("not a metric") != std::string::npos);
  fs::remove_all(scratch);
}

// Memory follows the input, not its path: every located message and value shares one copy of the
// file's name. A [regression] test rather than [unit] because the sanitizer job (unit tests only)
// multiplies memory. The 90,000 keys are all unknown, so each is located and reported.
TEST_CASE("a 90,000-key file at a 3,000-character path is refused within 200 MB", "[regression][cli]") {
  const fs::path scratch = fresh_temp_folder("long-path");
  fs::path folder = scratch;
  while (folder.string().size() < 3000) folder /= std::string(200, 'd');
  fs::create_directories(folder);
  const fs::path file = folder / "many_keys.yaml";
  {
    std::ofstream out(file);
    out << "name: many\n";
    for (int key = 0; key < 90'000; ++key) out << "k" << key << ": 1\n";
  }
  REQUIRE(fs::file_size(file) < 1024 * 1024);
  REQUIRE(file.string().size() > 3000);

  const auto result = run_hsim("validate " + file.string(), scratch);
  rusage usage{};
  REQUIRE(::getrusage(RUSAGE_CHILDREN, &usage) == 0);
  const double peak_megabytes = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  INFO("peak memory " << peak_megabytes << " MB");
  CHECK(result.exit_code == 2);
  CHECK(peak_megabytes < 200.0);
  // Every problem is counted, but only the first ones are printed in full.
  CHECK(result.err.size() < 2'000'000);
  CHECK(result.err.find("more problems") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("the report's tenure curve follows a stay through moves straight into the next flat", "[unit][cli]") {
  const fs::path scratch = fresh_temp_folder("stay-curve");
  const fs::path run = scratch / "run";
  REQUIRE(run_hsim("compare " + (fixtures / "mini_city.yaml").string() + " --reps 2 --seed 3 --out " + run.string(),
                   scratch)
              .exit_code == 0);
  // Two cohort members under Housing First: one moves on from the first flat on day 100 and loses the
  // second on day 500; the other holds the first flat to the end of the run.
  std::ofstream people(run / "people.csv", std::ios::trunc);
  people << "replicate,policy,person,cohort,entry_route,referral_day,entry_day,age_years,female,spell_type,"
            "start_day,end_day,end_reason,unit,tenure,district,flat_number\n"
            "0,housing_first,1,1,street_or_friends,0,0,40,0,tenancy,10,100,moved_to_next_flat,5,municipal,0,1\n"
            "0,housing_first,1,1,street_or_friends,0,0,40,0,tenancy,100,500,eviction_notice,6,municipal,0,2\n"
            "0,housing_first,2,1,street_or_friends,0,0,40,0,tenancy,0,1000,ongoing,7,municipal,0,1\n";
  people.close();
  const auto data = nlohmann::json::parse(hsim::output::report_data_json(run));
  REQUIRE(data.contains("survival"));
  const auto& arm = data["survival"]["arms"][0];
  CHECK(arm["label"] == "housing_first");
  const auto months = arm["months"].get<std::vector<double>>();
  const auto survival = arm["survival"].get<std::vector<double>>();
  REQUIRE(months.size() > 20);
  // The stay of 490 days ended by a loss in month 17 (16.1 months in): one of two lost by month 17.
  CHECK(survival[12] == 1.0);
  CHECK(survival[17] == 0.5);
  fs::remove_all(scratch);
}
