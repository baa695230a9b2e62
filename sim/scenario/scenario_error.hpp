#pragma once

// Thrown by callers that prefer an exception to a LoadResult (the CLI, tools); carries every problem.

#include <stdexcept>
#include <utility>

#include "sim/scenario/diagnostics.hpp"

namespace hsim::scenario {

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(Diagnostics diagnostics)
      : std::runtime_error(diagnostics.to_string()), diagnostics_(std::move(diagnostics)) {}

  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

}  // namespace hsim::scenario
