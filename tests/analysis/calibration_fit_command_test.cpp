#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "analysis/calibration/calibration_targets.hpp"
#include "analysis/calibration/exact_intervals.hpp"
#include "sim/output/csv_reader.hpp"

namespace {

using hsim::output::split_csv_line;

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// An empty folder of this process: two test runs on one machine must not share the table files.
std::filesystem::path fresh_folder(const std::string& prefix) {
  const auto folder = std::filesystem::temp_directory_path() / (prefix + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

// The rows of a fit table written by `hsim fit --csv`, each as column name -> field; every row has a field
// for every column of the header.
std::vector<std::map<std::string, std::string>> read_fit_rows(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  const auto header = split_csv_line(line);
  for (const char* name : {"city", "target", "observed", "ci95_low", "ci95_high", "ci99_low", "ci99_high", "sim_mean",
                           "sim_p05", "sim_p95", "residual", "in_test", "inside_95", "inside_99", "not_modelled"}) {
    REQUIRE(std::count(header.begin(), header.end(), name) == 1);
  }
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto fields = split_csv_line(line);
    REQUIRE(fields.size() == header.size());
    auto& row = rows.emplace_back();
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
  }
  return rows;
}

}  // namespace

// The fit of the committed scenarios: the table must be complete and well formed and the exit code
// must follow the rule (0 only when p >= 0.05, >= 90 % inside 95 % and none outside 99 %; else 3), with
// the degrees of freedom reduced by the targets file's fitted parameters. The committed scenarios must
// pass (docs/validation.md: p = 0.062 at this seed and size, 0.07 on seeds 2 and 3).
TEST_CASE("hsim fit on all cities writes a complete table and applies the exit rule", "[slow][calibration]") {
  const auto folder = fresh_folder("hsim_calibration_fit_command_");
  const auto csv = folder / "fit.csv";
  const std::string source = HSIM_SOURCE_DIR;
  const auto set = hsim::analysis::calibration::load_target_set(source + "/scenarios/calibration/targets.yaml");
  // Every city of the targets file, named on the command line: a city added to the file is in the test.
  std::string cities;
  for (const auto& name : set.city_names()) cities += " " + name;
  const int code = run(std::string(HSIM_EXECUTABLE) + " fit" + cities + " --targets " + source +
                       "/scenarios/calibration/targets.yaml --reps 200 --seed 1 --threads 2 --csv " + csv.string() +
                       " > " + (folder / "table.txt").string());
  REQUIRE((code == 0 || code == 3));
  CHECK(code == 0);

  std::size_t expected_rows = 0;
  for (const auto& city : set.cities) expected_rows += city.targets.size();

  std::size_t rows = 0, in_test = 0, checked = 0, inside_95 = 0, outside_99 = 0;
  double chi_square = 0.0;
  for (auto& fields : read_fit_rows(csv)) {
    ++rows;
    const bool modelled = fields["not_modelled"].empty();
    if (!modelled) {
      CHECK(fields["sim_mean"].empty());
      continue;
    }
    const double mean = std::stod(fields["sim_mean"]);
    const double low95 = std::stod(fields["ci95_low"]), high95 = std::stod(fields["ci95_high"]);
    const double low99 = std::stod(fields["ci99_low"]), high99 = std::stod(fields["ci99_high"]);
    CHECK(low99 <= low95);
    CHECK(low95 <= high95);
    CHECK(high95 <= high99);
    CHECK(std::stod(fields["sim_p05"]) <= mean + 1e-12);
    CHECK(mean <= std::stod(fields["sim_p95"]) + 1e-12);
    const bool inside95 = fields["inside_95"] == "1";
    const bool inside99 = fields["inside_99"] == "1";
    CHECK(inside95 == (low95 <= mean && mean <= high95));
    CHECK(inside99 == (low99 <= mean && mean <= high99));
    ++checked;
    inside_95 += inside95 ? 1 : 0;
    outside_99 += inside99 ? 0 : 1;
    if (fields["in_test"] == "1") {
      const double residual = std::stod(fields["residual"]);
      chi_square += residual * residual;
      ++in_test;
    }
  }
  CHECK(rows == expected_rows);
  CHECK(in_test >= 28);

  // Recompute the verdict from the table; the exit code must agree. The p-value comes from the
  // printed summary line, checked against the chi-square recomputed here.
  std::ifstream table(folder / "table.txt");
  std::stringstream text;
  text << table.rdbuf();
  const std::string printed = text.str();
  // The city split comes first and adds up to the total (each part printed to two decimals); each
  // city's "worth" (k² / ‖R‖²) gives back its ‖R‖², and with them the printed scale and effective
  // targets of the whole test.
  const auto split = printed.find("chi-square by city: ");
  REQUIRE(split != std::string::npos);
  const std::string split_line = printed.substr(split, printed.find('\n', split) - split);
  const std::regex part_pattern(R"(([a-z_]+) ([0-9.]+) \(([0-9]+) targets?, worth ([0-9.]+)\))");
  double parts_sum = 0.0, norm_sum = 0.0, targets_sum = 0.0;
  for (auto it = std::sregex_iterator(split_line.begin(), split_line.end(), part_pattern); it != std::sregex_iterator();
       ++it) {
    parts_sum += std::stod((*it)[2]);
    const double k = std::stod((*it)[3]);
    targets_sum += k;
    norm_sum += k * k / std::stod((*it)[4]);
  }
  CHECK(parts_sum == Approx(chi_square).margin(0.03));
  CHECK(targets_sum == static_cast<double>(in_test));
  std::smatch correlation;
  REQUIRE(
      std::regex_search(printed, correlation, std::regex(R"(chi-square / ([0-9.]+) on ([0-9.]+) effective targets)")));
  const double scale = std::stod(correlation[1]);
  const double effective = std::stod(correlation[2]);
  CHECK(scale == Approx(norm_sum / targets_sum).epsilon(0.02));
  CHECK(effective == Approx(targets_sum * targets_sum / norm_sum).epsilon(0.02));
  CHECK(scale > 1.0);  // the cities' targets overlap: the model makes them move together
  const auto at = printed.rfind("chi-square ");
  REQUIRE(at != std::string::npos);
  std::istringstream summary(printed.substr(at + 11));
  double printed_chi_square = 0.0;
  double df = 0;
  std::string on, df_word, p_word, equals;
  double p_value = 0.0;
  summary >> printed_chi_square >> on >> df >> df_word >> p_word >> equals >> p_value;
  CHECK(printed_chi_square == Approx(chi_square).epsilon(1e-3));
  CHECK(df == Approx(effective - set.fitted_parameters).margin(0.06));
  CHECK(p_value == Approx(hsim::analysis::calibration::chi_square_upper_tail(chi_square / scale, df)).epsilon(0.05));
  const bool passes =
      p_value >= 0.05 && static_cast<double>(inside_95) >= 0.9 * static_cast<double>(checked) && outside_99 == 0;
  CHECK(code == (passes ? 0 : 3));
  std::filesystem::remove_all(folder);
}

// Trials kept out of the calibration (scenarios/calibration/held_out.yaml), run with only their published
// inputs: both arms of At Home/Chez Soi's moderate-needs trial must land inside the range of its four sites,
// and Un chez-soi d'abord's share still housed after two years inside its 95 % interval. The simulated means
// have standard errors of about 0.002-0.003 at 100 replicates (sim 90 % bands of +-0.024 to +-0.036 per
// replicate), several standard errors inside each interval, so a miss is a change of the model.
TEST_CASE("the held-out trials land inside their published ranges", "[slow][calibration]") {
  const auto folder = fresh_folder("hsim_calibration_held_out_");
  const auto csv = folder / "held_out.csv";
  const int code = run(std::string(HSIM_EXECUTABLE) + " fit --targets " + HSIM_SOURCE_DIR +
                       "/scenarios/calibration/held_out.yaml --reps 100 --seed 1 --threads 2 --csv " + csv.string() +
                       " > " + (folder / "table.txt").string());
  CHECK(code == 0);
  std::map<std::string, double> mean;
  for (auto& fields : read_fit_rows(csv)) {
    const double simulated = std::stod(fields["sim_mean"]);
    CHECK(std::stod(fields["ci95_low"]) <= simulated);
    CHECK(simulated <= std::stod(fields["ci95_high"]));
    CHECK(fields["inside_95"] == "1");
    mean[fields["target"]] = simulated;
  }
  REQUIRE(mean.size() == 3);
  // The contrast, what a planner reads, lies within what the two ranges allow (24-54 points).
  const double contrast = mean["housing_first_days_stably_housed"] - mean["usual_services_days_stably_housed"];
  CHECK(contrast > 0.627 - 0.388);
  CHECK(contrast < 0.772 - 0.236);
  std::filesystem::remove_all(folder);
}

TEST_CASE("hsim fit and calibrate reject bad input with exit code 2", "[unit][calibration]") {
  const std::string hsim = HSIM_EXECUTABLE;
  const std::string targets = std::string(" --targets ") + HSIM_SOURCE_DIR + "/scenarios/calibration/targets.yaml";
  CHECK(run(hsim + " fit atlantis" + targets + " 2> /dev/null") == 2);
  CHECK(run(hsim + " fit bergen --fitted-parameters 40" + targets + " --reps 2 > /dev/null 2>&1") == 2);
  CHECK(run(hsim + " fit bergen --set behaviour.no_such_key=1" + targets + " --reps 2 > /dev/null 2>&1") == 2);
  CHECK(run(hsim + " calibrate bergen --parameters no.such.key:0:1" + targets + " > /dev/null 2>&1") == 2);
  CHECK(run(hsim + " calibrate bergen --leave-out bergen" + targets + " > /dev/null 2>&1") == 2);
}
