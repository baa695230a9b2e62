#include <catch2/catch.hpp>

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "tests/analysis/sweep_test_support.hpp"

namespace {

// Starts `hsim ARGS...` with stdout and stderr discarded; returns its process id.
pid_t start_hsim(const std::vector<std::string>& arguments) {
  std::vector<std::string> all{HSIM_EXECUTABLE};
  all.insert(all.end(), arguments.begin(), arguments.end());
  const pid_t child = ::fork();
  if (child == 0) {
    std::vector<char*> argv;
    for (auto& argument : all) argv.push_back(argument.data());
    argv.push_back(nullptr);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return child;
}

int wait_for(pid_t child) {
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

int run_hsim(const std::vector<std::string>& arguments) {
  return wait_for(start_hsim(arguments));
}

std::size_t line_count(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return 0;
  const std::string text = hsim::test::read_whole_file(path);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("hsim sweep killed with SIGKILL and rerun equals an uninterrupted run", "[slow][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_sigkill");
  const std::string spec = hsim::test::spec_path("sweep_slow.yaml").string();
  const auto whole = folder.path() / "whole";
  const auto resumed = folder.path() / "resumed";
  REQUIRE(run_hsim({"sweep", spec, "--out", whole.string(), "--threads", "2", "--quiet"}) == 0);

  const pid_t child = start_hsim({"sweep", spec, "--out", resumed.string(), "--threads", "2", "--quiet"});
  // Kill once about a quarter of the 400 points are journaled (the journal has a line per point
  // after its first line), or give up after 20 s.
  const auto journal = folder.path() / ".resumed.unfinished" / "journal.csv";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line_count(journal) < 100 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(child, SIGKILL);
  REQUIRE(wait_for(child) == -SIGKILL);
  const std::size_t journaled = line_count(journal);
  CHECK(journaled >= 100);
  CHECK(journaled < 401);
  CHECK_FALSE(std::filesystem::exists(resumed));

  REQUIRE(run_hsim({"sweep", spec, "--out", resumed.string(), "--threads", "1", "--quiet"}) == 0);
  for (const std::string name : {"points.csv", "results.csv", "aggregated.csv"}) {
    INFO(name);
    CHECK(hsim::test::read_whole_file(resumed / name) == hsim::test::read_whole_file(whole / name));
  }
}

TEST_CASE("hsim sweep and sensitivity exit with 2 on a bad spec or existing output", "[unit][sweep]") {
  hsim::test::TemporaryFolder folder("sweep_exit_codes");
  const std::string bad = hsim::test::spec_path("bad/unknown_key.yaml").string();
  CHECK(run_hsim({"sweep", bad, "--out", (folder.path() / "a").string()}) == 2);
  CHECK(run_hsim({"sensitivity", bad, "--method", "sobol", "--out", (folder.path() / "b").string()}) == 2);
  CHECK(run_hsim({"sensitivity", hsim::test::spec_path("ishigami_sobol.yaml").string(), "--method", "fast"}) == 2);
  CHECK_FALSE(std::filesystem::exists(folder.path() / "a"));
  const std::string good = hsim::test::spec_path("sweep_small.yaml").string();
  const std::string out = (folder.path() / "c").string();
  CHECK(run_hsim({"sweep", good, "--out", out, "--quiet"}) == 0);
  CHECK(run_hsim({"sweep", good, "--out", out, "--quiet"}) == 2);
  CHECK(run_hsim({"sweep", good, "--out", out, "--quiet", "--overwrite"}) == 0);
}
