#include "sim/model/severity.hpp"

namespace hsim::model {

Eigen::Matrix3d generator_matrix(const SeverityChain& chain) {
  Eigen::Matrix3d q = Eigen::Matrix3d::Zero();
  q(0, 1) = chain.worsen_low_to_medium_per_year;
  q(1, 2) = chain.worsen_medium_to_high_per_year;
  q(1, 0) = chain.improve_medium_to_low_per_year;
  q(2, 1) = chain.improve_high_to_medium_per_year;
  for (int i = 0; i < severity_levels; ++i) q(i, i) = -q.row(i).sum();
  return q;
}

Eigen::Vector3d stationary_distribution(const SeverityChain& chain) {
  // Solve Q^T pi = 0 with one balance equation replaced by sum(pi) = 1.
  Eigen::Matrix3d a = generator_matrix(chain).transpose();
  a.row(severity_levels - 1).setOnes();
  Eigen::Vector3d b = Eigen::Vector3d::Zero();
  b(severity_levels - 1) = 1.0;
  return a.fullPivLu().solve(b);
}

double leaving_rate_per_year(const SeverityChain& chain, int level) {
  switch (level) {
    case 0:
      return chain.worsen_low_to_medium_per_year;
    case 1:
      return chain.worsen_medium_to_high_per_year + chain.improve_medium_to_low_per_year;
    default:
      return chain.improve_high_to_medium_per_year;
  }
}

double worsening_rate_per_year(const SeverityChain& chain, int level) {
  switch (level) {
    case 0:
      return chain.worsen_low_to_medium_per_year;
    case 1:
      return chain.worsen_medium_to_high_per_year;
    default:
      return 0.0;
  }
}

}  // namespace hsim::model
