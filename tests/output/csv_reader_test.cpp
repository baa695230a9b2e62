#include "sim/output/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using hsim::output::split_csv_line;

TEST_CASE("CSV lines split into fields as RFC 4180 reads them", "[unit]") {
  using Fields = std::vector<std::string>;
  CHECK(split_csv_line("a,b,c") == Fields{"a", "b", "c"});
  CHECK(split_csv_line("") == Fields{""});
  CHECK(split_csv_line(",,") == Fields{"", "", ""});
  CHECK(split_csv_line("\"x, y\",z") == Fields{"x, y", "z"});
  CHECK(split_csv_line("\"say \"\"no\"\"\",1") == Fields{"say \"no\"", "1"});
  CHECK(split_csv_line("a,b\r") == Fields{"a", "b"});
  CHECK(split_csv_line("\"q\"\r") == Fields{"q"});
  CHECK(split_csv_line("a,\"\"") == Fields{"a", ""});
}

TEST_CASE("splitting into a reused vector gives the same fields as a fresh one", "[unit]") {
  std::vector<std::string> fields;
  split_csv_line("one,two,three,four", fields);
  split_csv_line("x,\"y,z\"", fields);
  CHECK(fields == std::vector<std::string>{"x", "y,z"});
  split_csv_line("1,2,3", fields);
  CHECK(fields == std::vector<std::string>{"1", "2", "3"});
}

TEST_CASE("rows are read by column name, and an unknown column is an error", "[unit]") {
  const auto file = std::filesystem::temp_directory_path() / "hsim-csv-reader-test.csv";
  std::ofstream(file) << "name,value\nalpha,1.5\n\nbeta,NA\n\"gamma, delta\",2\n";
  std::vector<std::string> names;
  std::vector<double> values;
  hsim::output::for_each_csv_row(file, [&](const hsim::output::CsvRow& row) {
    names.push_back(row["name"]);
    values.push_back(row.number("value"));
  });
  REQUIRE(names == std::vector<std::string>{"alpha", "beta", "gamma, delta"});
  CHECK(values[0] == 1.5);
  CHECK(std::isnan(values[1]));
  CHECK(values[2] == 2.0);
  CHECK_THROWS_WITH(hsim::output::for_each_csv_row(file, [](const hsim::output::CsvRow& row) { (void)row["nope"]; }),
                    Catch::Contains("no column nope"));
  std::filesystem::remove(file);
}

TEST_CASE("a line test skips rows without splitting them, and never the header", "[unit]") {
  const auto file = std::filesystem::temp_directory_path() / "hsim-csv-reader-filter-test.csv";
  std::ofstream(file) << "type,days\ntenancy,3\nshelter,4\n\"tenancy\",5\ntenancy_lapsed,6\n";
  std::vector<double> days;
  std::size_t lines_tested = 0;
  hsim::output::for_each_csv_row(
      file,
      [&](const hsim::output::CsvRow& row) {
        if (row["type"] == "tenancy") days.push_back(row.number("days"));
      },
      [&](std::string_view line) {
        ++lines_tested;
        return line.find("tenancy") != std::string_view::npos;
      });
  CHECK(days == std::vector<double>{3.0, 5.0});
  CHECK(lines_tested == 4);  // the data rows only: the header is always read
  std::vector<std::string> passed;
  hsim::output::for_each_csv_row(
      file, [&](const hsim::output::CsvRow& row) { passed.push_back(row["type"]); },
      [](std::string_view line) { return line.find("tenancy") != std::string_view::npos; });
  CHECK(passed == std::vector<std::string>{"tenancy", "tenancy", "tenancy_lapsed"});  // shelter never reaches the row
  std::filesystem::remove(file);
}
