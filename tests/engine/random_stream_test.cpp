#include "sim/engine/random_stream.hpp"

#include <catch2/catch.hpp>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cstdint>
#include <vector>

#include "sim/engine/distributions.hpp"

using hsim::engine::BoundStream;
using hsim::engine::exponential;
using hsim::engine::gamma;
using hsim::engine::RandomStream;
using hsim::engine::StreamKey;
using hsim::engine::StreamPosition;

TEST_CASE("Philox4x64-10 matches the Random123 known-answer vectors", "[unit][random]") {
  // kat_vectors of the Random123 distribution: philox4x64 with 10 rounds.
  r123::Philox4x64 generator;
  auto zero = generator({{0, 0, 0, 0}}, {{0, 0}});
  CHECK(zero.v[0] == 0x16554d9eca36314cULL);
  CHECK(zero.v[1] == 0xdb20fe9d672d0fdcULL);
  CHECK(zero.v[2] == 0xd7e772cee186176bULL);
  CHECK(zero.v[3] == 0x7e68b68aec7ba23bULL);
  auto pi = generator({{0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL}},
                      {{0x452821e638d01377ULL, 0xbe5466cf34e90c6cULL}});
  CHECK(pi.v[0] == 0xa528f45403e61d95ULL);
  CHECK(pi.v[1] == 0x38c72dbd566e9788ULL);
  CHECK(pi.v[2] == 0xa5a1610e72fd18b5ULL);
  CHECK(pi.v[3] == 0x57bd43b5e52b7fe6ULL);
}

TEST_CASE("a stream's first draws are pinned for a fixed key", "[unit][random]") {
  // Key (seed 42, replicate 1, entity 7, purpose 3): counter (7, 3, block, 0), key (42, 1).
  RandomStream stream(StreamKey{42, 1, 7, 3});
  const std::uint64_t expected[] = {0x41707aab03864a9fULL, 0xcc38f014065224ebULL, 0x81ee9338db896633ULL,
                                    0x0bc98dd7568afcfbULL, 0x73fe222faa4e571aULL, 0x9f68856c15ca00ebULL};
  for (std::uint64_t value : expected) CHECK(stream.next_u64() == value);

  r123::Philox4x64 generator;
  auto block0 = generator({{7, 3, 0, 0}}, {{42, 1}});
  CHECK(block0.v[0] == expected[0]);
  CHECK(block0.v[3] == expected[3]);
}

TEST_CASE("every component of the key selects a different stream", "[unit][random]") {
  const StreamKey base{5, 6, 7, 8};
  StreamKey keys[] = {base, base, base, base, base};
  keys[1].seed += 1;
  keys[2].replicate += 1;
  keys[3].entity += 1;
  keys[4].purpose += 1;
  std::vector<std::uint64_t> first_draws;
  for (const auto& key : keys) {
    RandomStream stream(key);
    first_draws.push_back(stream.next_u64());
  }
  for (std::size_t i = 0; i < first_draws.size(); ++i) {
    for (std::size_t j = i + 1; j < first_draws.size(); ++j) CHECK(first_draws[i] != first_draws[j]);
  }
}

TEST_CASE("a stream can be resumed at any draw index", "[unit][random]") {
  const StreamKey key{1, 2, 3, 4};
  RandomStream full(key);
  std::vector<std::uint64_t> draws(13);
  for (auto& draw : draws) draw = full.next_u64();
  CHECK(full.position() == 13);
  for (std::uint64_t start = 0; start < draws.size(); ++start) {
    RandomStream resumed(key, start);
    CHECK(resumed.position() == start);
    for (std::uint64_t i = start; i < draws.size(); ++i) CHECK(resumed.next_u64() == draws[i]);
  }
}

TEST_CASE("draws do not depend on which thread makes them", "[unit][random]") {
  constexpr std::size_t entities = 256;
  constexpr std::size_t draws_per_entity = 100;
  auto draw_all = [](unsigned threads) {
    std::vector<std::uint64_t> sums(entities);
    tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, entities, [&](std::size_t entity) {
        RandomStream stream(StreamKey{9, 0, entity, 1});
        std::uint64_t sum = 0;
        for (std::size_t i = 0; i < draws_per_entity; ++i) sum = sum * 31 + stream.next_u64();
        sums[entity] = sum;
      });
    });
    return sums;
  };
  const auto serial = draw_all(1);
  CHECK(draw_all(2) == serial);
  CHECK(draw_all(4) == serial);
}

TEST_CASE("a compact position bound to its key draws exactly what the full stream draws", "[unit][random]") {
  const StreamKey key{7, 3, 123456, 41};
  const StreamKey other{7, 3, 123457, 41};
  RandomStream full(key);
  RandomStream full_other(other);
  StreamPosition position;
  StreamPosition position_other;
  // Interleaved, rebound for every draw and across many blocks, as a person's streams are used.
  for (int i = 0; i < 1001; ++i) {
    CHECK(BoundStream(position, key).next_u64() == full.next_u64());
    if (i % 3 == 0) CHECK(BoundStream(position_other, other).next_u64() == full_other.next_u64());
  }
  // Distributions take either kind of stream and consume the same draws.
  BoundStream bound(position, key);
  CHECK(exponential(bound, 2.0) == exponential(full, 2.0));
  CHECK(gamma(bound, 0.25, 4.0) == gamma(full, 0.25, 4.0));
  CHECK(BoundStream(position, key).next_u64() == full.next_u64());
  CHECK(sizeof(StreamPosition) == sizeof(std::uint32_t));
  CHECK(sizeof(StreamPosition) < sizeof(RandomStream));
}

TEST_CASE("a compact position draws up to its limit and refuses the draw after it", "[unit][random]") {
  const StreamKey key{7, 3, 99, 5};
  const std::uint64_t last = StreamPosition::draw_limit - 1;
  StreamPosition position(static_cast<std::uint32_t>(last));
  CHECK(BoundStream(position, key).next_u64() == RandomStream(key, last).next_u64());
  CHECK(position.next_draw() == StreamPosition::draw_limit);
  CHECK_THROWS_WITH(BoundStream(position, key).next_u64(), Catch::Contains("used all its"));
  CHECK(position.next_draw() == StreamPosition::draw_limit);
}
