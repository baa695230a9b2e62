#pragma once

// An allocator for the arrays that grow with the number of simulated entities (their state, stream
// positions and records, alarms, queued events). A large model's events reach these arrays at random:
// at a few hundred thousand entities they span hundreds of megabytes, and with 4 KiB pages nearly every
// access misses the TLB as well as the cache. Blocks of at least a huge page are aligned to one and
// marked for transparent huge pages before they are first touched: at 40x and 100x in the scaling
// benchmark an event costs about 10 % less (README). Where the system has no transparent huge pages
// the hint does nothing; results never depend on it.

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace hsim::engine {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

template <class T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) noexcept {}

  [[nodiscard]] T* allocate(std::size_t count) {
    if (!in_huge_pages(count)) return std::allocator<T>{}.allocate(count);
    void* block = ::operator new (count * sizeof(T), std::align_val_t{huge_page_bytes});
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // A hint: the kernel backs each whole huge page of the block, and nothing fails without THP.
    madvise(block, count * sizeof(T), MADV_HUGEPAGE);
#endif
    return static_cast<T*>(block);
  }

  void deallocate(T* pointer, std::size_t count) noexcept {
    if (in_huge_pages(count)) {
      ::operator delete (pointer, std::align_val_t{huge_page_bytes});
    } else {
      std::allocator<T>{}.deallocate(pointer, count);
    }
  }

  template <class U>
  friend bool operator==(const HugePageAllocator& /*a*/, const HugePageAllocator<U>& /*b*/) noexcept {
    return true;
  }

 private:
  static constexpr bool in_huge_pages(std::size_t count) noexcept {
    return count >= huge_page_bytes / sizeof(T);
  }
};

// A vector for per-entity state of a whole run.
template <class T>
using EntityVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace hsim::engine
