#include "analysis/design/sobol_sequence.hpp"

#include <stdexcept>
#include <string>

#include "analysis/design/stream_purposes.hpp"
#include "sim/engine/random_stream.hpp"

namespace hsim::analysis::design {
namespace {

struct PrimitivePolynomial {
  unsigned degree;                       // s
  unsigned coefficients;                 // a
  std::array<std::uint32_t, 8> initial;  // m_1..m_s
};

// Dimensions 2 to 32 of the direction numbers new-joe-kuo-6.21201 (columns s, a, m_i), from
// S. Joe and F. Y. Kuo, SIAM J. Sci. Comput. 30, 2635-2654 (2008). Dimension 1 has all m_i = 1.
constexpr std::array<PrimitivePolynomial, 31> joe_kuo_directions{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},
}};

constexpr unsigned bits = 32;

std::array<std::uint32_t, bits> direction_words(std::size_t dimension) {
  std::array<std::uint32_t, bits> v{};
  if (dimension == 0) {
    for (unsigned i = 1; i <= bits; ++i) v[i - 1] = std::uint32_t{1} << (bits - i);
    return v;
  }
  const PrimitivePolynomial& polynomial = joe_kuo_directions[dimension - 1];
  const unsigned s = polynomial.degree;
  // V[i] (1-based) kept in v[i - 1]; the recurrence is Joe and Kuo's.
  for (unsigned i = 1; i <= s; ++i) v[i - 1] = polynomial.initial[i - 1] << (bits - i);
  for (unsigned i = s + 1; i <= bits; ++i) {
    std::uint32_t value = v[i - s - 1] ^ (v[i - s - 1] >> s);
    for (unsigned k = 1; k + 1 <= s; ++k) {
      if (((polynomial.coefficients >> (s - 1 - k)) & 1U) != 0U) value ^= v[i - k - 1];
    }
    v[i - 1] = value;
  }
  return v;
}

}  // namespace

SobolSequence::SobolSequence(std::size_t dimensions, std::optional<std::uint64_t> shift_seed) {
  if (dimensions == 0 || dimensions > max_dimensions) {
    throw std::invalid_argument("Sobol sequence: " + std::to_string(dimensions) + " dimensions, expected 1 to " +
                                std::to_string(max_dimensions));
  }
  directions_.reserve(dimensions);
  for (std::size_t d = 0; d < dimensions; ++d) directions_.push_back(direction_words(d));
  shifts_.assign(dimensions, 0);
  if (shift_seed) {
    engine::RandomStream stream(engine::StreamKey{*shift_seed, 0, 0, purpose_word(StreamPurpose::sobol_shift)});
    for (auto& shift : shifts_) shift = static_cast<std::uint32_t>(stream.next_u64() >> 32);
  }
}

std::vector<double> SobolSequence::point(std::uint64_t index) const {
  if (index >= max_points) throw std::out_of_range("Sobol sequence: point index beyond 2^32");
  // In Gray-code order, point n is the XOR of the direction words at the set bits of gray(n).
  const std::uint64_t gray = index ^ (index >> 1);
  std::vector<double> coordinates(directions_.size());
  for (std::size_t d = 0; d < directions_.size(); ++d) {
    std::uint32_t word = shifts_[d];
    for (unsigned bit = 0; bit < bits; ++bit) {
      if (((gray >> bit) & 1U) != 0U) word ^= directions_[d][bit];
    }
    coordinates[d] = static_cast<double>(word) * 0x1.0p-32;
  }
  return coordinates;
}

SobolDesign::SobolDesign(std::vector<Parameter> parameters, std::uint64_t points,
                         std::optional<std::uint64_t> shift_seed)
    : parameters_(std::move(parameters)), points_(points), sequence_(parameters_.size(), shift_seed) {
  if (points_ > SobolSequence::max_points) throw std::invalid_argument("Sobol design: more than 2^32 points");
}

std::vector<double> SobolDesign::point(std::uint64_t index) const {
  return map_unit_point(parameters_, sequence_.point(index));
}

}  // namespace hsim::analysis::design
