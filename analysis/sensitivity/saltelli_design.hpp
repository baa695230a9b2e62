#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/design/design.hpp"
#include "analysis/design/parameter_space.hpp"
#include "analysis/design/sobol_sequence.hpp"

namespace hsim::analysis::sensitivity {

// Saltelli's sampling scheme for Sobol' indices. Base row j (of N) takes point j of a Sobol' sequence
// of dimension 2k: its first k coordinates are row j of matrix A, its last k row j of B. The design
// lists, for each base row in turn, the points A_j, B_j, A_B^1_j .. A_B^k_j (A with column i taken
// from B) and, for second-order indices, B_A^1_j .. B_A^k_j (B with column i from A). Keeping a base
// row's points together lets the bootstrap resample base rows.
class SaltelliDesign : public design::Design {
 public:
  static constexpr std::size_t max_parameters = design::SobolSequence::max_dimensions / 2;

  SaltelliDesign(std::vector<design::Parameter> parameters, std::uint64_t base_rows, bool second_order,
                 std::optional<std::uint64_t> shift_seed);
  [[nodiscard]] std::uint64_t size() const override { return base_rows_ * stride(); }
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const override;
  [[nodiscard]] std::vector<double> unit_point(std::uint64_t index) const;

  // Points per base row: k + 2, or 2k + 2 with second order.
  [[nodiscard]] std::size_t stride() const noexcept { return second_order_ ? 2 * k_ + 2 : k_ + 2; }
  [[nodiscard]] std::uint64_t base_rows() const noexcept { return base_rows_; }

 private:
  std::vector<design::Parameter> parameters_;
  std::size_t k_;
  std::uint64_t base_rows_;
  bool second_order_;
  design::SobolSequence sequence_;
};

}  // namespace hsim::analysis::sensitivity
