#pragma once

#include <malloc.h>

namespace hsim::engine {

// An ensemble builds each replicate's state afresh, megabytes at a time. glibc's allocator returns large
// freed blocks to the system and then faults them back in, page by page, for the next replicate; in a
// profile of the model benchmark the kernel's page handling took a fifth of the time and doubled the CPU
// time per replicate pair. Keeping freed memory for reuse (blocks up to 32 MiB from the heap, the heap
// top kept up to 1 GiB) removes the page faults without changing a result. Called once at the start of
// a program.
inline void keep_freed_memory_for_reuse() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // glibc's largest on 64-bit
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

}  // namespace hsim::engine
