#pragma once

// A room's board in the forms it leaves the server: JSON for the page, CSV for a spreadsheet and a
// self-contained report.html (the report's front end) for the teacher to keep or mail.

#include <string>
#include <vector>

#include "sim/server/workshop_rooms.hpp"

namespace hsim::server {

struct BoardState {
  std::vector<std::string> locked;    // lever paths the groups may not move
  bool step_by_step = false;          // teaching scenarios hidden until revealed
  std::vector<std::string> revealed;  // teaching scenarios revealed so far, in order
};

std::string board_json(const std::string& code, const std::vector<BoardEntry>& entries, const BoardState& state);

// One row per run: the paired differences of the headline metrics with their intervals.
std::string board_csv(const std::vector<BoardEntry>& entries);

// The board as a report page: every run's paired difference with its interval, one forest plot per
// headline metric, and the runs in a table (group, scenario, policy, changes, replicates, seed).
std::string board_report_html(const std::string& code, const std::vector<BoardEntry>& entries);

}  // namespace hsim::server
