#include "analysis/sensitivity/saltelli_design.hpp"

#include <stdexcept>
#include <string>

namespace hsim::analysis::sensitivity {

SaltelliDesign::SaltelliDesign(std::vector<design::Parameter> parameters, std::uint64_t base_rows, bool second_order,
                               std::optional<std::uint64_t> shift_seed)
    : parameters_(std::move(parameters)),
      k_(parameters_.size()),
      base_rows_(base_rows),
      second_order_(second_order),
      sequence_(2 * parameters_.size(), shift_seed) {
  if (k_ == 0 || k_ > max_parameters) {
    throw std::invalid_argument("Saltelli design: " + std::to_string(k_) + " parameters, expected 1 to " +
                                std::to_string(max_parameters));
  }
}

std::vector<double> SaltelliDesign::unit_point(std::uint64_t index) const {
  const std::uint64_t row = index / stride();
  const std::size_t slot = static_cast<std::size_t>(index % stride());
  const std::vector<double> both = sequence_.point(row);
  std::vector<double> a(both.begin(), both.begin() + static_cast<std::ptrdiff_t>(k_));
  std::vector<double> b(both.begin() + static_cast<std::ptrdiff_t>(k_), both.end());
  if (slot == 0) return a;
  if (slot == 1) return b;
  if (slot < k_ + 2) {
    const std::size_t column = slot - 2;
    a[column] = b[column];
    return a;
  }
  const std::size_t column = slot - k_ - 2;
  b[column] = a[column];
  return b;
}

std::vector<double> SaltelliDesign::point(std::uint64_t index) const {
  return design::map_unit_point(parameters_, unit_point(index));
}

}  // namespace hsim::analysis::sensitivity
