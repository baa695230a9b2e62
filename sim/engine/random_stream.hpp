#pragma once

#include <Random123/philox.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace hsim::engine {

// Identifies one random stream: streams never overlap, and the same key always gives the same draws,
// whatever thread runs the entity or in what order entities are processed.
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::uint64_t entity = 0;
  std::uint64_t purpose = 0;
};

// Block `block` of the stream `key`: Philox4x64-10 with key (seed, replicate) and counter (entity,
// purpose, block, 0). Draw number i of a stream is word i % 4 of block i / 4.
inline r123::Philox4x64::ctr_type philox_block(const StreamKey& key, std::uint64_t block) noexcept {
  const r123::Philox4x64::ctr_type counter{{key.entity, key.purpose, block, 0}};
  const r123::Philox4x64::key_type philox_key{{key.seed, key.replicate}};
  return r123::Philox4x64{}(counter, philox_key);
}

// The last block a stream used, so that consecutive draws from one block compute it once.
class BlockCache {
 public:
  [[nodiscard]] std::uint64_t word(const StreamKey& key, std::uint64_t draw) noexcept {
    const std::uint64_t block = draw / 4;
    if (block != cached_block_) {
      block_ = philox_block(key, block);
      cached_block_ = block;
    }
    return block_.v[draw % 4];
  }

 private:
  r123::Philox4x64::ctr_type block_{};
  std::uint64_t cached_block_ = ~std::uint64_t{0};
};

// Where a counter-based stream stands: the number of the next draw, 4 bytes. With its StreamKey (seed,
// replicate, entity, purpose) it pins the stream exactly; an entity with many streams (a model's
// per-entity clocks and decisions) keeps only the positions and binds each to its key for a use
// (BoundStream), where a RandomStream carries its key and its current block along. Keeping no block
// costs one Philox block at the first draw of each use; a block per stored position would cost 36 bytes
// more per stream (about 760 bytes a person in the city model). A stored position allows 2^32 - 1 draws
// (a person's busiest stream takes a few hundred a simulated year); one more is refused.
class StreamPosition {
 public:
  static constexpr std::uint64_t draw_limit = std::numeric_limits<std::uint32_t>::max();

  StreamPosition() = default;
  explicit StreamPosition(std::uint32_t next_draw) : next_draw_(next_draw) {}

  // Index of the next draw.
  [[nodiscard]] std::uint64_t next_draw() const noexcept { return next_draw_; }

 private:
  friend class BoundStream;
  std::uint32_t next_draw_ = 0;
};

// A StreamPosition bound to its key for one use; the block of the draws it takes is kept while it lives.
// Draws advance the position.
class BoundStream {
 public:
  BoundStream(StreamPosition& position, const StreamKey& key) : position_(position), key_(key) {}

  // The next raw 64-bit draw.
  std::uint64_t next_u64() {
    if (position_.next_draw_ == StreamPosition::draw_limit) [[unlikely]]
      refuse_draw(key_);
    return cache_.word(key_, position_.next_draw_++);
  }

 private:
  [[noreturn, gnu::cold, gnu::noinline]] static void refuse_draw(const StreamKey& key) {
    throw std::length_error("a random stream of entity " + std::to_string(key.entity) + ", purpose " +
                            std::to_string(key.purpose) + " has used all its " +
                            std::to_string(StreamPosition::draw_limit) + " draws");
  }

  StreamPosition& position_;
  StreamKey key_;
  BlockCache cache_;
};

// A stream that carries its own key and current block: the draws of BoundStream(position, key).
class RandomStream {
 public:
  RandomStream() = default;
  explicit RandomStream(const StreamKey& key, std::uint64_t first_draw = 0) : key_(key), next_draw_(first_draw) {}

  // The next raw 64-bit draw.
  std::uint64_t next_u64() noexcept { return cache_.word(key_, next_draw_++); }

  // Index of the next draw: with the key it pins the stream position exactly.
  [[nodiscard]] std::uint64_t position() const noexcept { return next_draw_; }

 private:
  StreamKey key_;
  std::uint64_t next_draw_ = 0;
  BlockCache cache_;
};

}  // namespace hsim::engine
