#pragma once

// Refuses a run whose replicates in flight would not fit in this machine's available memory, before any
// work starts, with the numbers and what to change.

#include <cstddef>
#include <string>

#include "sim/model/parameters.hpp"

namespace hsim::cli {

struct MemoryBudget {
  std::size_t bytes = 0;  // 0: unknown, no check
  std::string problem;    // a malformed HSIM_MEMORY_LIMIT_BYTES
};

// The memory a run may use: what the kernel reports as available (/proc/meminfo MemAvailable), or
// HSIM_MEMORY_LIMIT_BYTES when that is set and smaller (a job's share of a shared node).
[[nodiscard]] MemoryBudget memory_budget(const std::string& command);

// The message to print and exit 2 with, or empty when the run fits: `arms` replicates of `file`'s city
// are held together by each of `in_flight` concurrent replicates.
[[nodiscard]] std::string memory_problem(const std::string& command, const std::string& file,
                                         const model::CityParameters& parameters, std::size_t arms,
                                         std::size_t in_flight, std::size_t available_bytes);

}  // namespace hsim::cli
