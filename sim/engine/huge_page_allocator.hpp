#pragma once

// An allocator for the arrays that grow with the number of simulated entities (people, their streams
// and records, alarms, queued events, spells). A large city's events reach these arrays at random: at
// 270,000 people they span hundreds of megabytes, and with 4 KiB pages nearly every access misses the
// TLB as well as the cache. Blocks of at least a huge page are aligned to one and marked for
// transparent huge pages before they are first touched: at 100x Bergen the model's time an event fell
// from 1,270-1,890 ns to about 1,040-1,190 (README, Benchmarks). Where the system has no transparent
// huge pages the hint does nothing; results never depend on it.

#include <cstddef>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace hsim::engine {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

// Allocates `bytes` of at least huge_page_bytes aligned to a huge page and asks the kernel to back
// them with huge pages; frees with release_huge_page_block.
[[nodiscard]] inline void* allocate_huge_page_block(std::size_t bytes) {
  void* block = ::operator new (bytes, std::align_val_t{huge_page_bytes});
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // A hint: the kernel backs each whole huge page of the block, and nothing fails without THP.
  madvise(block, bytes, MADV_HUGEPAGE);
#endif
  return block;
}

inline void release_huge_page_block(void* block) noexcept {
  ::operator delete (block, std::align_val_t{huge_page_bytes});
}

template <class T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) noexcept {}

  [[nodiscard]] T* allocate(std::size_t count) {
    if (in_huge_pages(count)) return static_cast<T*>(allocate_huge_page_block(count * sizeof(T)));
    return std::allocator<T>{}.allocate(count);
  }

  void deallocate(T* pointer, std::size_t count) noexcept {
    if (in_huge_pages(count)) {
      release_huge_page_block(pointer);
    } else {
      std::allocator<T>{}.deallocate(pointer, count);
    }
  }

  template <class U>
  friend bool operator==(const HugePageAllocator& /*a*/, const HugePageAllocator<U>& /*b*/) noexcept {
    return true;
  }

 private:
  static constexpr bool in_huge_pages(std::size_t count) noexcept { return count >= huge_page_bytes / sizeof(T); }
};

// A vector for per-entity state of a whole run.
template <class T>
using EntityVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace hsim::engine
