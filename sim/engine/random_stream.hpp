#pragma once

#include <Random123/philox.h>

#include <cstdint>

namespace hsim::engine {

// Identifies one random stream: streams never overlap, and the same key always gives the same draws,
// whatever thread runs the entity or in what order entities are processed.
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::uint64_t entity = 0;
  std::uint64_t purpose = 0;
};

// Where a counter-based stream stands: the cached block, the next block's number and the next word, 48
// bytes. With its StreamKey (seed, replicate, entity, purpose) it pins the stream exactly; an entity with
// many streams (a model's per-entity clocks and decisions) keeps only the positions and binds each to its
// key for a use (BoundStream), where a RandomStream carries its key along.
class StreamPosition {
 public:
  // Index of the next draw.
  [[nodiscard]] std::uint64_t next_draw() const noexcept {
    return next_word_ == 4 ? next_block_ * 4 : (next_block_ - 1) * 4 + next_word_;
  }

 private:
  friend class BoundStream;
  r123::Philox4x64::ctr_type block_{};
  std::uint64_t next_block_ = 0;
  unsigned next_word_ = 4;
};

// A StreamPosition bound to its key: Philox4x64-10 with key (seed, replicate) and counter
// (entity, purpose, block, 0); draw number i is word i % 4 of block i / 4. Draws advance the position.
class BoundStream {
 public:
  BoundStream(StreamPosition& position, const StreamKey& key) : position_(position), key_(key) {}

  // The next raw 64-bit draw.
  std::uint64_t next_u64() {
    if (position_.next_word_ == 4) refill();
    return position_.block_.v[position_.next_word_++];
  }

  // Moves to draw number `draw`, as if that many had been taken.
  void seek(std::uint64_t draw) {
    position_.next_block_ = draw / 4;
    position_.next_word_ = 4;
    if (draw % 4 != 0) {
      refill();
      position_.next_word_ = static_cast<unsigned>(draw % 4);
    }
  }

 private:
  void refill() {
    const r123::Philox4x64::ctr_type counter{{key_.entity, key_.purpose, position_.next_block_, 0}};
    const r123::Philox4x64::key_type key{{key_.seed, key_.replicate}};
    position_.block_ = r123::Philox4x64{}(counter, key);
    ++position_.next_block_;
    position_.next_word_ = 0;
  }

  StreamPosition& position_;
  StreamKey key_;
};

// A stream that carries its own key: the draws of BoundStream(position, key).
class RandomStream {
 public:
  RandomStream() = default;
  explicit RandomStream(const StreamKey& key, std::uint64_t first_draw = 0) : key_(key) {
    if (first_draw != 0) bound().seek(first_draw);
  }

  // The next raw 64-bit draw.
  std::uint64_t next_u64() { return bound().next_u64(); }

  // Index of the next draw: with the key it pins the stream position exactly.
  [[nodiscard]] std::uint64_t position() const noexcept { return position_.next_draw(); }

 private:
  BoundStream bound() { return {position_, key_}; }

  StreamKey key_;
  StreamPosition position_;
};

}  // namespace hsim::engine
