#pragma once

// A small city for the model tests, built in C++: two districts, a pool of a few dozen homeless
// people, twelve programme entrants over two years.

#include <cmath>
#include <cstdint>
#include <limits>

#include "sim/model/parameters.hpp"
#include "sim/model/run.hpp"

namespace hsim::model::testing {

// More than two parts of 4,096 people, so that building the people and the weekly contact count (all
// of them move in during the first week) run in parts on several threads.
inline CityParameters city_counted_in_parts() {
  CityParameters p;
  p.city.initial_homeless_count = 9000;
  p.city.homelessness_inflow_per_year = 1000.0;
  return p;
}

inline CityParameters small_city() {
  CityParameters p;
  p.window.start_date = {2014, 1, 1};
  p.window.status_date = {2015, 12, 31};
  p.window.burn_in_days = 180.0;
  p.population.intake_by_year = {{2014, 8}, {2015, 4}};
  p.city.initial_homeless_count = 40;
  p.city.homelessness_inflow_per_year = 30.0;
  p.housing.private_vacancies_for_programme_per_year = 12.0;
  p.housing.municipal_vacancies_per_year = 20.0;
  p.housing.municipal_flats_reserved_for_programme_per_year = 3.0;
  p.housing.private_landlords = 10;
  p.neighbourhoods.districts = {
      {"inner", 0.8, 0.6, 500, 60, true},
      {"outer", 1.2, 0.1, 800, 40, true},
  };
  p.neighbourhoods.adjacency = {{"inner", "outer"}};
  p.teams.housing_first.fte_by_year = {{2014, 3.0}, {2015, 3.0}};
  p.teams.ordinary_follow_up.fte = 1.0;
  p.staircase.shelter_places = 10;
  p.staircase.temporary_accommodation_places = 15;
  p.staircase.training_flat_places = 6;
  return p;
}

inline bool same_value(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

inline double mean_metric(const CityParameters& parameters, PolicyName policy, Metric metric, std::uint64_t seeds) {
  double sum = 0.0;
  double count = 0.0;
  for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
    const double value = simulate_replicate(parameters, policy, seed, 0).summary[metric];
    if (!std::isnan(value)) {
      sum += value;
      count += 1.0;
    }
  }
  return count > 0.0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace hsim::model::testing
