#include "sim/server/workshop_catalogue.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "sim/model/parameters.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/value_text.hpp"

namespace hsim::server {

const std::vector<Lever>& workshop_levers() {
  static const std::vector<Lever> levers{
      {"teams.housing_first.fte_by_year", "Housing First team members (FTE)",
       "Ansatte i Housing First-teamet (årsverk)", -2, 6, 0.5},
      {"housing.municipal_flats_reserved_for_programme_per_year", "Municipal flats for the programme per year",
       "Kommunale boliger til programmet per år", -5, 20, 1},
      {"housing.private_vacancies_for_programme_per_year", "Private flats offered to the programme per year",
       "Private boliger tilbudt programmet per år", -5, 20, 1},
      {"population.intake_by_year", "Participants taken in per year", "Deltakere tatt inn per år", -10, 30, 1},
      {"teams.housing_first.caseload_per_fte", "Participants per team member", "Deltakere per ansatt", -4, 8, 1},
  };
  return levers;
}

const Lever* find_lever(const std::string& path) {
  const auto& levers = workshop_levers();
  const auto at = std::find_if(levers.begin(), levers.end(), [&](const Lever& lever) { return lever.path == path; });
  return at == levers.end() ? nullptr : &*at;
}

std::vector<CatalogueScenario> list_scenarios(const std::filesystem::path& scenario_folder) {
  std::vector<CatalogueScenario> found;
  const auto scan = [&](const std::filesystem::path& folder, bool teaching) {
    if (!std::filesystem::is_directory(folder)) return;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".yaml" || !entry.is_regular_file()) continue;
      auto loaded = scenario::load_scenario(entry.path(), {});
      if (!loaded.ok() || loaded.scenario->fragment()) continue;
      found.push_back({entry.path().stem().string(), entry.path(), loaded.scenario->description(), teaching});
    }
  };
  scan(scenario_folder, false);
  scan(scenario_folder / "teaching", true);
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.teaching != b.teaching ? !a.teaching : a.name < b.name; });
  return found;
}

std::string catalogue_json(const std::vector<CatalogueScenario>& scenarios) {
  using nlohmann::json;
  json out;
  out["scenarios"] = json::array();
  std::vector<scenario::Scenario> loaded;
  for (const auto& entry : scenarios) {
    auto result = scenario::load_scenario(entry.file, {});
    json item{{"name", entry.name}, {"description", entry.description}, {"teaching", entry.teaching}};
    if (result.ok()) {
      item["policy"] = model::to_string(result.scenario->parameters().policy.name);
      json values = json::object();
      for (const auto& lever : workshop_levers()) {
        const auto* value = result.scenario->find(lever.path);
        if (value) values[lever.path] = scenario::value_text(value->value);
      }
      item["values"] = values;
    }
    out["scenarios"].push_back(item);
  }
  out["levers"] = json::array();
  for (const auto& lever : workshop_levers()) {
    const auto* spec = scenario::scenario_keys().find(lever.path);
    json item{{"path", lever.path},
              {"label", {{"en", lever.label_en}, {"nb", lever.label_nb}}},
              {"min", lever.minimum_change},
              {"max", lever.maximum_change},
              {"step", lever.step}};
    if (spec) {
      item["unit"] = spec->unit;
      item["range"] = spec->range.describe();
      item["description"] = spec->description;
      item["source"] = spec->source.empty() ? "assumption: " + spec->assumption : spec->source;
    }
    out["levers"].push_back(item);
  }
  out["policies"] = json::array();
  for (const auto& [policy, name] : model::policy_name_spellings) out["policies"].push_back(std::string(name));
  return out.dump();
}

}  // namespace hsim::server
