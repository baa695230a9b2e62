#include "analysis/design/latin_hypercube.hpp"

#include <stdexcept>

#include "analysis/design/stream_purposes.hpp"
#include "sim/engine/distributions.hpp"
#include "sim/engine/random_stream.hpp"

namespace hsim::analysis::design {
namespace {
constexpr unsigned feistel_rounds = 4;
}  // namespace

KeyedPermutation::KeyedPermutation(std::uint64_t n, std::uint64_t seed, std::uint64_t stream)
    : n_(n), seed_(seed), stream_(stream), half_bits_(1) {
  if (n_ == 0) throw std::invalid_argument("keyed permutation of an empty range");
  while (half_bits_ < 32 && (std::uint64_t{1} << (2 * half_bits_)) < n_) ++half_bits_;
}

std::uint64_t KeyedPermutation::network(std::uint64_t value) const {
  const std::uint64_t mask = (std::uint64_t{1} << half_bits_) - 1;
  std::uint64_t left = value >> half_bits_;
  std::uint64_t right = value & mask;
  for (unsigned round = 0; round < feistel_rounds; ++round) {
    engine::RandomStream stream(
        engine::StreamKey{seed_, stream_, round, purpose_word(StreamPurpose::latin_permutation)}, right);
    const std::uint64_t mixed = (left ^ stream.next_u64()) & mask;
    left = right;
    right = mixed;
  }
  return (left << half_bits_) | right;
}

std::uint64_t KeyedPermutation::operator()(std::uint64_t index) const {
  if (index >= n_) throw std::out_of_range("keyed permutation: index out of range");
  std::uint64_t value = network(index);
  while (value >= n_) value = network(value);
  return value;
}

LatinHypercubeDesign::LatinHypercubeDesign(std::vector<Parameter> parameters, std::uint64_t points, std::uint64_t seed)
    : parameters_(std::move(parameters)), points_(points), seed_(seed) {
  if (points_ == 0) throw std::invalid_argument("Latin hypercube with no points");
  for (std::size_t d = 0; d < parameters_.size(); ++d) permutations_.emplace_back(points_, seed_, d);
}

std::vector<double> LatinHypercubeDesign::unit_point(std::uint64_t index) const {
  engine::RandomStream jitter(engine::StreamKey{seed_, 0, index, purpose_word(StreamPurpose::latin_jitter)});
  std::vector<double> unit(parameters_.size());
  const auto n = static_cast<double>(points_);
  for (std::size_t d = 0; d < parameters_.size(); ++d) {
    const auto stratum = static_cast<double>(permutations_[d](index));
    unit[d] = (stratum + engine::uniform01(jitter)) / n;
  }
  return unit;
}

std::vector<double> LatinHypercubeDesign::point(std::uint64_t index) const {
  return map_unit_point(parameters_, unit_point(index));
}

}  // namespace hsim::analysis::design
