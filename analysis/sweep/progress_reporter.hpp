#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace hsim::analysis::sweep {

enum class ProgressStyle { quiet, bar, lines };

// The style for stderr: nothing when quiet, a redrawn bar on a terminal, otherwise a line now and
// then (logs and batch jobs).
ProgressStyle progress_style_for_stderr(bool quiet);

// Reports evaluations done out of a total, with rate and estimated time left. Only timing, never
// results, depends on the clock.
class ProgressReporter {
 public:
  ProgressReporter(std::ostream& out, ProgressStyle style, std::string label, std::uint64_t total,
                   std::uint64_t already_done);
  void update(std::uint64_t done);
  void finish();

 private:
  void draw(bool final_report);

  std::ostream& out_;
  ProgressStyle style_;
  std::string label_;
  std::uint64_t total_;
  std::uint64_t start_done_;
  std::uint64_t done_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

std::string format_duration(double seconds);

}  // namespace hsim::analysis::sweep
