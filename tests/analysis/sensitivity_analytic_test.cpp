#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/sensitivity/sensitivity_runner.hpp"
#include "analysis/sweep/analytic_models.hpp"
#include "tests/analysis/sweep_test_support.hpp"

using hsim::analysis::sensitivity::Method;
using hsim::analysis::sensitivity::run_sensitivity;
using hsim::analysis::sensitivity::SensitivityOptions;
using hsim::analysis::sweep::GFunctionModel;
using hsim::analysis::sweep::IshigamiModel;

namespace {

struct IndexRow {
  double estimate = 0.0;
  double low = 0.0;
  double high = 0.0;
};

// indices.csv as (parameter, index) -> row, for one policy and metric.
std::map<std::pair<std::string, std::string>, IndexRow> run_and_read(const std::string& spec_name, Method method,
                                                                     const hsim::test::TemporaryFolder& folder,
                                                                     bool second_order = false) {
  auto loaded = hsim::test::load_spec(hsim::test::spec_path(spec_name));
  SensitivityOptions options;
  options.method = method;
  options.run.out = folder.path() / "out";
  options.run.threads = 2;
  options.second_order = second_order;
  std::ostringstream console;
  run_sensitivity(loaded.spec, *loaded.evaluator, options, console);
  std::map<std::pair<std::string, std::string>, IndexRow> rows;
  for (const auto& row : hsim::test::read_csv_rows(folder.path() / "out" / "indices.csv")) {
    rows[{row.at("parameter"), row.at("index")}] = {std::stod(row.at("estimate")), std::stod(row.at("ci_low")),
                                                    std::stod(row.at("ci_high"))};
  }
  return rows;
}

void check_contains(const IndexRow& row, double truth, double max_half_width, const std::string& label) {
  INFO(label << ": estimate " << row.estimate << " [" << row.low << ", " << row.high << "], exact " << truth);
  CHECK(row.low <= row.estimate);
  CHECK(row.estimate <= row.high);
  CHECK(row.low <= truth);
  CHECK(truth <= row.high);
  CHECK((row.high - row.low) / 2.0 < max_half_width);
}

}  // namespace

TEST_CASE("Sobol indices of the Ishigami function contain the exact values", "[statistical][sensitivity]") {
  hsim::test::TemporaryFolder folder("sensitivity_ishigami");
  const auto rows = run_and_read("ishigami_sobol.yaml", Method::sobol, folder);
  const auto first = IshigamiModel::first_order(7.0, 0.1);
  const auto total = IshigamiModel::total(7.0, 0.1);
  // The exact values the literature quotes, as a check on the formulas themselves.
  CHECK(first[0] == Approx(0.3139).margin(5e-4));
  CHECK(first[1] == Approx(0.4424).margin(5e-4));
  CHECK(total[2] == Approx(0.2437).margin(5e-4));
  for (int i = 0; i < 3; ++i) {
    const std::string key = "x" + std::to_string(i + 1);
    check_contains(rows.at({key, "S1"}), first[static_cast<std::size_t>(i)], 0.1, key + " S1");
    check_contains(rows.at({key, "ST"}), total[static_cast<std::size_t>(i)], 0.1, key + " ST");
  }
}

TEST_CASE("Sobol indices of the g-function match the analytic values and ranking", "[statistical][sensitivity]") {
  hsim::test::TemporaryFolder folder("sensitivity_g_function");
  const auto rows = run_and_read("g_function_sobol.yaml", Method::sobol, folder);
  const std::vector<double> a{0, 1, 4.5, 9, 99, 99};
  const auto first = GFunctionModel::first_order(a);
  const auto total = GFunctionModel::total(a);
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string key = "x" + std::to_string(i + 1);
    check_contains(rows.at({key, "S1"}), first[i], 0.1, key + " S1");
    check_contains(rows.at({key, "ST"}), total[i], 0.1, key + " ST");
  }
  // Ranking by estimated total effect follows a_i: x1 > x2 > x3 > x4 > {x5, x6}.
  for (std::size_t i = 0; i + 1 < 4; ++i) {
    const std::string key = "x" + std::to_string(i + 1);
    const std::string next = "x" + std::to_string(i + 2);
    CHECK(rows.at({key, "ST"}).estimate > rows.at({next, "ST"}).estimate);
    CHECK(rows.at({key, "S1"}).estimate > rows.at({next, "S1"}).estimate);
  }
  CHECK(rows.at({"x4", "ST"}).estimate > rows.at({"x5", "ST"}).estimate);
  CHECK(rows.at({"x4", "ST"}).estimate > rows.at({"x6", "ST"}).estimate);
}

TEST_CASE("Morris screening ranks the Morris function's important factors first", "[statistical][sensitivity]") {
  hsim::test::TemporaryFolder folder("sensitivity_morris");
  const auto rows = run_and_read("morris_screening.yaml", Method::morris, folder);
  std::vector<std::pair<double, int>> ranked;
  for (int i = 1; i <= 20; ++i) ranked.push_back({rows.at({"x" + std::to_string(i), "mu_star"}).estimate, i});
  std::sort(ranked.rbegin(), ranked.rend());
  for (std::size_t r = 0; r < 10; ++r) {
    INFO("rank " << r + 1 << " is x" << ranked[r].second << " with mu* " << ranked[r].first);
    CHECK(ranked[r].second <= 10);
  }
  // Factors 1-7 have interactions or curvature besides their linear effect: larger sigma than 8-10.
  for (int i = 1; i <= 7; ++i) {
    for (int j = 8; j <= 10; ++j) {
      CHECK(rows.at({"x" + std::to_string(i), "sigma"}).estimate >
            rows.at({"x" + std::to_string(j), "sigma"}).estimate);
    }
  }
}

TEST_CASE("Replicate noise is separated from parameter-driven variance", "[statistical][sensitivity]") {
  hsim::test::TemporaryFolder folder("sensitivity_noise");
  const auto rows = run_and_read("ishigami_noisy.yaml", Method::sobol, folder);
  const auto variance = hsim::test::read_csv_rows(folder.path() / "out" / "variance.csv");
  REQUIRE(variance.size() == 1);
  const double noise = std::stod(variance[0].at("noise_variance"));
  const double parameter = std::stod(variance[0].at("parameter_variance"));
  const double share = std::stod(variance[0].at("noise_share"));
  // Noise sd 2: the within-point variance estimates 4 from 100 replicates, with relative standard
  // error sqrt(2 / 99); k = 4.
  const double noise_sd_of_estimate = 4.0 * std::sqrt(2.0 / 99.0);
  CHECK(std::abs(noise - 4.0) < 4.0 * noise_sd_of_estimate);
  // The noise is common to all points of a replicate, so the point means keep the function's
  // variance, a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.84 (sampled at 512 base rows; 5% margin).
  const double pi4 = std::pow(3.141592653589793, 4);
  const double exact_variance = 49.0 / 8.0 + 0.1 * pi4 / 5.0 + 0.01 * pi4 * pi4 / 18.0 + 0.5;
  CHECK(parameter == Approx(exact_variance).epsilon(0.05));
  CHECK(share == Approx(noise / (noise + parameter)));
  // Indices computed on point means still find the exact values.
  const auto first = IshigamiModel::first_order(7.0, 0.1);
  const auto total = IshigamiModel::total(7.0, 0.1);
  for (int i = 0; i < 3; ++i) {
    const std::string key = "x" + std::to_string(i + 1);
    check_contains(rows.at({key, "S1"}), first[static_cast<std::size_t>(i)], 0.2, key + " S1");
    check_contains(rows.at({key, "ST"}), total[static_cast<std::size_t>(i)], 0.2, key + " ST");
  }
}

TEST_CASE("Second-order Sobol indices of the Ishigami function find the x1-x3 interaction",
          "[statistical][sensitivity]") {
  hsim::test::TemporaryFolder folder("sensitivity_second_order");
  const auto rows = run_and_read("ishigami_sobol.yaml", Method::sobol, folder, true);
  // The only interaction is b x3^4 sin x1: S13 = ST3 (x3 has no first-order effect), S12 = S23 = 0.
  const auto total = IshigamiModel::total(7.0, 0.1);
  check_contains(rows.at({"x1:x3", "S2"}), total[2], 0.15, "S13");
  check_contains(rows.at({"x1:x2", "S2"}), 0.0, 0.15, "S12");
  check_contains(rows.at({"x2:x3", "S2"}), 0.0, 0.15, "S23");
  // First-order and total indices from the larger design still hold.
  check_contains(rows.at({"x1", "S1"}), IshigamiModel::first_order(7.0, 0.1)[0], 0.1, "x1 S1");
  check_contains(rows.at({"x3", "ST"}), total[2], 0.1, "x3 ST");
}
