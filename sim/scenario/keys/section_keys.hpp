#pragma once

// One declaration function per scenario section; each lives in keys/<section>_keys.cpp.

namespace hsim::scenario {
class KeyRegistry;
}

namespace hsim::scenario::keys {

void declare_window_keys(KeyRegistry& keys);
void declare_policy_keys(KeyRegistry& keys);
void declare_population_keys(KeyRegistry& keys);
void declare_city_keys(KeyRegistry& keys);
void declare_housing_keys(KeyRegistry& keys);
void declare_neighbourhoods_keys(KeyRegistry& keys);
void declare_teams_keys(KeyRegistry& keys);
void declare_welfare_keys(KeyRegistry& keys);
void declare_staircase_keys(KeyRegistry& keys);
void declare_behaviour_keys(KeyRegistry& keys);
void declare_service_use_keys(KeyRegistry& keys);
void declare_costs_keys(KeyRegistry& keys);

}  // namespace hsim::scenario::keys
