#pragma once

// An append-only sequence kept in blocks of a huge page each. Growing it never copies what it holds, so
// it never holds an old block beside a new one of twice the size, as a growing vector does at each
// reallocation (in the scaling benchmark at 100x, 66 MB at that moment for 36 MB held).

#include <cstddef>
#include <vector>

#include "sim/engine/huge_page_allocator.hpp"

namespace hsim::engine {

template <class T>
class ChunkedLog {
 public:
  static constexpr std::size_t chunk_items = huge_page_bytes / sizeof(T);

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  void push_back(const T& item) {
    room_for_one();
    chunks_.back().push_back(item);
    ++size_;
  }

  template <class Range>
  void append(const Range& items) {
    for (const T& item : items) push_back(item);
  }

  // Moves everything, in order, into one array and empties the log, freeing each block once it is copied.
  [[nodiscard]] EntityVector<T> take_all() {
    EntityVector<T> all;
    all.reserve(size_);
    for (auto& chunk : chunks_) {
      all.insert(all.end(), chunk.begin(), chunk.end());
      EntityVector<T>().swap(chunk);
    }
    chunks_.clear();
    size_ = 0;
    return all;
  }

 private:
  // The first block grows like a vector, so a small run holds no more than it needs; later ones are
  // taken whole.
  void room_for_one() {
    if (!chunks_.empty() && chunks_.back().size() < chunk_items) return;
    chunks_.emplace_back();
    if (chunks_.size() > 1) chunks_.back().reserve(chunk_items);
  }

  std::vector<EntityVector<T>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace hsim::engine
