#include "sim/cli/interrupt.hpp"

#include <csignal>

namespace hsim::cli {

namespace {

std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};

extern "C" void request_stop(int signal) {
  stop_signal.store(signal);
  stop_requested.store(true);
  std::signal(signal, SIG_DFL);  // a second signal ends the process
}

}  // namespace

void install_interrupt_handlers() {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
}

const std::atomic<bool>* interrupt_flag() {
  return &stop_requested;
}

int interrupted_exit_code() {
  return 128 + stop_signal.load();
}

}  // namespace hsim::cli
