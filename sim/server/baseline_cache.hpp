#pragma once

// The baseline arms of recent what-ifs, kept in memory up to a byte budget, so that a slider moved on
// the same scenario, policy, seed and replicates simulates only the what-if arm. Replicates are pure
// functions of what the identity holds, so kept results are exactly what a new run would give.

#include <cstddef>
#include <list>
#include <string>
#include <vector>

#include "sim/model/run.hpp"

namespace hsim::server {

// Heap bytes a replicate's results hold (records, spells, census rows, cost rows).
std::size_t result_bytes(const model::ReplicateResult& result);

class BaselineCache {
 public:
  explicit BaselineCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The results kept under `identity`, by replicate, or null; they become the most recently used. The
  // pointer stays valid until the next keep().
  const std::vector<model::ReplicateResult>* find(const std::string& identity);

  // Keeps `results` under `identity`, dropping the least recently used beyond the budget. Results larger
  // than the whole budget are not kept.
  void keep(std::string identity, std::vector<model::ReplicateResult> results);

  [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

 private:
  struct Entry {
    std::string identity;
    std::vector<model::ReplicateResult> results;
    std::size_t bytes = 0;
  };
  std::list<Entry> entries_;  // most recently used first
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
};

}  // namespace hsim::server
