#include "sim/output/csv_writer.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>

using hsim::output::CsvWriter;
using hsim::output::format_number;
using hsim::output::TableSchema;

TEST_CASE("numbers are written in their shortest round-trip form", "[unit][output]") {
  for (double value : {0.1, 1.0 / 3.0, 1e-300, 123456789.125, -2.5}) {
    CHECK(std::stod(format_number(value)) == value);
  }
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "NA");
}

TEST_CASE("the header comes from the schema and text is quoted only when needed", "[unit][output]") {
  TableSchema schema{"t.csv", "test", {{"metric", "name"}, {"value", "number"}, {"count", "integer"}}};
  std::ostringstream out;
  CsvWriter writer(out, schema);
  writer.write_row({std::string_view("plain"), 0.5, std::int64_t{3}});
  writer.write_row({std::string_view("a,b \"c\""), 2.0, std::int64_t{-1}});
  CHECK(out.str() == "metric,value,count\nplain,0.5,3\n\"a,b \"\"c\"\"\",2,-1\n");
}

TEST_CASE("a row with the wrong number of cells is refused", "[unit][output]") {
  TableSchema schema{"t.csv", "test", {{"a", ""}, {"b", ""}}};
  std::ostringstream out;
  CsvWriter writer(out, schema);
  CHECK_THROWS_AS(writer.write_row({1.0}), std::logic_error);
}
