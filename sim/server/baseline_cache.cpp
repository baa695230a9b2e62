#include "sim/server/baseline_cache.hpp"

#include <algorithm>

namespace hsim::server {

std::size_t result_bytes(const model::ReplicateResult& result) {
  return sizeof(result) + result.people.size() * sizeof(model::PersonRecord) +
         result.spells.size() * sizeof(model::SpellRecord) + result.time_series.size() * sizeof(model::CensusRow) +
         result.costs.size() * sizeof(model::CostRecord);
}

const std::vector<model::ReplicateResult>* BaselineCache::find(const std::string& identity) {
  const auto entry =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.identity == identity; });
  if (entry == entries_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, entry);
  return &entries_.front().results;
}

void BaselineCache::keep(std::string identity, std::vector<model::ReplicateResult> results) {
  std::size_t bytes = 0;
  for (const auto& result : results) bytes += result_bytes(result);
  if (bytes > max_bytes_) return;
  std::erase_if(entries_, [&](const Entry& e) {
    if (e.identity != identity) return false;
    bytes_ -= e.bytes;
    return true;
  });
  while (!entries_.empty() && bytes_ + bytes > max_bytes_) {
    bytes_ -= entries_.back().bytes;
    entries_.pop_back();
  }
  entries_.push_front({std::move(identity), std::move(results), bytes});
  bytes_ += bytes;
}

}  // namespace hsim::server
