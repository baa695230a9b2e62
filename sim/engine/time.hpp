#pragma once

namespace hsim::engine {

// Simulation time, in days since the start of the run.
using SimTime = double;

}  // namespace hsim::engine
