#include "sim/output/manifest.hpp"

#include <CLI/Version.hpp>
#include <Eigen/Core>
#include <boost/version.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <oneapi/tbb/version.h>
#include <stdexcept>

namespace hsim::output {

namespace {
#define HSIM_STRINGIFY_DETAIL(x) #x
#define HSIM_STRINGIFY(x) HSIM_STRINGIFY_DETAIL(x)
}  // namespace

std::vector<std::pair<std::string, std::string>> library_versions() {
  return {
      {"hsim", HSIM_VERSION},
      {"compiler", __VERSION__},
      {"boost", std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) + "." +
                    std::to_string(BOOST_VERSION % 100)},
      {"eigen", HSIM_STRINGIFY(EIGEN_WORLD_VERSION) "." HSIM_STRINGIFY(EIGEN_MAJOR_VERSION) "." HSIM_STRINGIFY(
                    EIGEN_MINOR_VERSION)},
      {"onetbb", TBB_VERSION_STRING},
      {"yaml-cpp", HSIM_YAML_CPP_VERSION},
      {"cli11", CLI11_VERSION},
      {"nlohmann-json", HSIM_STRINGIFY(NLOHMANN_JSON_VERSION_MAJOR) "." HSIM_STRINGIFY(
                            NLOHMANN_JSON_VERSION_MINOR) "." HSIM_STRINGIFY(NLOHMANN_JSON_VERSION_PATCH)},
      {"random123", "Philox4x64-10"},
  };
}

void write_manifest(const std::filesystem::path& file, const Manifest& manifest) {
  nlohmann::ordered_json json;
  json["hsim_version"] = HSIM_VERSION;
  json["command_line"] = manifest.command_line;
  json["scenario_files"] = manifest.scenario_files;
  json["overrides"] = manifest.overrides;
  json["policies"] = manifest.policies;
  json["seed"] = manifest.seed;
  json["replicates"] = manifest.replicates;
  nlohmann::ordered_json libraries;
  for (const auto& [name, version] : library_versions()) libraries[name] = version;
  json["libraries"] = libraries;
  json["resolved_scenario"] = manifest.resolved_scenario_yaml;
  std::ofstream out(file);
  out << json.dump(2) << '\n';
  if (!out) throw std::runtime_error("could not write " + file.string());
}

}  // namespace hsim::output
