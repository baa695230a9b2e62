#include "sim/output/curve_reports.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/output/folder_report.hpp"

using hsim::output::wilson_interval;

TEST_CASE("the Wilson interval matches hand values and stays inside 0-1", "[unit]") {
  // (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = 1.959964
  const auto [low, high] = wilson_interval(0.5, 10);
  CHECK(low == Approx(0.236593).epsilon(1e-5));
  CHECK(high == Approx(0.763407).epsilon(1e-5));
  const auto [none_low, none_high] = wilson_interval(0.0, 20);
  CHECK(none_low == 0.0);
  CHECK(none_high == Approx(0.161125).epsilon(1e-5));
  const auto [all_low, all_high] = wilson_interval(1.0, 20);
  CHECK(all_low == Approx(1.0 - 0.161125).epsilon(1e-5));
  CHECK(all_high == 1.0);
}

namespace {

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a sweep folder's report has one chart per metric and parameter with every point", "[unit]") {
  const auto folder = std::filesystem::temp_directory_path() / "hsim-sweep-report-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "manifest.json") << R"({"replicates": 3, "seed": 5, "command_line": "hsim sweep s.yaml"})";
  std::ofstream(folder / "points.csv") << "point,alpha,beta\n0,1.5,10\n1,2.5,20\n";
  std::ofstream(folder / "aggregated.csv")
      << "point,policy,metric,mean,sd,ci_low,ci_high,reps\n"
         "0,housing_first,y,0.25,0.1,0.2,0.3,3\n1,housing_first,y,0.75,0.1,0.7,0.8,3\n";
  const auto report = hsim::output::write_folder_report(folder);
  const std::string page = read_all(report);
  CHECK(page.find("y against alpha") != std::string::npos);
  CHECK(page.find("y against beta") != std::string::npos);
  // Point 1 at beta = 20 with its interval.
  CHECK(page.find(R"({"high":0.8,"low":0.7,"x":20.0,"y":0.75})") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(folder / "report.html.partial"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("a report that fails leaves no partial file and the old report whole", "[unit]") {
  const auto folder = std::filesystem::temp_directory_path() / "hsim-sweep-report-failure-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "manifest.json") << "{}";
  std::ofstream(folder / "points.csv") << "point,alpha\n0,1\n";
  std::ofstream(folder / "aggregated.csv") << "point,policy\n";  // no metric column
  std::ofstream(folder / "report.html") << "old";
  CHECK_THROWS(hsim::output::write_folder_report(folder));
  CHECK(read_all(folder / "report.html") == "old");
  CHECK_FALSE(std::filesystem::exists(folder / "report.html.partial"));
  std::filesystem::remove_all(folder);
}
