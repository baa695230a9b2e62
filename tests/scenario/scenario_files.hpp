#pragma once

// The committed scenario files under scenarios/. PARAMETERS.md and YAML files that are not scenarios
// (sensitivity-analysis specs and the like: no `extends`, `fragment` or scenario section at the top)
// are skipped.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "sim/scenario/key_registry.hpp"
#include "tests/scenario/test_folder.hpp"

namespace hsim::scenario::test {

inline bool looks_like_scenario(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception&) {
    return true;  // let the loader report it
  }
  if (!root.IsMap()) return true;
  std::vector<std::string> markers = scenario_keys().sections();
  markers.insert(markers.end(), {"extends", "fragment"});
  for (const auto& entry : root) {
    const auto key = entry.first.as<std::string>("");
    if (std::find(markers.begin(), markers.end(), key) != markers.end()) return true;
  }
  return false;
}

inline std::vector<std::filesystem::path> committed_scenarios() {
  std::vector<std::filesystem::path> files;
  const auto root = source_dir() / "scenarios";
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" && looks_like_scenario(entry.path())) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// City files: the four calibrated cities, which must cite every value they set.
inline bool is_city_file(const std::filesystem::path& file) {
  const auto name = file.filename().string();
  return file.parent_path() == source_dir() / "scenarios" &&
         (name == "bergen.yaml" || name == "sandnes.yaml" || name == "drammen.yaml" || name == "bodo.yaml");
}

}  // namespace hsim::scenario::test
