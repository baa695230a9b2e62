#include "sim/scenario/key_registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/scenario/keys/section_keys.hpp"
#include "sim/scenario/source_citation.hpp"

namespace hsim::scenario {

void KeyRegistry::add(KeyDeclaration declaration) {
  KeySpec spec = std::move(declaration).take();
  const std::string& path = spec.path;
  if (index_.count(path) != 0) throw std::logic_error("scenario key declared twice: " + path);
  if (children_.count(path) != 0) throw std::logic_error("scenario key is also a section: " + path);
  if (spec.description.empty()) throw std::logic_error("scenario key without a description: " + path);
  if (spec.source.empty() && spec.assumption.empty()) {
    throw std::logic_error("scenario key with neither source nor assumption: " + path);
  }
  if (!spec.source.empty()) {
    if (const auto problem = citation_problem(spec.source)) {
      throw std::logic_error("scenario key " + path + " has a bad source: " + *problem);
    }
  }
  for (const auto& choice : spec.choices) {
    if (choice.description.empty())
      throw std::logic_error("scenario key " + path + ": undescribed name " + choice.name);
  }
  std::string section;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    const std::string child = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    auto& siblings = children_[section];
    if (std::find(siblings.begin(), siblings.end(), child) == siblings.end()) siblings.push_back(child);
    if (dot == std::string::npos) break;
    section = path.substr(0, dot);
    if (index_.count(section) != 0) throw std::logic_error("scenario section is also a key: " + section);
    start = dot + 1;
  }
  index_.emplace(path, keys_.size());
  keys_.push_back(std::move(spec));
}

const KeySpec* KeyRegistry::find(const std::string& path) const {
  const auto it = index_.find(path);
  return it == index_.end() ? nullptr : &keys_[it->second];
}

bool KeyRegistry::is_section(const std::string& path) const {
  return children_.count(path) != 0;
}

std::vector<std::string> KeyRegistry::children(const std::string& section) const {
  const auto it = children_.find(section);
  return it == children_.end() ? std::vector<std::string>{} : it->second;
}

const KeyRegistry& scenario_keys() {
  static const KeyRegistry registry = [] {
    KeyRegistry keys;
    keys::declare_window_keys(keys);
    keys::declare_policy_keys(keys);
    keys::declare_population_keys(keys);
    keys::declare_city_keys(keys);
    keys::declare_housing_keys(keys);
    keys::declare_neighbourhoods_keys(keys);
    keys::declare_teams_keys(keys);
    keys::declare_welfare_keys(keys);
    keys::declare_staircase_keys(keys);
    keys::declare_behaviour_keys(keys);
    keys::declare_service_use_keys(keys);
    keys::declare_costs_keys(keys);
    return keys;
  }();
  return registry;
}

}  // namespace hsim::scenario
