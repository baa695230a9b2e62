#include "analysis/sweep/sweep_runner.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "sim/output/run_folder.hpp"
#include "tests/analysis/sweep_test_support.hpp"

using hsim::analysis::sweep::PointEvaluator;
using hsim::analysis::sweep::run_sweep;
using hsim::analysis::sweep::RunOptions;

namespace {

const std::vector<std::string> output_files{"points.csv", "results.csv", "aggregated.csv"};

RunOptions options_for(const std::filesystem::path& out, unsigned threads) {
  RunOptions options;
  options.out = out;
  options.threads = threads;
  return options;
}

// Passes evaluations through until a budget is spent, then fails as a crash would.
class FailingEvaluator : public PointEvaluator {
 public:
  FailingEvaluator(const PointEvaluator& inner, int budget) : inner_(inner), budget_(budget) {}
  std::vector<std::string> metric_names() const override { return inner_.metric_names(); }
  std::vector<double> evaluate(const std::vector<double>& values, std::uint64_t seed, std::uint64_t replicate,
                               const std::string& policy) const override {
    if (budget_.fetch_sub(1) <= 0) throw std::runtime_error("simulated crash");
    return inner_.evaluate(values, seed, replicate, policy);
  }

 private:
  const PointEvaluator& inner_;
  mutable std::atomic<int> budget_;
};

}  // namespace

TEST_CASE("Sweep files are byte-identical at one and two threads", "[regression][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_threads");
  const auto loaded = hsim::test::load_spec(hsim::test::spec_path("sweep_small.yaml"));
  run_sweep(loaded.spec, *loaded.evaluator, options_for(folder.path() / "one", 1));
  run_sweep(loaded.spec, *loaded.evaluator, options_for(folder.path() / "two", 2));
  for (const auto& name : output_files) {
    INFO(name);
    CHECK(hsim::test::read_whole_file(folder.path() / "one" / name) ==
          hsim::test::read_whole_file(folder.path() / "two" / name));
  }
  // 300 points x 4 replicates x 2 policies x 1 metric, and one aggregated row per point and policy.
  CHECK(hsim::test::read_csv_rows(folder.path() / "one" / "results.csv").size() == 300 * 4 * 2);
  CHECK(hsim::test::read_csv_rows(folder.path() / "one" / "aggregated.csv").size() == 300 * 2);
  CHECK(hsim::test::read_csv_rows(folder.path() / "one" / "points.csv").size() == 300);
  CHECK_FALSE(std::filesystem::exists(folder.path() / "one" / "journal.csv"));
  CHECK(std::filesystem::exists(folder.path() / "one" / "manifest.json"));
}

TEST_CASE("A failed sweep resumes where it stopped, dropping partial rows", "[regression][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_resume_partial");
  const auto loaded = hsim::test::load_spec(hsim::test::spec_path("sweep_small.yaml"));
  run_sweep(loaded.spec, *loaded.evaluator, options_for(folder.path() / "whole", 2));

  const auto out = folder.path() / "interrupted";
  const FailingEvaluator failing(*loaded.evaluator, 700);
  CHECK_THROWS(run_sweep(loaded.spec, failing, options_for(out, 2)));
  const auto work = folder.path() / ".interrupted.unfinished";
  REQUIRE(std::filesystem::exists(work / "journal.csv"));
  CHECK_FALSE(std::filesystem::exists(out));
  {
    // What a process killed in the middle of a write leaves behind.
    std::ofstream(work / "results.csv", std::ios::app) << "123,1,staircase,y,0.12";
    std::ofstream(work / "aggregated.csv", std::ios::app) << "123,staircase,y,";
    std::ofstream(work / "journal.csv", std::ios::app) << "12";
  }
  const auto summary = run_sweep(loaded.spec, *loaded.evaluator, options_for(out, 1));
  CHECK(summary.points_already_done > 0);
  CHECK(summary.points_already_done < 300);
  CHECK(summary.evaluations == (300 - summary.points_already_done) * 4 * 2);
  for (const auto& name : output_files) {
    INFO(name);
    CHECK(hsim::test::read_whole_file(out / name) == hsim::test::read_whole_file(folder.path() / "whole" / name));
  }
  CHECK_FALSE(std::filesystem::exists(work));
}

TEST_CASE("A sweep never overwrites results unless asked", "[unit][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_overwrite");
  const auto loaded = hsim::test::load_spec(hsim::test::spec_path("sweep_small.yaml"));
  auto options = options_for(folder.path() / "out", 1);
  run_sweep(loaded.spec, *loaded.evaluator, options);
  CHECK_THROWS_AS(run_sweep(loaded.spec, *loaded.evaluator, options), hsim::output::OutputExistsError);
  options.overwrite = true;
  CHECK_NOTHROW(run_sweep(loaded.spec, *loaded.evaluator, options));
}

TEST_CASE("An unfinished run of a different spec is not continued", "[unit][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_other_spec");
  auto loaded = hsim::test::load_spec(hsim::test::spec_path("sweep_small.yaml"));
  const FailingEvaluator failing(*loaded.evaluator, 50);
  CHECK_THROWS(run_sweep(loaded.spec, failing, options_for(folder.path() / "out", 1)));
  loaded.spec.text += "\n# edited\n";
  CHECK_THROWS_AS(run_sweep(loaded.spec, *loaded.evaluator, options_for(folder.path() / "out", 1)),
                  hsim::output::OutputExistsError);
}
