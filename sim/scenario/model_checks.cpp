#include "sim/scenario/model_checks.hpp"

#include "sim/model/parameter_checks.hpp"

namespace hsim::scenario {
namespace {

// "neighbourhoods.districts[2].name" -> "neighbourhoods.districts.2.name".
std::string dotted(std::string path) {
  std::string out;
  for (const char c : path) {
    if (c == '[') {
      out += '.';
    } else if (c != ']') {
      out += c;
    }
  }
  return out;
}

bool starts_with_path(const std::string& path, const std::string& prefix) {
  return path == prefix ||
         (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 && path[prefix.size()] == '.');
}

// The position of the value a problem names: the key itself or one of its parts, or for a section
// the first value written under it.
Origin origin_for(const std::string& path, const std::vector<ResolvedValue>& values) {
  for (const auto& value : values) {
    if (!starts_with_path(path, value.path)) continue;
    if (path == value.path) return value.origin;
    const auto part = value.part_origins.find(path.substr(value.path.size() + 1));
    return part == value.part_origins.end() ? value.origin : part->second;
  }
  const ResolvedValue* first_default = nullptr;
  for (const auto& value : values) {
    if (!starts_with_path(value.path, path)) continue;
    if (value.origin_kind != ValueOrigin::default_value) return value.origin;
    if (first_default == nullptr) first_default = &value;
  }
  return first_default != nullptr ? first_default->origin : Origin{"default", 0, 0};
}

}  // namespace

void check_with_model(const model::CityParameters& parameters, const std::vector<ResolvedValue>& values,
                      Diagnostics& diagnostics) {
  for (const auto& problem : model::check_parameters(parameters)) {
    const std::string path = dotted(problem.key_path);
    diagnostics.add(origin_for(path, values), path, "the model rejects this value: " + problem.message);
  }
}

}  // namespace hsim::scenario
