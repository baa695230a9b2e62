#include <catch2/catch.hpp>

#include "sim/engine/random_stream.hpp"

using hsim::engine::RandomStream;
using hsim::engine::StreamKey;

TEST_CASE("different keys give different streams", "[unit]") {
  RandomStream a(StreamKey{1, 0, 0, 0});
  RandomStream b(StreamKey{1, 0, 1, 0});
  CHECK(a.next_u64() != b.next_u64());
}
