#include "sim/output/run_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/output/replaceable_folder.hpp"

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
  write_text(root / "run" / "manifest.json", "{}\n");
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
  write_text(root / "run" / "manifest.json", "{}\n");
  CHECK_THROWS_AS(RunFolder(root / "run", false), OutputExistsError);
  {
    RunFolder folder(root / "run", true);
    write_text(folder.file("summary.csv"), "replaced\n");
    folder.commit();
  }
  CHECK(read_text(root / "run" / "summary.csv") == "replaced\n");
  CHECK_FALSE(fs::exists(root / "run" / "manifest.json"));  // the old folder went as a whole
  CHECK(std::distance(fs::directory_iterator(root), fs::directory_iterator()) == 1);
  fs::remove_all(root);
}

TEST_CASE("overwriting replaces only a folder hsim wrote", "[unit][output]") {
  const fs::path root = fresh_temp_folder("not-ours");
  fs::create_directories(root / "photos");
  write_text(root / "photos" / "holiday.jpg", "keep me\n");
  CHECK_THROWS_AS(RunFolder(root / "photos", true), OutputExistsError);
  CHECK(read_text(root / "photos" / "holiday.jpg") == "keep me\n");
  write_text(root / "notes.txt", "keep me too\n");
  CHECK_THROWS_AS(RunFolder(root / "notes.txt", true), OutputExistsError);
  CHECK(read_text(root / "notes.txt") == "keep me too\n");
  fs::create_directory_symlink(root / "photos", root / "link");
  CHECK_THROWS_AS(RunFolder(root / "link", true), OutputExistsError);
  // The working directory and its parents, even when they hold a manifest.
  const fs::path before = fs::current_path();
  fs::create_directories(root / "work" / "inner");
  write_text(root / "work" / "manifest.json", "{}\n");
  fs::current_path(root / "work" / "inner");
  CHECK_THROWS_AS(RunFolder(".", true), OutputExistsError);
  CHECK_THROWS_AS(RunFolder("..", true), OutputExistsError);
  fs::current_path(before);
  CHECK(fs::exists(root / "work" / "manifest.json"));
  CHECK_THROWS_AS(RunFolder("/", true), OutputExistsError);
  // Nothing was staged beside any of them.
  for (const auto& entry : fs::directory_iterator(root)) {
    CHECK(entry.path().filename().string().find(".partial-") == std::string::npos);
  }
  fs::remove_all(root);
}

TEST_CASE("staging folders of runs that were killed are removed by the next run", "[unit][output]") {
  const fs::path root = fresh_temp_folder("stale");
  // A process id that cannot be running: above the kernel's largest.
  fs::create_directories(root / ".run.partial-99999999");
  write_text(root / ".run.partial-99999999" / "people.csv", "half\n");
  {
    RunFolder folder(root / "run", false);
    write_text(folder.file("summary.csv"), "x\n");
    folder.commit();
  }
  CHECK_FALSE(fs::exists(root / ".run.partial-99999999"));
  CHECK(std::distance(fs::directory_iterator(root), fs::directory_iterator()) == 1);
  fs::remove_all(root);
}

TEST_CASE("scenario names become one safe path component", "[unit][output]") {
  using hsim::output::safe_path_component;
  CHECK(safe_path_component("bergen-compare") == "bergen-compare");
  CHECK(safe_path_component("../../escaped") == "escaped");
  CHECK(safe_path_component("/etc/passwd") == "etc_passwd");
  CHECK(safe_path_component("two\nlines") == "two_lines");
  CHECK(safe_path_component("..") == "scenario");
  CHECK(safe_path_component("") == "scenario");
  CHECK(safe_path_component(".hidden") == "hidden");
}

TEST_CASE("a run that loses the race to replace a folder leaves the winner's run and nothing else", "[unit][output]") {
  // This run sets the old results aside; before it moves its own in, the other run's results arrive.
  const fs::path root = fresh_temp_folder("race");
  fs::create_directories(root / "run");
  write_text(root / "run" / "manifest.json", "{}\n");
  write_text(root / "run" / "summary.csv", "old\n");
  fs::create_directories(root / ".run.partial-mine");
  write_text(root / ".run.partial-mine" / "summary.csv", "mine\n");
  const auto other_run_moves_in = [&] {
    fs::create_directories(root / "run");
    write_text(root / "run" / "manifest.json", "{}\n");
    write_text(root / "run" / "summary.csv", "theirs\n");
  };
  CHECK_THROWS_AS(hsim::output::move_into_place(root / ".run.partial-mine", root / "run", true, other_run_moves_in),
                  OutputExistsError);
  CHECK(read_text(root / "run" / "summary.csv") == "theirs\n");
  // Only the winner's run and this run's own staging folder (its RunFolder removes that) are left.
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    ++entries;
    INFO(entry.path().filename().string());
    CHECK((entry.path().filename() == "run" || entry.path().filename() == ".run.partial-mine"));
  }
  CHECK(entries == 2);
  fs::remove_all(root);
}
