#pragma once

// Our own distribution functions: std:: distributions give different values on different standard
// libraries, so results would not reproduce across machines. Each function consumes a documented
// number of draws (or a loop of them, for rejection samplers).

#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <span>
#include <stdexcept>

#include "sim/engine/random_stream.hpp"

namespace hsim::engine {

namespace detail {
__extension__ typedef unsigned __int128 Uint128;  // NOLINT(modernize-use-using)
}  // namespace detail

// Anything that hands out raw 64-bit draws: a RandomStream, or a BoundStream over a compact position.
template <typename Stream>
concept DrawSource = requires(Stream& stream) {
  { stream.next_u64() } -> std::same_as<std::uint64_t>;
};

// Uniform on [0, 1), 53 random bits. One draw.
inline double uniform01(DrawSource auto&& stream) {
  return static_cast<double>(stream.next_u64() >> 11) * 0x1.0p-53;
}

// Uniform on (0, 1): never 0, so safe under log. One draw.
inline double uniform_open01(DrawSource auto&& stream) {
  return (static_cast<double>(stream.next_u64() >> 11) + 0.5) * 0x1.0p-53;
}

// Uniform on [low, high). One draw.
inline double uniform(DrawSource auto&& stream, double low, double high) {
  return low + (high - low) * uniform01(stream);
}

// Unbiased integer in [0, n), n > 0 (Lemire's multiply-and-reject). Usually one draw.
inline std::uint64_t uniform_index(DrawSource auto&& stream, std::uint64_t n) {
  detail::Uint128 product = static_cast<detail::Uint128>(stream.next_u64()) * n;
  auto low = static_cast<std::uint64_t>(product);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      product = static_cast<detail::Uint128>(stream.next_u64()) * n;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::uint64_t>(product >> 64);
}

// True with probability p. One draw.
inline bool bernoulli(DrawSource auto&& stream, double p) {
  return uniform01(stream) < p;
}

// Exponential with the given mean (> 0). One draw.
inline double exponential(DrawSource auto&& stream, double mean) {
  return -mean * std::log(uniform_open01(stream));
}

// Normal by the Box-Muller transform, cosine branch only so each call is self-contained. Two draws.
inline double normal(DrawSource auto&& stream, double mean, double sd) {
  const double radius = std::sqrt(-2.0 * std::log(uniform_open01(stream)));
  const double angle = 2.0 * std::numbers::pi * uniform01(stream);
  return mean + sd * radius * std::cos(angle);
}

// Log-normal whose logarithm has the given mean and sd. Two draws.
inline double lognormal(DrawSource auto&& stream, double log_mean, double log_sd) {
  return std::exp(normal(stream, log_mean, log_sd));
}

// Weibull with shape k and scale lambda, by inversion. One draw.
inline double weibull(DrawSource auto&& stream, double shape, double scale) {
  return scale * std::pow(-std::log(uniform_open01(stream)), 1.0 / shape);
}

// Gamma with shape k > 0 and scale theta (Marsaglia and Tsang 2000; shape < 1 through the
// boost U^(1/k)). A loop of draws.
inline double gamma(DrawSource auto&& stream, double shape, double scale) {
  if (shape < 1.0) {
    const double boost = std::pow(uniform_open01(stream), 1.0 / shape);
    return gamma(stream, shape + 1.0, scale) * boost;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = normal(stream, 0.0, 1.0);
    double v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const double u = uniform_open01(stream);
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v * scale;
  }
}

// Index i with probability weights[i] / sum(weights); weights non-negative, sum positive. One draw.
inline std::size_t categorical(DrawSource auto&& stream, std::span<const double> weights) {
  double total = 0.0;
  for (double w : weights) total += w;
  if (!(total > 0.0)) throw std::invalid_argument("categorical: weights must have a positive sum");
  const double target = uniform01(stream) * total;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    if (target < cumulative) return i;
  }
  for (std::size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0.0) return i;
  }
  return weights.size() - 1;
}

// Poisson count with the given mean: inversion by sequential search, fine for the small means
// a city model needs (mean below a few hundred). One draw.
inline std::uint64_t poisson(DrawSource auto&& stream, double mean) {
  const double u = uniform01(stream);
  double probability = std::exp(-mean);
  double cumulative = probability;
  std::uint64_t k = 0;
  while (u >= cumulative && probability > 0.0) {
    ++k;
    probability *= mean / static_cast<double>(k);
    cumulative += probability;
  }
  return k;
}

}  // namespace hsim::engine
