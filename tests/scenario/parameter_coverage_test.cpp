// Every field of model::CityParameters has a scenario key: for each parameter struct, the number of
// its fields (counted by aggregate initialisation) equals the number of names declared directly
// below its YAML path. A field added to sim/model/parameters.hpp without a key fails here.

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <utility>

#include "sim/model/parameters.hpp"
#include "sim/scenario/key_registry.hpp"

namespace hsim::scenario {
namespace {

struct AnyField {
  template <class T>
  operator T() const;  // only used in unevaluated contexts
};

template <class T, std::size_t... I>
constexpr bool constructible_with(std::index_sequence<I...>) {
  return requires {
    T{(static_cast<void>(I), AnyField{})...};
  };
}

template <class T, std::size_t N = 0>
constexpr std::size_t field_count() {
  if constexpr (!constructible_with<T>(std::make_index_sequence<N + 1>{})) {
    return N;
  } else {
    return field_count<T, N + 1>();
  }
}

template <class T>
void check_section(const std::string& path) {
  INFO("YAML section " << path << " (add a key for each new field of its struct)");
  CHECK(scenario_keys().children(path).size() == field_count<T>());
}

TEST_CASE("every parameter field is declared as a scenario key", "[unit][scenario]") {
  using namespace model;
  check_section<CityParameters>("");
  check_section<WindowParameters>("window");
  check_section<PolicyParameters>("policy");
  check_section<PopulationParameters>("population");
  check_section<EntryRouteShares>("population.entry_route");
  check_section<AgeParameters>("population.age");
  check_section<LevelShares>("population.substance_use_level");
  check_section<LevelShares>("population.mental_health_level");
  check_section<CitySystemParameters>("city");
  check_section<LevelShares>("city.substance_use_level");
  check_section<LevelShares>("city.mental_health_level");
  check_section<HousingParameters>("housing");
  check_section<NeighbourhoodParameters>("neighbourhoods");
  check_section<TeamParameters>("teams");
  check_section<HousingFirstTeamParameters>("teams.housing_first");
  check_section<OrdinaryFollowUpParameters>("teams.ordinary_follow_up");
  check_section<WelfareParameters>("welfare");
  check_section<StaircaseParameters>("staircase");
  check_section<BehaviourParameters>("behaviour");
  check_section<SeverityChain>("behaviour.substance_use");
  check_section<SeverityChain>("behaviour.mental_health");
  check_section<EpisodeParameters>("behaviour.episodes");
  check_section<LevelRates>("behaviour.episodes.heavy_use_by_substance_level");
  check_section<LevelRates>("behaviour.episodes.psychiatric_by_mental_health_level");
  check_section<DisturbanceParameters>("behaviour.disturbance");
  check_section<LandlordParameters>("behaviour.landlords");
  check_section<SpellParameters>("behaviour.spells");
  check_section<LevelRates>("behaviour.spells.treatment_by_substance_level");
  check_section<LevelRates>("behaviour.spells.prison_by_substance_level");
  check_section<LifeParameters>("behaviour.life");
  check_section<LevelRates>("behaviour.life.mortality_by_substance_level");
  check_section<CostParameters>("costs");
  check_section<CostItem>("costs.prison_day");
  check_section<MunicipalFlatCost>("costs.municipal_flat");
  check_section<ServiceUseParameters>("service_use");
  // A service rate is declared field by field: one key per place and per severity level.
  CHECK(scenario_keys().children("service_use.police_contacts").size() ==
        service_place_names.size() + ServiceRate{}.severity_factor.size());
  const KeySpec* districts = scenario_keys().find("neighbourhoods.districts");
  REQUIRE(districts != nullptr);
  CHECK(districts->fields.size() == field_count<DistrictParameters>());
  const KeySpec* links = scenario_keys().find("neighbourhoods.adjacency");
  REQUIRE(links != nullptr);
  CHECK(links->fields.size() == field_count<DistrictLink>());
}

TEST_CASE("the field counter counts fields", "[unit][scenario]") {
  struct Three {
    int a = 0;
    std::string b;
    model::LevelShares c;
  };
  CHECK(field_count<Three>() == 3);
  CHECK(field_count<model::LevelShares>() == 3);
  CHECK(field_count<model::CostItem>() == 3);
}

}  // namespace
}  // namespace hsim::scenario
