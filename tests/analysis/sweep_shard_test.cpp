// Job-array shards: every block of a design once, and `hsim merge` giving the files of one process.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include "analysis/sweep/shard.hpp"
#include "tests/analysis/sweep_test_support.hpp"

namespace fs = std::filesystem;
using hsim::analysis::sweep::parse_shard;
using hsim::analysis::sweep::Shard;
using hsim::analysis::sweep::shard_points;

namespace {

struct Outcome {
  int exit_code = -1;
  std::string err;
};

Outcome run_hsim(const std::string& arguments, const fs::path& scratch) {
  const fs::path err = scratch / "stderr.txt";
  const std::string command = std::string(HSIM_EXECUTABLE) + " " + arguments + " >/dev/null 2>" + err.string();
  const int status = std::system(command.c_str());
  return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, hsim::test::read_whole_file(err)};
}

void require_same_files(const fs::path& a, const fs::path& b, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    INFO(name);
    CHECK(hsim::test::read_whole_file(a / name) == hsim::test::read_whole_file(b / name));
  }
}

}  // namespace

TEST_CASE("a shard is read strictly as K/N", "[unit][sweep]") {
  CHECK(parse_shard("1/1").has_value());
  CHECK(parse_shard("3/8")->index == 3);
  CHECK(parse_shard("3/8")->count == 8);
  for (const char* bad : {"0/4", "5/4", "1/0", "-1/4", "1/", "/4", "4", "1/4/2", "a/4", "1 /4", "1/100001"}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad).has_value());
  }
}

TEST_CASE("shards cover every point once in blocks that differ by at most one point", "[unit][sweep]") {
  for (std::uint64_t points : {0ULL, 1ULL, 7ULL, 37ULL, 1000ULL, 99'999'999ULL}) {
    for (std::uint64_t count : {1ULL, 2ULL, 3ULL, 8ULL, 64ULL, 1000ULL}) {
      std::uint64_t next = 0;
      std::uint64_t smallest = points;
      std::uint64_t largest = 0;
      for (std::uint64_t k = 1; k <= count; ++k) {
        const auto range = shard_points(points, Shard{k, count});
        CHECK(range.first == next);
        next = range.end;
        smallest = std::min(smallest, range.end - range.first);
        largest = std::max(largest, range.end - range.first);
      }
      INFO(points << " points in " << count << " shards");
      CHECK(next == points);
      CHECK(largest - smallest <= 1);
    }
  }
}

TEST_CASE("three sweep shards merged give the files of one run; merge refuses shards that do not fit",
          "[unit][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_shards");
  const fs::path& scratch = folder.path();
  const std::string spec = hsim::test::spec_path("shard_small.yaml").string();
  REQUIRE(run_hsim("sweep " + spec + " --quiet --out " + (scratch / "whole").string(), scratch).exit_code == 0);
  std::string shards;
  for (int k : {2, 3, 1}) {  // any order
    const fs::path out = scratch / ("shard" + std::to_string(k));
    REQUIRE(run_hsim("sweep " + spec + " --quiet --shard " + std::to_string(k) + "/3 --threads 1 --out " + out.string(),
                     scratch)
                .exit_code == 0);
    shards += " " + out.string();
  }
  REQUIRE(run_hsim("merge" + shards + " --out " + (scratch / "merged").string(), scratch).exit_code == 0);
  require_same_files(scratch / "whole", scratch / "merged", {"points.csv", "results.csv", "aggregated.csv"});

  const auto missing = run_hsim("merge " + (scratch / "shard1").string() + " " + (scratch / "shard3").string() +
                                    " --out " + (scratch / "incomplete").string(),
                                scratch);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("1 of 3 shards missing: 2") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "incomplete"));

  const auto twice = run_hsim(
      "merge" + shards + " " + (scratch / "shard2").string() + " --out " + (scratch / "twice").string(), scratch);
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("shard 2 is given twice") != std::string::npos);

  // A shard of the same spec run with another seed belongs to another run.
  const fs::path other_spec = scratch / "other_seed.yaml";
  {
    std::string text = hsim::test::read_whole_file(spec);
    text.replace(text.find("seed: 77"), 8, "seed: 78");
    std::ofstream(other_spec) << text;
  }
  REQUIRE(
      run_hsim("sweep " + other_spec.string() + " --quiet --shard 2/3 --out " + (scratch / "other2").string(), scratch)
          .exit_code == 0);
  const auto mixed = run_hsim("merge " + (scratch / "shard1").string() + " " + (scratch / "other2").string() + " " +
                                  (scratch / "shard3").string() + " --out " + (scratch / "mixed").string(),
                              scratch);
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.err.find("the seed (77 against 78) differs") != std::string::npos);

  const auto not_a_shard =
      run_hsim("merge " + (scratch / "whole").string() + " --out " + (scratch / "nothing").string(), scratch);
  CHECK(not_a_shard.exit_code == 2);
  CHECK(not_a_shard.err.find("shard.json") != std::string::npos);

  CHECK(run_hsim("sweep " + spec + " --shard 4/3 --out " + (scratch / "bad").string(), scratch).exit_code == 2);
}

TEST_CASE("Sobol' indices from merged sensitivity shards equal those of one run", "[unit][sensitivity]") {
  hsim::test::TemporaryFolder folder("sensitivity_shards");
  const fs::path& scratch = folder.path();
  const std::string spec = hsim::test::spec_path("shard_small.yaml").string();
  REQUIRE(run_hsim("sensitivity " + spec + " --method sobol --quiet --out " + (scratch / "whole").string(), scratch)
              .exit_code == 0);
  std::string shards;
  for (int k : {1, 2}) {
    const fs::path out = scratch / ("shard" + std::to_string(k));
    REQUIRE(run_hsim("sensitivity " + spec + " --method sobol --quiet --shard " + std::to_string(k) + "/2 --out " +
                         out.string(),
                     scratch)
                .exit_code == 0);
    CHECK_FALSE(fs::exists(out / "indices.csv"));
    shards += " " + out.string();
  }
  const fs::path merged = scratch / "merged";
  REQUIRE(run_hsim("merge" + shards + " --out " + merged.string(), scratch).exit_code == 0);
  REQUIRE(run_hsim("sensitivity --from " + merged.string(), scratch).exit_code == 0);
  require_same_files(scratch / "whole", merged,
                     {"points.csv", "results.csv", "aggregated.csv", "indices.csv", "variance.csv"});
  CHECK(fs::exists(merged / "report.html"));

  // The merged points are Sobol' ones: read as Morris they are refused.
  const auto morris = run_hsim("sensitivity " + spec + " --method morris --from " + merged.string(), scratch);
  CHECK(morris.exit_code == 2);
  CHECK(morris.err.find("not of this specification") != std::string::npos);
}
