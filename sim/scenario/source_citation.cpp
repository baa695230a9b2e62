#include "sim/scenario/source_citation.hpp"

#include <cctype>
#include <cstdint>
#include <regex>

namespace hsim::scenario {
namespace {

const std::regex& line_citation_pattern() {
  static const std::regex pattern(R"(\d{3}:\d+(-\d+)?(, ?\d+(-\d+)?)*(; ?\d{3}:\d+(-\d+)?(, ?\d+(-\d+)?)*)*)");
  return pattern;
}

const std::regex& year_pattern() {
  static const std::regex pattern(R"((^|[^0-9])(1[89]\d\d|20\d\d)([^0-9]|$))");
  return pattern;
}

// Every range "a-b" must have a <= b.
bool ranges_ascend(std::string_view text) {
  static const std::regex range(R"((\d+)-(\d+))");
  const std::string copy(text);
  for (auto it = std::sregex_iterator(copy.begin(), copy.end(), range); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].length() > 9 || (*it)[2].length() > 9) return false;
    if (std::stoll((*it)[1].str()) > std::stoll((*it)[2].str())) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> citation_problem(std::string_view text) {
  const std::string copy(text);
  if (copy.empty()) return std::string("the source is empty");
  if (std::isdigit(static_cast<unsigned char>(copy.front()))) {
    if (!std::regex_match(copy, line_citation_pattern())) {
      return std::string("\"") + copy + "\" is not a line citation";
    }
    if (!ranges_ascend(copy)) return std::string("\"") + copy + "\" has a line range that runs backwards";
    return std::nullopt;
  }
  if (!std::isupper(static_cast<unsigned char>(copy.front()))) {
    return std::string("\"") + copy + "\" begins with neither a document number nor a capital letter";
  }
  if (!std::regex_search(copy, year_pattern())) {
    return std::string("\"") + copy + "\" names a publication without a year";
  }
  return std::nullopt;
}

}  // namespace hsim::scenario
