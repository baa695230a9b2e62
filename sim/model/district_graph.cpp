#include "sim/model/district_graph.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace hsim::model {

int district_index(const NeighbourhoodParameters& neighbourhoods, std::string_view name) {
  for (std::size_t i = 0; i < neighbourhoods.districts.size(); ++i) {
    if (neighbourhoods.districts[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

DistrictGraph build_district_graph(const NeighbourhoodParameters& neighbourhoods) {
  DistrictGraph graph(neighbourhoods.districts.size());
  for (const auto& link : neighbourhoods.adjacency) {
    const int from = district_index(neighbourhoods, link.from);
    const int to = district_index(neighbourhoods, link.to);
    if (from < 0 || to < 0) {
      throw std::invalid_argument("neighbourhoods.adjacency: unknown district in link " + link.from + " - " + link.to);
    }
    if (!boost::edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), graph).second) {
      boost::add_edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), graph);
    }
  }
  return graph;
}

std::vector<double> effective_drug_scene_intensity(const NeighbourhoodParameters& neighbourhoods,
                                                   const DistrictGraph& graph) {
  std::vector<double> intensity(neighbourhoods.districts.size());
  for (std::size_t d = 0; d < intensity.size(); ++d) {
    double spill = 0.0;
    for (auto [it, end] = boost::adjacent_vertices(d, graph); it != end; ++it) {
      spill += neighbourhoods.districts[*it].drug_scene_intensity;
    }
    intensity[d] = std::min(
        1.0, neighbourhoods.districts[d].drug_scene_intensity + neighbourhoods.drug_scene_spillover_share * spill);
  }
  return intensity;
}

}  // namespace hsim::model
