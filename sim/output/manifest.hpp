#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hsim::output {

// What a run folder's manifest.json records, so the run can be repeated and audited.
struct Manifest {
  std::string command_line;
  std::vector<std::string> scenario_files;
  std::vector<std::string> overrides;
  std::string resolved_scenario_yaml;
  std::vector<std::string> policies;
  std::uint64_t seed = 0;
  std::uint64_t replicates = 0;
};

// The library versions hsim was built with, as name -> version.
std::vector<std::pair<std::string, std::string>> library_versions();

void write_manifest(const std::filesystem::path& file, const Manifest& manifest);

}  // namespace hsim::output
