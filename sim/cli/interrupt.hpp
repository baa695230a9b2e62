#pragma once

// SIGINT and SIGTERM ask a run to stop: no further replicate starts, the staging folder is removed as
// the run unwinds, and hsim exits 130 or 143. A second signal ends the process at once.

#include <atomic>

namespace hsim::cli {

void install_interrupt_handlers();
const std::atomic<bool>* interrupt_flag();
// 128 + the signal that asked to stop (130 for SIGINT, 143 for SIGTERM).
int interrupted_exit_code();

}  // namespace hsim::cli
