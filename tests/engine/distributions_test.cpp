#include "sim/engine/distributions.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <vector>

namespace engine = hsim::engine;
using engine::RandomStream;
using engine::StreamKey;

namespace {

// A sample mean must lie within k standard errors of the true mean; k = 5 gives a false-alarm
// probability below 1e-6 per check, and the seeds are fixed, so a failure means a wrong sampler.
constexpr double k_standard_errors = 5.0;
constexpr int sample_size = 200'000;

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
};

template <class Draw>
Moments sample_moments(Draw draw) {
  double sum = 0.0;
  double sum_squares = 0.0;
  for (int i = 0; i < sample_size; ++i) {
    const double x = draw();
    sum += x;
    sum_squares += x * x;
  }
  const double n = sample_size;
  const double mean = sum / n;
  return {mean, (sum_squares - n * mean * mean) / (n - 1.0)};
}

// Checks the sample mean against the true mean (standard error from the true variance) and the
// sample variance against the true variance (standard error from the true fourth central moment).
void check_moments(const Moments& sample, double mean, double variance, double fourth_central_moment) {
  const double mean_error = std::sqrt(variance / sample_size);
  CHECK(std::abs(sample.mean - mean) < k_standard_errors * mean_error);
  const double variance_error = std::sqrt((fourth_central_moment - variance * variance) / sample_size);
  CHECK(std::abs(sample.variance - variance) < k_standard_errors * variance_error);
}

}  // namespace

TEST_CASE("distribution functions give pinned first values for a fixed key", "[unit][random]") {
  RandomStream stream(StreamKey{42, 1, 7, 3});
  CHECK(engine::uniform01(stream) == 0.25562254595890821);
  CHECK(engine::exponential(stream, 2.0) == 0.45193556649926353);
  CHECK(engine::normal(stream, 1.0, 3.0) == 4.3486563303116714);
  CHECK(engine::gamma(stream, 2.5, 1.5) == 1.6367385624213835);
  CHECK(engine::weibull(stream, 1.5, 10.0) == 4.3910138176911655);
  const std::array<double, 3> weights{0.2, 0.5, 0.3};
  CHECK(engine::categorical(stream, weights) == 0);
  CHECK(engine::poisson(stream, 4.0) == 4);
  CHECK(engine::uniform_index(stream, 1000) == 934);
  CHECK(stream.position() == 11);
}

TEST_CASE("uniform01 has the moments of U(0,1)", "[statistical][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 1});
  check_moments(sample_moments([&] { return engine::uniform01(stream); }), 0.5, 1.0 / 12.0, 1.0 / 80.0);
}

TEST_CASE("exponential has mean m and variance m^2", "[statistical][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 2});
  const double m = 3.0;
  check_moments(sample_moments([&] { return engine::exponential(stream, m); }), m, m * m, 9.0 * std::pow(m, 4));
}

TEST_CASE("normal has the given mean and variance", "[statistical][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 3});
  const double sd = 2.0;
  check_moments(sample_moments([&] { return engine::normal(stream, -1.0, sd); }), -1.0, sd * sd, 3.0 * std::pow(sd, 4));
}

TEST_CASE("gamma has mean k*theta and variance k*theta^2, for shape above and below 1", "[statistical][random]") {
  for (double shape : {0.5, 2.5}) {
    RandomStream stream(StreamKey{1, 0, 0, 4});
    const double scale = 1.5;
    const double variance = shape * scale * scale;
    const double fourth = 3.0 * shape * (shape + 2.0) * std::pow(scale, 4);  // central moment
    check_moments(sample_moments([&] { return engine::gamma(stream, shape, scale); }), shape * scale, variance, fourth);
  }
}

TEST_CASE("weibull with shape 2 has the Rayleigh moments", "[statistical][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 5});
  const double scale = 4.0;
  const double pi = 3.14159265358979323846;
  const double mean = scale * std::sqrt(pi) / 2.0;
  const double variance = scale * scale * (1.0 - pi / 4.0);
  // E[(X-mu)^4] for Weibull(2, s): s^4 (2 - 3 pi^2/16 ... ) computed from raw moments.
  const double m1 = mean, m2 = scale * scale, m3 = std::pow(scale, 3) * 3.0 * std::sqrt(pi) / 4.0,
               m4 = 2.0 * std::pow(scale, 4);
  const double fourth = m4 - 4.0 * m1 * m3 + 6.0 * m1 * m1 * m2 - 3.0 * std::pow(m1, 4);
  check_moments(sample_moments([&] { return engine::weibull(stream, 2.0, scale); }), mean, variance, fourth);
}

TEST_CASE("bernoulli and poisson have their means", "[statistical][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 6});
  const double p = 0.3;
  check_moments(sample_moments([&] { return engine::bernoulli(stream, p) ? 1.0 : 0.0; }), p, p * (1 - p),
                p * (1 - p) * (1 - 3 * p + 3 * p * p));
  const double lambda = 4.0;
  check_moments(sample_moments([&] { return static_cast<double>(engine::poisson(stream, lambda)); }), lambda, lambda,
                lambda * (1.0 + 3.0 * lambda));
}

TEST_CASE("categorical and uniform_index hit each outcome in proportion", "[statistical][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 7});
  const std::array<double, 4> weights{1.0, 2.0, 3.0, 4.0};
  std::array<int, 4> categorical_counts{};
  std::array<int, 4> index_counts{};
  for (int i = 0; i < sample_size; ++i) {
    ++categorical_counts[engine::categorical(stream, weights)];
    ++index_counts[engine::uniform_index(stream, 4)];
  }
  for (std::size_t i = 0; i < 4; ++i) {
    const double p = weights[i] / 10.0;
    const double error = std::sqrt(p * (1 - p) * sample_size);
    CHECK(std::abs(categorical_counts[i] - p * sample_size) < k_standard_errors * error);
    const double error_uniform = std::sqrt(0.25 * 0.75 * sample_size);
    CHECK(std::abs(index_counts[i] - 0.25 * sample_size) < k_standard_errors * error_uniform);
  }
}

TEST_CASE("categorical rejects weights with no mass", "[unit][random]") {
  RandomStream stream(StreamKey{1, 0, 0, 8});
  const std::array<double, 2> none{0.0, 0.0};
  CHECK_THROWS_AS(engine::categorical(stream, none), std::invalid_argument);
}
