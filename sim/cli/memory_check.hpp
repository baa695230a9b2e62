#pragma once

// Refuses a run whose replicates in flight would not fit in this machine's available memory, before any
// work starts, with the numbers and what to change.

#include <cstddef>
#include <string>

#include "sim/model/parameters.hpp"

namespace hsim::cli {

// The memory a run may use is what the kernel reports as available (/proc/meminfo MemAvailable), or
// HSIM_MEMORY_LIMIT_BYTES when that is set and smaller (a job's share of a shared node). Each of
// `in_flight` concurrent replicates holds `arms` replicates of `file`'s city. Prints the problem and
// returns false when the run cannot start: a malformed HSIM_MEMORY_LIMIT_BYTES, or a run that would not fit.
[[nodiscard]] bool memory_allows(const std::string& command, const std::string& file,
                                 const model::CityParameters& parameters, std::size_t arms, std::size_t in_flight);

}  // namespace hsim::cli
