#pragma once

#include <cmath>
#include <cstddef>

namespace hsim::analysis {

// Mean and variance accumulated one value at a time (Welford), so an ensemble's memory does not grow
// with its replicate count. Adding the same values in the same order gives the same bits.
class RunningStatistics {
 public:
  void add(double value) {
    ++count_;
    const double delta = value - mean_;
    mean_ += delta / static_cast<double>(count_);
    sum_squared_deviations_ += delta * (value - mean_);
  }

  [[nodiscard]] std::size_t count() const noexcept { return count_; }
  [[nodiscard]] double mean() const noexcept { return mean_; }
  // Sample variance (n - 1 in the denominator); 0 with fewer than two values.
  [[nodiscard]] double variance() const noexcept {
    return count_ > 1 ? sum_squared_deviations_ / static_cast<double>(count_ - 1) : 0.0;
  }
  [[nodiscard]] double standard_error() const noexcept {
    return count_ > 0 ? std::sqrt(variance() / static_cast<double>(count_)) : 0.0;
  }

 private:
  std::size_t count_ = 0;
  double mean_ = 0.0;
  double sum_squared_deviations_ = 0.0;
};

}  // namespace hsim::analysis

namespace hsim::analysis {

// Means, variances and the covariance of paired values (x, y), accumulated one pair at a time.
class PairedStatistics {
 public:
  void add(double x, double y) {
    const double delta_x = x - x_.mean();
    x_.add(x);
    y_.add(y);
    comoment_ += delta_x * (y - y_.mean());
  }

  [[nodiscard]] const RunningStatistics& x() const noexcept { return x_; }
  [[nodiscard]] const RunningStatistics& y() const noexcept { return y_; }
  [[nodiscard]] double covariance() const noexcept {
    return x_.count() > 1 ? comoment_ / static_cast<double>(x_.count() - 1) : 0.0;
  }

 private:
  RunningStatistics x_;
  RunningStatistics y_;
  double comoment_ = 0.0;
};

}  // namespace hsim::analysis
