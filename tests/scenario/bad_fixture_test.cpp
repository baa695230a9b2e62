// Every error message has a fixture in tests/scenario/bad/ whose leading comments say what must be
// reported:
//   # expect: line 7: teams.housing_first.caseload_per_fte: found "4x"
//   # expect: line 2 of support/cycle_b.yaml: extends: found an extends cycle
//   # expect: --set: teams.housing_first.caseload_per_fte: found "abc"
//   # and: another part of the same message (in double quotes to keep surrounding spaces)
// ('-' stands for an empty key path), optionally `# set: key=value` overrides and
// `# require-provenance`. Each expectation must match a reported problem (position, key path and
// message text), and every reported problem must be expected.

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/limits.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "tests/scenario/test_folder.hpp"

namespace hsim::scenario {
namespace {

struct Expectation {
  std::string text;  // the whole expectation, for failure messages
  bool from_set = false;
  std::string file;  // relative to the fixture's folder; empty for the fixture itself
  int line = 0;
  std::string key_path;
  std::vector<std::string> message_parts;
};

struct Fixture {
  std::filesystem::path path;
  std::vector<Expectation> expectations;
  std::vector<std::string> set_overrides;
  bool require_provenance = false;
};

std::optional<Expectation> parse_expectation(const std::string& text) {
  Expectation expectation;
  expectation.text = text;
  const auto first = text.find(": ");
  if (first == std::string::npos) return std::nullopt;
  const std::string location = text.substr(0, first);
  const auto second = text.find(": ", first + 2);
  if (second == std::string::npos) return std::nullopt;
  expectation.key_path = text.substr(first + 2, second - first - 2);
  if (expectation.key_path == "-") expectation.key_path.clear();
  expectation.message_parts.push_back(text.substr(second + 2));
  if (location == "--set") {
    expectation.from_set = true;
    return expectation;
  }
  if (location.rfind("line ", 0) != 0) return std::nullopt;
  const auto of = location.find(" of ");
  expectation.line = std::stoi(location.substr(5, of == std::string::npos ? std::string::npos : of - 5));
  if (of != std::string::npos) expectation.file = location.substr(of + 4);
  return expectation;
}

Fixture read_fixture(const std::filesystem::path& path) {
  Fixture fixture;
  fixture.path = path;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line) && line.rfind("#", 0) == 0) {
    if (line.rfind("# expect: ", 0) == 0) {
      const auto expectation = parse_expectation(line.substr(10));
      INFO("malformed expectation in " << path << ": " << line);
      REQUIRE(expectation.has_value());
      fixture.expectations.push_back(*expectation);
    } else if (line.rfind("# and: ", 0) == 0) {
      INFO("'# and:' without an expectation before it in " << path);
      REQUIRE_FALSE(fixture.expectations.empty());
      std::string part = line.substr(7);
      // A part written in double quotes keeps its leading and trailing spaces.
      if (part.size() >= 2 && part.front() == '"' && part.back() == '"') part = part.substr(1, part.size() - 2);
      fixture.expectations.back().message_parts.push_back(part);
      fixture.expectations.back().text += " ... " + part;
    } else if (line.rfind("# set: ", 0) == 0) {
      fixture.set_overrides.push_back(line.substr(7));
    } else if (line == "# require-provenance") {
      fixture.require_provenance = true;
    }
  }
  return fixture;
}

std::vector<std::filesystem::path> fixture_paths() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "tests/scenario/bad")) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

bool matches(const Expectation& expectation, const Diagnostic& diagnostic, const Fixture& fixture) {
  if (expectation.from_set) {
    if (diagnostic.origin.where().rfind("--set ", 0) != 0) return false;
  } else {
    const auto expected_file =
        expectation.file.empty() ? fixture.path : (fixture.path.parent_path() / expectation.file).lexically_normal();
    if (std::filesystem::path(diagnostic.origin.where()).lexically_normal() != expected_file) return false;
    if (diagnostic.origin.line != expectation.line) return false;
    if (diagnostic.origin.column <= 0) return false;
  }
  if (diagnostic.key_path != expectation.key_path) return false;
  return std::all_of(expectation.message_parts.begin(), expectation.message_parts.end(), [&](const std::string& part) {
    return diagnostic.message.find(part) != std::string::npos && format(diagnostic).find(part) != std::string::npos;
  });
}

TEST_CASE("every bad-input fixture reports exactly its expected problems", "[unit][scenario]") {
  const auto paths = fixture_paths();
  CHECK(paths.size() >= 30);
  for (const auto& path : paths) {
    const Fixture fixture = read_fixture(path);
    INFO("fixture " << path.filename().string());
    REQUIRE_FALSE(fixture.expectations.empty());
    const auto result = load_scenario(path, fixture.set_overrides, LoadOptions{fixture.require_provenance});
    INFO("reported:\n" << result.diagnostics.to_string());
    CHECK_FALSE(result.ok());
    for (const auto& expectation : fixture.expectations) {
      INFO("expected: " << expectation.text);
      const auto& entries = result.diagnostics.entries();
      CHECK(std::any_of(entries.begin(), entries.end(),
                        [&](const Diagnostic& diagnostic) { return matches(expectation, diagnostic, fixture); }));
    }
    for (const auto& diagnostic : result.diagnostics.entries()) {
      INFO("unexpected: " << format(diagnostic));
      CHECK(std::any_of(fixture.expectations.begin(), fixture.expectations.end(),
                        [&](const Expectation& expectation) { return matches(expectation, diagnostic, fixture); }));
    }
  }
}

TEST_CASE("a file above the size limit is refused before parsing", "[unit][scenario]") {
  test::TestFolder folder("size_limit");
  const auto path = folder.path() / "huge.yaml";
  {
    std::ofstream out(path);
    out << "name: huge\ndescription: \"";
    out << std::string(limits::max_file_bytes, 'x');
    out << "\"\n";
  }
  const auto result = load_scenario(path, {});
  REQUIRE(result.diagnostics.size() == 1);
  const auto& diagnostic = result.diagnostics.entries().front();
  CHECK(diagnostic.origin.where() == path.string());
  CHECK(diagnostic.message.find("expected at most 1048576 bytes") != std::string::npos);
}

TEST_CASE("a missing file is reported, not thrown", "[unit][scenario]") {
  test::TestFolder folder("missing_file");
  const auto result = load_scenario(folder.path() / "absent.yaml", {});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics.entries().front().message.find("found no readable file") != std::string::npos);
}

TEST_CASE("diagnostics are formatted file:line:column: error: key: message", "[unit][scenario]") {
  const Diagnostic diagnostic{Origin{"city.yaml", 7, 23}, "teams.housing_first.caseload_per_fte",
                              "found \"4x\", expected a number"};
  CHECK(format(diagnostic) ==
        "city.yaml:7:23: error: teams.housing_first.caseload_per_fte: found \"4x\", expected a number");
  const Diagnostic from_set{Origin{"--set a.b=c", 0, 0}, "a.b", "found unknown key"};
  CHECK(format(from_set) == "--set a.b=c: error: a.b: found unknown key");
}

}  // namespace
}  // namespace hsim::scenario
