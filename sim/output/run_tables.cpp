#include "sim/output/run_tables.hpp"

#include <stdexcept>
#include <string>

namespace hsim::output {

using model::CensusRow;
using model::PersonRecord;
using model::SpellRecord;

const TableSchema& summary_schema() {
  static const TableSchema schema{
      "summary.csv",
      "One row per metric and policy, and per metric and paired policy difference, over replicates.",
      {{"metric", "Metric name (see the metric table)"},
       {"policy",
        "Arm: the policy in a policy comparison or the arm of a what-if (baseline, variant), or `b-a` for the "
        "paired difference b minus a over the same replicates"},
       {"mean", "Mean over replicates"},
       {"ci_low",
        "Lower end of the two-sided 95% Student-t interval for the mean (delta method for ratios); for shares "
        "and survival probabilities cut to [0, 1], for their differences to [-1, 1]"},
       {"ci_high", "Upper end of that interval"},
       {"reps", "Replicates the row summarises"}}};
  return schema;
}

const TableSchema& people_schema() {
  static const TableSchema schema{
      "people.csv",
      "One row per person-spell (location, tenancy, enrolment and waiting-list spells), with the person's "
      "attributes repeated on each row. Days count from window.start_date; negative days are burn-in.",
      {{"replicate", "Replicate index (0-based)"},
       {"policy", "Arm the replicate ran under (the policy, or the what-if arm)"},
       {"person", "Person id; the same id is the same person under every policy (common random numbers)"},
       {"cohort", "1 if referred to the programme (the comparison cohort under staircase), else 0"},
       {"entry_route",
        "How the person entered: street_or_friends, temporary_accommodation, treatment_discharge, "
        "prison_release, risk_of_eviction, or city_inflow for the city's homeless pool"},
       {"referral_day", "Day of referral to the programme (cohort only; NA otherwise)"},
       {"entry_day", "Day the person entered the programme (NA if never)"},
       {"age_years", "Age when entering the model"},
       {"female", "1 if female"},
       {"spell_type",
        "street_or_friends, shelter, temporary_accommodation, training_flat, own_flat, treatment, "
        "prison (location spells, never overlapping), or tenancy, housing_first_enrolment, "
        "ordinary_follow_up_enrolment, waiting_list (running alongside)"},
       {"start_day", "First day of the spell"},
       {"end_day", "Day the spell ended (end of the run when ongoing)"},
       {"end_reason",
        "Why it ended (ongoing when still open at the end of the run). A tenancy that ends the day the "
        "next one starts was left for that flat: moved_to_next_flat when the tenant chose to, "
        "eviction_notice or managed_exit when the landlord ended it"},
       {"unit", "Housing unit id for tenancy and own_flat spells, else -1"},
       {"tenure", "private_rental or municipal for tenancy and own_flat spells, else NA"},
       {"district", "District index of the unit, else -1"},
       {"flat_number", "1 for the person's first flat, 2 for the second ..., 0 when not a flat spell"}}};
  return schema;
}

const TableSchema& timeseries_schema() {
  static const TableSchema schema{
      "timeseries.csv",
      "The city at each census time of each replicate (counts of simulated people; city-pool counts are "
      "scaled to the full city by `pool_scale`).",
      {{"replicate", "Replicate index"},
       {"policy", "Arm (the policy, or the what-if arm)"},
       {"day", "Census day since window.start_date"},
       {"pool_scale", "Multiply city-pool counts by this for full scale"},
       {"homeless_point_in_time",
        "Homeless by the broad Norwegian definition: street or friends, shelter, "
        "temporary accommodation, training flat, institution stay without a tenancy"},
       {"street_or_friends", "People sleeping rough or staying with friends"},
       {"shelter", "People in a night shelter or hostel"},
       {"temporary_accommodation", "People in temporary accommodation"},
       {"training_flat", "People in a training or transitional flat"},
       {"own_flat", "People living in their own flat"},
       {"treatment", "People in inpatient treatment"},
       {"prison", "People in prison"},
       {"tenancies", "Leases held (including during short institution stays)"},
       {"waiting_list_length", "People on the municipal housing waiting list"},
       {"housing_first_caseload", "People followed by the Housing First team"},
       {"housing_first_capacity", "Caseload cap of the Housing First team at this time"},
       {"ordinary_follow_up_caseload", "People followed by ordinary housing support"},
       {"cohort_entered", "Cohort members who have entered the programme"},
       {"cohort_in_ordinary_housing", "Of those, holding a tenancy"}}};
  return schema;
}

const TableSchema& costs_schema() {
  static const TableSchema schema{
      "costs.csv",
      "Resource use between window.start_date and the status date by payer, calendar year and item, priced from "
      "the scenario's price list (docs/costs.md).",
      {{"replicate", "Replicate index"},
       {"policy", "Policy"},
       {"group",
        "cohort (the programme cohort, which summary costs cover), city_pool (the rest of the simulated city, "
        "sampled at city.simulated_pool_share) or city_places (the fixed cost of all the city's staircase places)"},
       {"year", "Calendar year of the use (uses that span 1 January are split)"},
       {"item", "Price-list item (costs.<item> in the scenario; docs/costs.md)"},
       {"payer", "municipality, state, health_trust, correctional_service or police"},
       {"quantity",
        "Amount used, in the item's unit (nights, days, FTE-years, hours, processes, months, visits, contacts, "
        "flat-years)"},
       {"amount_nok", "quantity times the unit price, NOK at costs.price_year prices, undiscounted (a budget figure)"},
       {"present_value_nok", "amount_nok discounted at costs.discount_rate_per_year to window.start_date's year"}}};
  return schema;
}

const TableSchema& replicates_schema() {
  static const TableSchema schema = [] {
    TableSchema table{"replicates.csv",
                      "One row per replicate and arm with every summary metric (the rows behind summary.csv, for "
                      "a spreadsheet or a paired analysis of your own); NA where a replicate cannot define a metric.",
                      {{"replicate", "Replicate index; the same index is the same people under every arm"},
                       {"policy", "Arm (the policy, or the what-if arm)"}}};
    for (const auto& metric : model::metric_declarations) {
      table.columns.push_back({std::string(metric.name), std::string(metric.description)});
    }
    return table;
  }();
  return schema;
}

std::vector<const TableSchema*> run_table_schemas() {
  return {&summary_schema(), &replicates_schema(), &people_schema(), &timeseries_schema(), &costs_schema()};
}

void RunTableWriter::open(Table& table, const std::filesystem::path& folder, const TableSchema& schema) {
  table.path = folder / schema.file_name;
  table.stream.open(table.path);
  if (!table.stream) throw std::runtime_error("could not create " + table.path.string());
  table.writer = std::make_unique<CsvWriter>(table.stream, schema);
}

RunTableWriter::RunTableWriter(const std::filesystem::path& folder, PeopleRows people_rows,
                               std::vector<std::string> arm_labels)
    : people_rows_(people_rows), arm_labels_(std::move(arm_labels)) {
  open(replicates_, folder, replicates_schema());
  open(people_, folder, people_schema());
  open(timeseries_, folder, timeseries_schema());
  open(costs_, folder, costs_schema());
}

namespace {

double day_or_missing(double day) {
  return day < 0.0 ? std::numeric_limits<double>::quiet_NaN() : day;
}

bool is_flat_spell(model::SpellType type) {
  return type == model::SpellType::tenancy || type == model::SpellType::own_flat;
}

}  // namespace

void RunTableWriter::on_replicate(std::size_t replicate, const std::vector<model::ReplicateResult>& results) {
  const auto rep = static_cast<std::int64_t>(replicate);
  for (std::size_t arm = 0; arm < results.size(); ++arm) {
    const auto& result = results[arm];
    const std::string_view policy =
        arm < arm_labels_.size() ? std::string_view(arm_labels_[arm]) : model::to_string(result.policy);
    std::vector<CsvCell> metrics{rep, policy};
    for (double value : result.summary.values) metrics.emplace_back(value);
    replicates_.writer->write_row(metrics);
    if (people_rows_ != PeopleRows::none) {
      for (const SpellRecord& spell : result.spells) {
        const PersonRecord& person = result.people[spell.person];
        if (people_rows_ == PeopleRows::cohort && !person.cohort) continue;
        const bool flat = is_flat_spell(spell.type);
        people_.writer->write_row({rep, policy, std::int64_t{person.id}, std::int64_t{person.cohort ? 1 : 0},
                                   model::to_string(person.entry_route), day_or_missing(person.referral_day),
                                   day_or_missing(person.entry_day), person.age_years,
                                   std::int64_t{person.female ? 1 : 0}, model::to_string(spell.type), spell.start_day,
                                   spell.end_day, model::to_string(spell.end_reason), std::int64_t{spell.unit},
                                   flat ? model::to_string(spell.tenure) : std::string_view("NA"),
                                   std::int64_t{spell.district}, std::int64_t{spell.flat_number}});
      }
    }
    for (const CensusRow& row : result.time_series) {
      timeseries_.writer->write_row({rep, policy, row.day, result.pool_scale, std::int64_t{row.homeless_point_in_time},
                                     std::int64_t{row.street_or_friends}, std::int64_t{row.shelter},
                                     std::int64_t{row.temporary_accommodation}, std::int64_t{row.training_flat},
                                     std::int64_t{row.own_flat}, std::int64_t{row.treatment}, std::int64_t{row.prison},
                                     std::int64_t{row.tenancies}, std::int64_t{row.waiting_list_length},
                                     std::int64_t{row.housing_first_caseload}, std::int64_t{row.housing_first_capacity},
                                     std::int64_t{row.ordinary_follow_up_caseload}, std::int64_t{row.cohort_entered},
                                     std::int64_t{row.cohort_in_ordinary_housing}});
    }
    for (const model::CostRecord& cost : result.costs) {
      costs_.writer->write_row({rep, policy, model::to_string(cost.group), std::int64_t{cost.year},
                                model::to_string(cost.item), model::to_string(cost.payer), cost.quantity,
                                cost.amount_nok, cost.present_value_nok});
    }
  }
}

void RunTableWriter::finish() {
  for (Table* table : {&replicates_, &people_, &timeseries_, &costs_}) {
    table->stream.flush();
    if (!table->stream) throw std::runtime_error("could not write " + table->path.string());
  }
}

void write_summary_csv(const std::filesystem::path& file, const std::vector<analysis::SummaryRow>& rows) {
  std::ofstream out(file);
  CsvWriter writer(out, summary_schema());
  for (const auto& row : rows) {
    writer.write_row({std::string_view(row.metric), std::string_view(row.policy), row.interval.mean, row.interval.low,
                      row.interval.high, static_cast<std::int64_t>(row.interval.replicates)});
  }
  out.flush();
  if (!out) throw std::runtime_error("could not write " + file.string());
}

}  // namespace hsim::output
