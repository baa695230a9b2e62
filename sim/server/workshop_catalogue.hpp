#pragma once

// What the workshop page offers: the city scenarios and teaching scenarios a group may pick (by name,
// never by path) and the levers it may move, each described from the scenario key registry.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hsim::server {

struct CatalogueScenario {
  std::string name;  // what clients send
  std::filesystem::path file;
  std::string description;
  bool teaching = false;
};

// A lever is an amount added to the scenario's value (every year of a by-year map), within a range.
struct Lever {
  std::string path;
  std::string label_en;
  std::string label_nb;
  double minimum_change = 0.0;
  double maximum_change = 0.0;
  double step = 1.0;
};

const std::vector<Lever>& workshop_levers();
const Lever* find_lever(const std::string& path);

// The city scenarios (scenarios/*.yaml that are not fragments) and scenarios/teaching/*.yaml, sorted.
std::vector<CatalogueScenario> list_scenarios(const std::filesystem::path& scenario_folder);

// The catalogue as JSON for GET /api/scenarios: scenarios, levers with unit, range, source or
// assumption and each scenario's current value, and the policies.
std::string catalogue_json(const std::vector<CatalogueScenario>& scenarios);

}  // namespace hsim::server
