#include "sim/scenario/parameter_reference.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "sim/scenario/key_registry.hpp"
#include "tests/scenario/test_folder.hpp"

namespace hsim::scenario {
namespace {

TEST_CASE("scenarios/PARAMETERS.md is the output of hsim params", "[unit][scenario]") {
  std::ifstream in(test::source_dir() / "scenarios/PARAMETERS.md");
  REQUIRE(in.good());
  std::ostringstream committed;
  committed << in.rdbuf();
  INFO("regenerate with: hsim params > scenarios/PARAMETERS.md");
  CHECK(committed.str() == parameter_reference_markdown());
}

TEST_CASE("the parameter reference lists every declared key once", "[unit][scenario]") {
  const std::string reference = parameter_reference_markdown();
  for (const auto& key : scenario_keys().keys()) {
    const std::string cell = "| `" + key.path + "` |";
    const auto first = reference.find(cell);
    INFO(key.path);
    CHECK(first != std::string::npos);
    CHECK(reference.find(cell, first + 1) == std::string::npos);
  }
}

}  // namespace
}  // namespace hsim::scenario
