#include "sim/engine/chunked_log.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

namespace engine = hsim::engine;

TEST_CASE("a chunked log hands over everything appended, in order, across blocks", "[unit]") {
  using Log = engine::ChunkedLog<std::uint64_t>;
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, Log::chunk_items - 1, Log::chunk_items,
                                  Log::chunk_items + 1, 3 * Log::chunk_items + 17}) {
    INFO("items " << count);
    Log log;
    std::vector<std::uint64_t> batch;
    for (std::uint64_t i = 0; i < count; ++i) {
      batch.push_back(i * 7 + 3);
      if (batch.size() == 1000 || i + 1 == count) {
        log.append(batch);
        batch.clear();
      }
    }
    REQUIRE(log.size() == count);
    const auto all = log.take_all();
    REQUIRE(all.size() == count);
    for (std::uint64_t i = 0; i < count; ++i) REQUIRE(all[i] == i * 7 + 3);
    CHECK(log.size() == 0);
    log.push_back(42);
    const auto again = log.take_all();
    REQUIRE(again.size() == 1);
    CHECK(again[0] == 42);
  }
}
