#include "sim/model/spell_order.hpp"

#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>

namespace hsim::model {

// One sort over all spells: they arrive nearly in time order, and a counting sort by person (in place or
// into a second array) costs more at large cities, where its scattered writes leave the cache.
void sort_spells(std::vector<SpellRecord>& spells, unsigned threads) {
  const auto in_order = [](const SpellRecord& a, const SpellRecord& b) { return spell_precedes(a, b); };
  if (threads > 1) {
    tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] { tbb::parallel_sort(spells.begin(), spells.end(), in_order); });
  } else {
    std::sort(spells.begin(), spells.end(), in_order);
  }
}

}  // namespace hsim::model
