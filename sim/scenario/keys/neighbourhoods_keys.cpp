#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_neighbourhoods_keys(KeyRegistry& keys) {
  using model::DistrictLink;
  using model::DistrictParameters;
  std::vector<RecordField<DistrictParameters>> district_fields{
      record_field("name", &DistrictParameters::name, "Name of the district, unique in the city.").required(),
      record_field("complaint_tolerance", &DistrictParameters::complaint_tolerance,
                   "Multiplies neighbours' tolerance: above 1 complains less, below 1 more (001:1636-1639).")
          .range(0, 100),
      record_field("drug_scene_intensity", &DistrictParameters::drug_scene_intensity,
                   "0 none to 1 an open drug scene (001:1593-1594; 001:2360-2372).")
          .range(0, 1),
      record_field("private_units", &DistrictParameters::private_units, "Private rental flats in the district."),
      record_field("municipal_units", &DistrictParameters::municipal_units, "Municipal rental flats in the district."),
      record_field("covered_by_programme", &DistrictParameters::covered_by_programme,
                   "Whether the HF team places participants here (001:1070-1071)."),
  };
  keys.add(make_record_list_key(
               "neighbourhoods.districts", [](auto& p) -> auto& { return p.neighbourhoods.districts; }, district_fields)
               .describe("The city's districts (nodes of the neighbourhood graph), with tolerance, drug scene and "
                         "housing stock; names must be unique.")
               .assumption("Four generic districts; city files describe their own (Bergen: HF covered 2 of 8, "
                           "001:1070-1071)"));
  std::vector<RecordField<DistrictLink>> link_fields{
      record_field("from", &DistrictLink::from, "Name of one district.").required(),
      record_field("to", &DistrictLink::to, "Name of the adjacent district.").required(),
  };
  keys.add(make_record_list_key(
               "neighbourhoods.adjacency", [](auto& p) -> auto& { return p.neighbourhoods.adjacency; }, link_fields)
               .describe("Adjacent districts (undirected edges); both ends must name districts.")
               .assumption("Drug scenes spill over into neighbouring areas (001:2360-2372); the map is generic"));
  keys.add(HSIM_SCENARIO_KEY(neighbourhoods.clustering_penalty_share)
               .describe("Each extra programme tenant already in a district raises complaint odds by this share "
                         "(against scattered-site housing).")
               .assumption("Scattered housing is an HF principle (001:1593-1594); the size of the effect is "
                           "calibrated"));
  keys.add(HSIM_SCENARIO_KEY(neighbourhoods.drug_scene_spillover_share)
               .describe("Share of an adjacent district's drug-scene intensity that spills over.")
               .assumption("Not measured; a minority of the neighbour's intensity"));
  keys.add(HSIM_SCENARIO_KEY(neighbourhoods.municipal_tenant_tolerance_factor)
               .above(0)
               .at_most(100)
               .describe("Tolerance multiplier for tenants of municipal flats: above 1 more accepting, below 1 "
                         "stigmatised.")
               .source("001:1636-1639; 001:1656-1659"));
}

}  // namespace hsim::scenario::keys
