#pragma once

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstddef>

namespace hsim::engine {

// Runs body(k) for every k in [0, count) on at most `threads` threads; with one thread, in order. The
// body must write only what part k owns, so the result does not depend on the thread count.
template <class Body>
void for_each_part_on(unsigned threads, std::size_t count, Body&& body) {
  if (threads > 1 && count > 1) {
    tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] { tbb::parallel_for(std::size_t{0}, count, [&](std::size_t k) { body(k); }); });
  } else {
    for (std::size_t k = 0; k < count; ++k) body(k);
  }
}

// Runs body(i) for every i in [0, count) in parts of `per_part` consecutive indices, the parts as
// for_each_part_on runs them.
template <class Body>
void for_each_index_on(unsigned threads, std::size_t count, std::size_t per_part, Body&& body) {
  for_each_part_on(threads, (count + per_part - 1) / per_part, [&](std::size_t part) {
    const std::size_t end = std::min(count, (part + 1) * per_part);
    for (std::size_t i = part * per_part; i < end; ++i) body(i);
  });
}

}  // namespace hsim::engine
