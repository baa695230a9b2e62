#include "sim/cli/memory_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sim/model/run.hpp"

namespace hsim::cli {

namespace {
std::string size_text(double bytes) {
  char text[32];
  if (bytes >= 1e9) {
    std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
  } else {
    std::snprintf(text, sizeof text, "%.2f MB", bytes / 1e6);
  }
  return text;
}

struct MemoryBudget {
  std::size_t bytes = 0;  // 0: unknown, no check
  std::string problem;    // a malformed HSIM_MEMORY_LIMIT_BYTES
};

MemoryBudget memory_budget(const std::string& command) {
  MemoryBudget budget;
  std::ifstream meminfo("/proc/meminfo");
  std::string line;
  while (std::getline(meminfo, line)) {
    std::istringstream fields(line);
    std::string name;
    std::size_t kilobytes = 0;
    if (fields >> name >> kilobytes && name == "MemAvailable:") budget.bytes = kilobytes * 1024;
  }
  if (const char* limit = std::getenv("HSIM_MEMORY_LIMIT_BYTES"); limit != nullptr) {
    const std::string text = limit;
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19) {
      budget.problem = "hsim " + command + ": error: HSIM_MEMORY_LIMIT_BYTES is '" + text +
                       "', expected a whole number of bytes, e.g. 8000000000";
      return budget;
    }
    const std::size_t bytes = std::stoull(text);
    budget.bytes = budget.bytes == 0 ? bytes : std::min(budget.bytes, bytes);
  }
  return budget;
}

// The message to exit 2 with, or empty when the run fits.
std::string memory_problem(const std::string& command, const std::string& file, const model::CityParameters& parameters,
                           std::size_t arms, std::size_t in_flight, std::size_t available_bytes) {
  if (available_bytes == 0) return {};
  const double people = model::people_over_run(parameters).total();
  const double per_replicate = people * model::replicate_bytes_per_person;
  const double needed = per_replicate * static_cast<double>(arms) * static_cast<double>(in_flight);
  if (needed <= static_cast<double>(available_bytes)) return {};
  const auto fitting = static_cast<std::size_t>(
      std::floor(static_cast<double>(available_bytes) / (per_replicate * static_cast<double>(arms))));
  std::string advice;
  if (fitting >= 1) {
    advice = "expected at most --threads " + std::to_string(fitting) +
             " (use --threads-per-replicate to speed up each replicate instead)";
  } else {
    advice =
        "expected a smaller city.simulated_pool_share (the share of the city pool simulated) or a machine "
        "with more memory";
  }
  return "hsim " + command + ": error: " + file + ": about " + std::to_string(static_cast<long long>(people)) +
         " simulated people a replicate need about " + size_text(needed) + " for " + std::to_string(in_flight) +
         " replicates of " + std::to_string(arms) + " arms in flight, and this machine has " +
         size_text(static_cast<double>(available_bytes)) + " available; " + advice;
}

}  // namespace

bool memory_allows(const std::string& command, const std::string& file, const model::CityParameters& parameters,
                   std::size_t arms, std::size_t in_flight) {
  const MemoryBudget budget = memory_budget(command);
  const std::string problem = budget.problem.empty()
                                  ? memory_problem(command, file, parameters, arms, in_flight, budget.bytes)
                                  : budget.problem;
  if (problem.empty()) return true;
  std::cerr << problem << '\n';
  return false;
}

}  // namespace hsim::cli
