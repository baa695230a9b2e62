#include "analysis/sweep/progress_reporter.hpp"

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace hsim::analysis::sweep {

namespace {
constexpr auto bar_interval = std::chrono::milliseconds(100);
constexpr auto line_interval = std::chrono::seconds(5);
constexpr int bar_width = 30;
}  // namespace

ProgressStyle progress_style_for_stderr(bool quiet) {
  if (quiet) return ProgressStyle::quiet;
  return ::isatty(STDERR_FILENO) != 0 ? ProgressStyle::bar : ProgressStyle::lines;
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto total = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%lldh%02lldm", total / 3600, total / 60 % 60);
  } else if (total >= 60) {
    std::snprintf(text, sizeof text, "%lldm%02llds", total / 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%llds", total);
  }
  return text;
}

ProgressReporter::ProgressReporter(std::ostream& out, ProgressStyle style, std::string label, std::uint64_t total,
                                   std::uint64_t already_done)
    : out_(out),
      style_(style),
      label_(std::move(label)),
      total_(total),
      start_done_(already_done),
      done_(already_done),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  if (style_ == ProgressStyle::lines && already_done > 0) {
    out_ << label_ << ": resuming with " << already_done << " of " << total_ << " evaluations already done\n";
  }
}

void ProgressReporter::update(std::uint64_t done) {
  done_ = done;
  if (style_ == ProgressStyle::quiet) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < (style_ == ProgressStyle::bar ? bar_interval : line_interval)) return;
  last_draw_ = now;
  draw(false);
}

void ProgressReporter::finish() {
  if (style_ == ProgressStyle::quiet) return;
  draw(true);
}

void ProgressReporter::draw(bool final_report) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const auto fresh = static_cast<double>(done_ - start_done_);
  const double rate = elapsed > 0 ? fresh / elapsed : 0.0;
  const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : NAN;
  const double fraction = total_ > 0 ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0;
  char numbers[160];
  std::snprintf(numbers, sizeof numbers, "%llu/%llu %5.1f%% %.1f eval/s", static_cast<unsigned long long>(done_),
                static_cast<unsigned long long>(total_), 100.0 * fraction, rate);
  if (style_ == ProgressStyle::bar) {
    const int filled = static_cast<int>(fraction * bar_width);
    out_ << '\r' << label_ << " [" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(bar_width - filled), '.') << "] " << numbers;
    if (final_report) {
      out_ << " in " << format_duration(elapsed) << '\n';
    } else {
      out_ << " ETA " << format_duration(left) << "   ";
    }
  } else {
    out_ << label_ << ": " << numbers
         << (final_report ? " done in " + format_duration(elapsed) : ", about " + format_duration(left) + " left")
         << '\n';
  }
  out_.flush();
}

}  // namespace hsim::analysis::sweep
