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

// A counter-based stream: Philox4x64-10 with key (seed, replicate) and counter
// (entity, purpose, block, 0); draw number i is word i % 4 of block i / 4.
class RandomStream {
 public:
  RandomStream() = default;
  explicit RandomStream(const StreamKey& key, std::uint64_t first_draw = 0)
      : key_{{key.seed, key.replicate}}, counter_{{key.entity, key.purpose, first_draw / 4, 0}} {
    if (first_draw % 4 != 0) {
      refill();
      next_word_ = static_cast<unsigned>(first_draw % 4);
    }
  }

  // The next raw 64-bit draw.
  std::uint64_t next_u64() {
    if (next_word_ == 4) refill();
    return block_.v[next_word_++];
  }

  // Index of the next draw: with the key it pins the stream position exactly.
  [[nodiscard]] std::uint64_t position() const noexcept {
    return next_word_ == 4 ? counter_.v[2] * 4 : (counter_.v[2] - 1) * 4 + next_word_;
  }

 private:
  using Generator = r123::Philox4x64;

  void refill() {
    block_ = Generator{}(counter_, key_);
    ++counter_.v[2];
    next_word_ = 0;
  }

  Generator::key_type key_{};
  Generator::ctr_type counter_{};
  Generator::ctr_type block_{};
  unsigned next_word_ = 4;
};

// Where a stream stands when its key and counter prefix are known from context: the cached block, the
// next block's number and the next word, 48 bytes where a RandomStream takes 88. An entity with many
// streams (a person's clocks and decisions) keeps one per purpose and binds it to its StreamKey for each
// use; the draws are exactly those of RandomStream(key).
class StreamPosition {
 private:
  friend class BoundStream;
  r123::Philox4x64::ctr_type block_{};
  std::uint64_t next_block_ = 0;
  unsigned next_word_ = 4;
};

// A StreamPosition bound to its key for a while: draws advance the position in place.
class BoundStream {
 public:
  BoundStream(StreamPosition& position, const StreamKey& key) : position_(position), key_(key) {}

  std::uint64_t next_u64() {
    if (position_.next_word_ == 4) refill();
    return position_.block_.v[position_.next_word_++];
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

}  // namespace hsim::engine
