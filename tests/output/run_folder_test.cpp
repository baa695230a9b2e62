#include "sim/output/run_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using hsim::output::OutputExistsError;
using hsim::output::RunFolder;

namespace {

fs::path fresh_temp_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("hsim-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a committed run folder appears whole with its files", "[unit][output]") {
  const fs::path root = fresh_temp_folder("commit");
  {
    RunFolder folder(root / "run", false);
    write_text(folder.file("summary.csv"), "x\n");
    CHECK_FALSE(fs::exists(root / "run"));
    folder.commit();
  }
  CHECK(read_text(root / "run" / "summary.csv") == "x\n");
  CHECK(std::distance(fs::directory_iterator(root), fs::directory_iterator()) == 1);
  fs::remove_all(root);
}

TEST_CASE("a failed run leaves neither a partial folder nor damage to earlier results", "[unit][output]") {
  const fs::path root = fresh_temp_folder("fail");
  fs::create_directories(root / "run");
  write_text(root / "run" / "summary.csv", "old\n");
  {
    RunFolder folder(root / "run", true);
    write_text(folder.file("summary.csv"), "new\n");
  }  // destroyed without commit, as when the run throws
  CHECK(read_text(root / "run" / "summary.csv") == "old\n");
  CHECK(std::distance(fs::directory_iterator(root), fs::directory_iterator()) == 1);
  fs::remove_all(root);
}

TEST_CASE("an existing folder is never overwritten without being asked", "[unit][output]") {
  const fs::path root = fresh_temp_folder("exists");
  fs::create_directories(root / "run");
  CHECK_THROWS_AS(RunFolder(root / "run", false), OutputExistsError);
  {
    RunFolder folder(root / "run", true);
    write_text(folder.file("summary.csv"), "replaced\n");
    folder.commit();
  }
  CHECK(read_text(root / "run" / "summary.csv") == "replaced\n");
  fs::remove_all(root);
}
