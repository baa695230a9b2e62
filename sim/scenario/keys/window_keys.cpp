#include "sim/scenario/key_declaration.hpp"
#include "sim/scenario/key_registry.hpp"
#include "sim/scenario/keys/section_keys.hpp"

namespace hsim::scenario::keys {

void declare_window_keys(KeyRegistry& keys) {
  keys.add(
      HSIM_SCENARIO_KEY(window.start_date)
          .required()
          .describe("First day of the programme's operating period.")
          .assumption("Each city file gives its own project start; the default is Bergen's (targets.yaml window)"));
  keys.add(HSIM_SCENARIO_KEY(window.status_date)
               .required()
               .describe("Date the outcome figures describe; the run ends here. Must be after start_date, at most "
                         "50 years later.")
               .assumption("Each city file gives the date its report describes; the default is Bergen's"));
  keys.add(HSIM_SCENARIO_KEY(window.burn_in_days)
               .at_most(3653)
               .describe("Days the city pool (shelters, temporary accommodation, waiting list) runs before start_date, "
                         "so it is near steady state when the programme opens.")
               .assumption("One year lets stays of a few months settle; longer costs run time only"));
  keys.add(HSIM_SCENARIO_KEY(window.census_interval_days)
               .above(0)
               .at_most(366)
               .describe("Interval between point-in-time counts in the city time series.")
               .assumption("Weekly counts resolve monthly reporting without bloating output"));
}

}  // namespace hsim::scenario::keys
