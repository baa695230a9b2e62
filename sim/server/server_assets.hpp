#pragma once

// The workshop page: web/workshop.html with web/workshop.js, web/workshop.css and the report's front
// end (Chart.js, web/report.js, web/report.css) inlined, so the page needs nothing from the network.

#include <string>

namespace hsim::server {

const std::string& workshop_page();

}  // namespace hsim::server
