#include "sim/scenario/strict_scalar.hpp"

#include <catch2/catch.hpp>

#include "sim/scenario/nearest_name.hpp"
#include "sim/scenario/source_citation.hpp"

namespace hsim::scenario {
namespace {

TEST_CASE("integers consume the whole text", "[unit][scenario]") {
  CHECK(parse_integer("42") == 42);
  CHECK(parse_integer("-3") == -3);
  CHECK(parse_integer("+7") == 7);
  CHECK_FALSE(parse_integer("4x"));
  CHECK_FALSE(parse_integer("4.0"));
  CHECK_FALSE(parse_integer("4.5"));
  CHECK_FALSE(parse_integer(""));
  CHECK_FALSE(parse_integer("99999999999999999999"));
  CHECK(looks_fractional("4.5"));
  CHECK(looks_fractional("1e3"));
  CHECK_FALSE(looks_fractional("4x"));
}

TEST_CASE("reals consume the whole text and are finite", "[unit][scenario]") {
  CHECK(parse_real("0.25") == 0.25);
  CHECK(parse_real("1e-3") == 0.001);
  CHECK(parse_real("5") == 5.0);
  CHECK(parse_real("+2.5") == 2.5);
  CHECK_FALSE(parse_real("1e"));
  CHECK_FALSE(parse_real("4x"));
  CHECK_FALSE(parse_real("nan"));
  CHECK_FALSE(parse_real("inf"));
  CHECK_FALSE(parse_real(".inf"));
  CHECK_FALSE(parse_real("0x10"));
  CHECK_FALSE(parse_real("1e999"));
  CHECK_FALSE(parse_real("1,5"));
}

TEST_CASE("booleans are true or false only", "[unit][scenario]") {
  CHECK(parse_boolean("true") == true);
  CHECK(parse_boolean("false") == false);
  CHECK_FALSE(parse_boolean("yes"));
  CHECK_FALSE(parse_boolean("True"));
}

TEST_CASE("dates are ISO and real", "[unit][scenario]") {
  CHECK(parse_iso_date("2016-02-29") == model::CivilDate{2016, 2, 29});
  CHECK_FALSE(parse_iso_date("2015-02-29"));
  CHECK_FALSE(parse_iso_date("2015-13-01"));
  CHECK_FALSE(parse_iso_date("2015-1-01"));
  CHECK_FALSE(parse_iso_date("01.01.2015"));
  CHECK_FALSE(parse_iso_date("2015-01-01T00:00"));
}

TEST_CASE("source citations follow the documented forms", "[unit][scenario]") {
  CHECK_FALSE(citation_problem("001:1136"));
  CHECK_FALSE(citation_problem("001:1136-1144"));
  CHECK_FALSE(citation_problem("001:1103-1111, 1336"));
  CHECK_FALSE(citation_problem("003:55-63; 001:1075-1097"));
  CHECK_FALSE(citation_problem("Council of Europe SPACE I 2017, table 11"));
  CHECK(citation_problem(""));
  CHECK(citation_problem("1:1136"));
  CHECK(citation_problem("001:1144-1136"));
  CHECK(citation_problem("001:"));
  CHECK(citation_problem("page 12"));
  CHECK(citation_problem("Statistics Norway"));
}

TEST_CASE("near misses are suggested, distant names are not", "[unit][scenario]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  const std::vector<std::string> names{"caseload_per_fte", "visits_per_week", "janitor"};
  CHECK(nearest_name("caseload_per_ftee", names) == "caseload_per_fte");
  CHECK(nearest_name("janitr", names) == "janitor");
  CHECK_FALSE(nearest_name("budget", names));
  CHECK(join_alternatives({"a", "b", "c"}) == "a, b or c");
}

}  // namespace
}  // namespace hsim::scenario
