#include "sim/server/baseline_cache.hpp"

#include <catch2/catch.hpp>

using hsim::model::ReplicateResult;
using hsim::server::BaselineCache;
using hsim::server::result_bytes;

namespace {

// An arm of `replicates` results, each holding `spells` spell records, tagged by its first seed.
std::vector<ReplicateResult> arm(std::uint64_t tag, std::size_t replicates, std::size_t spells) {
  std::vector<ReplicateResult> results(replicates);
  for (auto& result : results) {
    result.seed = tag;
    result.spells.resize(spells);
  }
  return results;
}

std::size_t arm_bytes(std::size_t replicates, std::size_t spells) {
  std::size_t bytes = 0;
  for (const auto& result : arm(0, replicates, spells)) bytes += result_bytes(result);
  return bytes;
}

}  // namespace

TEST_CASE("kept baselines are found by identity and the least recently used go first", "[unit][server]") {
  const std::size_t one = arm_bytes(4, 100);
  BaselineCache cache(2 * one + one / 2);  // room for two arms
  CHECK(cache.find("a") == nullptr);
  cache.keep("a", arm(1, 4, 100));
  cache.keep("b", arm(2, 4, 100));
  CHECK(cache.bytes() == 2 * one);
  REQUIRE(cache.find("a") != nullptr);  // "a" is now the most recently used
  CHECK(cache.find("a")->front().seed == 1);
  cache.keep("c", arm(3, 4, 100));  // no room for three: "b" goes
  CHECK(cache.size() == 2);
  CHECK(cache.find("b") == nullptr);
  REQUIRE(cache.find("c") != nullptr);
  CHECK(cache.find("c")->size() == 4);
  CHECK(cache.find("a") != nullptr);
  CHECK(cache.bytes() == 2 * one);
}

TEST_CASE("an arm kept again replaces the old one, and an arm beyond the budget is not kept", "[unit][server]") {
  const std::size_t one = arm_bytes(4, 100);
  BaselineCache cache(2 * one);
  cache.keep("a", arm(1, 4, 100));
  cache.keep("a", arm(5, 4, 100));
  CHECK(cache.size() == 1);
  CHECK(cache.bytes() == one);
  CHECK(cache.find("a")->front().seed == 5);
  cache.keep("huge", arm(9, 4, 1000));
  CHECK(cache.find("huge") == nullptr);
  CHECK(cache.find("a") != nullptr);  // nothing was dropped for an arm that could never fit
  BaselineCache none(0);
  none.keep("a", arm(1, 1, 1));
  CHECK(none.size() == 0);
}
