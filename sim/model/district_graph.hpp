#pragma once

// City districts as a Boost.Graph, and the drug-scene intensity each district feels once spill-over
// from its neighbours is added.

#include <boost/graph/adjacency_list.hpp>

#include <string_view>
#include <vector>

#include "sim/model/parameters.hpp"

namespace hsim::model {

using DistrictGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Vertices are district indices in neighbourhoods.districts order; edges from neighbourhoods.adjacency.
[[nodiscard]] DistrictGraph build_district_graph(const NeighbourhoodParameters& neighbourhoods);

// own intensity + spillover_share * sum of adjacent districts' intensities, capped at 1.
[[nodiscard]] std::vector<double> effective_drug_scene_intensity(const NeighbourhoodParameters& neighbourhoods,
                                                                 const DistrictGraph& graph);

// Index of the district called `name`, or -1.
[[nodiscard]] int district_index(const NeighbourhoodParameters& neighbourhoods, std::string_view name);

}  // namespace hsim::model
