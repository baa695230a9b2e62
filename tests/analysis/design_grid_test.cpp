#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "analysis/design/grid_design.hpp"
#include "analysis/design/parameter_space.hpp"

using namespace hsim::analysis::design;

TEST_CASE("Grid size is the product of levels and lists, every combination once", "[unit][design]") {
  Parameter range;
  range.key = "teams.fte";
  range.low = 2.0;
  range.high = 6.0;  // default levels (3): 2, 4, 6
  Parameter list;
  list.key = "housing.flats";
  list.values = {10, 20};
  Parameter fine;
  fine.key = "rate";
  fine.low = 0.0;
  fine.high = 1.0;
  fine.levels = 5;
  const std::vector<Parameter> parameters{range, list, fine};
  const GridDesign grid(parameters, 3);
  REQUIRE(grid.size() == 3 * 2 * 5);
  CHECK(GridDesign::count_points(parameters, 3, 1000) == 30);
  CHECK(GridDesign::count_points(parameters, 3, 29) == 0);
  std::set<std::vector<double>> seen;
  for (std::uint64_t i = 0; i < grid.size(); ++i) seen.insert(grid.point(i));
  CHECK(seen.size() == 30);
  CHECK(grid.point(0) == std::vector<double>{2.0, 10.0, 0.0});
  CHECK(grid.point(1) == std::vector<double>{2.0, 10.0, 0.25});  // last parameter fastest
  CHECK(grid.point(29) == std::vector<double>{6.0, 20.0, 1.0});
}

TEST_CASE("Inverse CDFs map quantiles to the right values", "[unit][design]") {
  Parameter uniform;
  uniform.low = -1.0;
  uniform.high = 3.0;
  CHECK(value_at_quantile(uniform, 0.25) == Approx(0.0));

  Parameter log_uniform;
  log_uniform.distribution = Distribution::log_uniform;
  log_uniform.low = 1.0;
  log_uniform.high = 100.0;
  CHECK(value_at_quantile(log_uniform, 0.5) == Approx(10.0));
  CHECK(value_at_quantile(log_uniform, 0.0) == 1.0);
  CHECK(value_at_quantile(log_uniform, 1.0) == 100.0);

  Parameter normal;
  normal.distribution = Distribution::normal;
  normal.mean = 5.0;
  normal.sd = 2.0;
  normal.low = 1.0;  // symmetric truncation at +-2 sd keeps the median at the mean
  normal.high = 9.0;
  CHECK(value_at_quantile(normal, 0.5) == Approx(5.0));
  CHECK(value_at_quantile(normal, 0.0) == Approx(1.0));
  CHECK(value_at_quantile(normal, 1.0) == Approx(9.0));
  // P(Z < 1 | -2 < Z < 2) = (Phi(1) - Phi(-2)) / (Phi(2) - Phi(-2)).
  const double p = (normal_cdf(1.0) - normal_cdf(-2.0)) / (normal_cdf(2.0) - normal_cdf(-2.0));
  CHECK(value_at_quantile(normal, p) == Approx(7.0).epsilon(1e-9));

  Parameter list;
  list.values = {3, 5, 8};
  CHECK(value_at_quantile(list, 0.0) == 3);
  CHECK(value_at_quantile(list, 0.34) == 5);
  CHECK(value_at_quantile(list, 0.999) == 8);
  CHECK(value_at_quantile(list, 1.0) == 8);
}

TEST_CASE("Normal quantile inverts the normal CDF", "[unit][design]") {
  for (double x : {-3.0, -1.0, 0.0, 0.5, 2.5}) CHECK(normal_quantile(normal_cdf(x)) == Approx(x).margin(1e-12));
  CHECK(normal_cdf(1.959963984540054) == Approx(0.975).epsilon(1e-12));
}
