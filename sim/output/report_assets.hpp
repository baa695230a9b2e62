#pragma once

// The front end the HTML report inlines: Chart.js (Debian's libjs-chart.js) and web/report.js and
// web/report.css, compiled in so that a report opens from disk with no network and no other files.

namespace hsim::output {

const char* report_chart_library();
const char* report_script();
const char* report_style();

}  // namespace hsim::output
