#include "analysis/confidence_interval.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "analysis/running_statistics.hpp"
#include "sim/engine/distributions.hpp"

using hsim::analysis::mean_interval;
using hsim::analysis::PairedStatistics;
using hsim::analysis::RunningStatistics;

TEST_CASE("running statistics match the two-pass formulas", "[unit][analysis]") {
  const std::vector<double> values{2.5, -1.0, 7.25, 3.0, 3.0, 10.5};
  RunningStatistics statistics;
  for (double v : values) statistics.add(v);
  double mean = 0.0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  CHECK(statistics.mean() == Approx(mean).epsilon(1e-14));
  CHECK(statistics.variance() == Approx(squares / 5.0).epsilon(1e-14));
}

TEST_CASE("the t interval of 1..5 uses t(0.975, 4) = 2.776445 from the tables", "[unit][analysis]") {
  RunningStatistics statistics;
  for (double v : {1.0, 2.0, 3.0, 4.0, 5.0}) statistics.add(v);
  const auto interval = mean_interval(statistics);
  const double half_width = 2.776445 * std::sqrt(2.5 / 5.0);
  CHECK(interval.mean == 3.0);
  CHECK(interval.low == Approx(3.0 - half_width).epsilon(1e-6));
  CHECK(interval.high == Approx(3.0 + half_width).epsilon(1e-6));
  CHECK(interval.replicates == 5);
}

TEST_CASE("one replicate gives a zero-width interval rather than a made-up one", "[unit][analysis]") {
  RunningStatistics statistics;
  statistics.add(4.0);
  const auto interval = mean_interval(statistics);
  CHECK(interval.low == 4.0);
  CHECK(interval.high == 4.0);
}

TEST_CASE("95% t intervals cover the true mean 95% of the time", "[statistical][analysis]") {
  // 4,000 intervals of 8 normal draws: coverage has standard error sqrt(0.95 * 0.05 / 4000) = 0.0034;
  // allow 4 standard errors.
  hsim::engine::RandomStream stream(hsim::engine::StreamKey{5, 0, 0, 0});
  constexpr int trials = 4000;
  int covered = 0;
  for (int trial = 0; trial < trials; ++trial) {
    RunningStatistics statistics;
    for (int i = 0; i < 8; ++i) statistics.add(hsim::engine::normal(stream, 10.0, 3.0));
    const auto interval = mean_interval(statistics);
    if (interval.low <= 10.0 && 10.0 <= interval.high) ++covered;
  }
  const double coverage = static_cast<double>(covered) / trials;
  CHECK(std::abs(coverage - 0.95) < 4.0 * std::sqrt(0.95 * 0.05 / trials));
}

TEST_CASE("paired statistics give the sample covariance, and an exact ratio has no spread", "[unit][analysis]") {
  PairedStatistics pairs;
  const std::vector<double> xs{1.0, 4.0, 2.0, 8.0};
  for (double x : xs) pairs.add(2.0 * x, x);
  CHECK(pairs.covariance() == Approx(2.0 * pairs.y().variance()).epsilon(1e-12));
  const auto ratio = hsim::analysis::ratio_interval(pairs.x(), pairs.y(), pairs.covariance());
  CHECK(ratio.mean == Approx(2.0));
  CHECK(ratio.high - ratio.low == Approx(0.0).margin(1e-9));
}

TEST_CASE("a share's interval is cut to the range a share can take", "[unit][analysis]") {
  hsim::analysis::RunningStatistics statistics;
  for (double share : {0.0, 0.1, 0.0}) statistics.add(share);  // mean 0.033, t interval reaches below 0
  const auto raw = mean_interval(statistics);
  REQUIRE(raw.low < 0.0);
  const auto cut = hsim::analysis::truncated(raw, 0.0, 1.0);
  CHECK(cut.low == 0.0);
  CHECK(cut.high == raw.high);
  CHECK(cut.mean == raw.mean);
}
