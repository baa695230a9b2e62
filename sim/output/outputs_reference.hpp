#pragma once

#include <string>

namespace hsim::output {

// docs/outputs.md: every run-folder file with its columns, and every summary metric with its
// formula, generated from the table schemas and the metric declarations.
std::string outputs_reference_markdown();

}  // namespace hsim::output
