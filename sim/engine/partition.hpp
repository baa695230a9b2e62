#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/engine/event.hpp"

#ifndef HSIM_CHECKS
#define HSIM_CHECKS 1
#endif

namespace hsim::engine {

using LpIndex = std::uint32_t;

// Which logical process owns each entity. Entities are numbered 0..entity_count-1; ownership is
// fixed for the whole run, so an entity's state is only ever touched by one thread at a time.
class Partition {
 public:
  Partition(std::vector<LpIndex> owner_of_entity, LpIndex lp_count)
      : owner_(std::move(owner_of_entity)), lp_count_(lp_count) {
    if (lp_count_ == 0) throw std::invalid_argument("partition: at least one logical process is needed");
    for (std::size_t entity = 0; entity < owner_.size(); ++entity) {
      if (owner_[entity] >= lp_count_) {
        throw std::invalid_argument("partition: entity " + std::to_string(entity) + " is owned by LP " +
                                    std::to_string(owner_[entity]) + " of " + std::to_string(lp_count_));
      }
    }
  }

  // Entity i owned by LP i % lp_count.
  static Partition round_robin(std::size_t entity_count, LpIndex lp_count) {
    std::vector<LpIndex> owner(entity_count);
    for (std::size_t i = 0; i < entity_count; ++i) owner[i] = static_cast<LpIndex>(i % lp_count);
    return Partition(std::move(owner), lp_count);
  }

  [[nodiscard]] LpIndex owner(EntityId entity) const {
#if HSIM_CHECKS
    if (entity >= owner_.size()) {
      throw std::out_of_range("partition: no entity " + std::to_string(entity) + " (there are " +
                              std::to_string(owner_.size()) + ")");
    }
#endif
    return owner_[entity];
  }
  [[nodiscard]] LpIndex lp_count() const noexcept {
    return lp_count_;
  }
  [[nodiscard]] std::size_t entity_count() const noexcept {
    return owner_.size();
  }

 private:
  std::vector<LpIndex> owner_;
  LpIndex lp_count_;
};

}  // namespace hsim::engine
