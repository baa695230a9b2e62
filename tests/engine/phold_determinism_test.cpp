#include <catch2/catch.hpp>

#include "bench/phold_model.hpp"

using hsim::bench::PholdParameters;
using hsim::bench::run_phold;

namespace {

PholdParameters small_phold(unsigned threads, std::uint64_t seed = 7) {
  PholdParameters parameters;
  parameters.lps = 32;
  parameters.start_events = 16;
  parameters.remote = 0.25;
  parameters.end = 50.0;
  parameters.threads = threads;
  parameters.seed = seed;
  return parameters;
}

}  // namespace

TEST_CASE("PHOLD gives the same committed events and final-state checksum at 1, 2 and 4 threads",
          "[unit][engine][phold]") {
  const auto reference = run_phold(small_phold(1));
  CHECK(reference.stats.committed_events > 5000);
  CHECK(reference.stats.cross_lp_events > 0);
  for (unsigned threads : {1u, 2u, 4u}) {
    for (int repeat = 0; repeat < 2; ++repeat) {
      const auto result = run_phold(small_phold(threads));
      CHECK(result.stats.committed_events == reference.stats.committed_events);
      CHECK(result.stats.cross_lp_events == reference.stats.cross_lp_events);
      CHECK(result.checksum == reference.checksum);
    }
  }
}

TEST_CASE("PHOLD with another seed gives another history", "[unit][engine][phold]") {
  CHECK(run_phold(small_phold(1, 7)).checksum != run_phold(small_phold(1, 8)).checksum);
}

TEST_CASE("PHOLD commits about lps * start_events * end / (lookahead + mean) events", "[statistical][engine][phold]") {
  // Each event slot turns over once per lookahead + Exp(mean) days: a renewal process, so the
  // count over [0, end] is close to its mean. With 512 independent slots of about 25 renewals
  // each (variance of a renewal count ~ t sigma^2 / mu^3 = 50 * 1 / 8 per slot), the relative
  // standard error is about 0.7%; allow 5 standard errors.
  const auto result = run_phold(small_phold(1));
  const double slots = 32.0 * 16.0;
  const double per_slot_mean = 50.0 / 2.0;
  const double per_slot_sd = std::sqrt(50.0 * 1.0 / 8.0);
  const double expected = slots * per_slot_mean;
  const double standard_error = std::sqrt(slots) * per_slot_sd;
  CHECK(std::abs(static_cast<double>(result.stats.committed_events) - expected) < 5.0 * standard_error + slots);
}
