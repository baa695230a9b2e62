#pragma once

// Problems found in scenario input, collected so that all of them are reported at once.

#include <cstddef>
#include <string>
#include <vector>

namespace hsim::scenario {

// Where a value came from: a file position (1-based line and column), a `--set` override, or a
// declared default. Line 0 means "no position inside `where`".
struct Origin {
  std::string where;
  int line = 0;
  int column = 0;

  friend bool operator==(const Origin&, const Origin&) = default;
};

// Text of an origin as printed in messages: `file:line:column`, or `where` alone without a position.
std::string describe(const Origin& origin);

struct Diagnostic {
  Origin origin;
  std::string key_path;  // e.g. teams.housing_first.fte_by_year.2015; empty for whole-file problems
  std::string message;   // usually "found X, expected Y"
};

// `file:line:column: error: key.path: message`.
std::string format(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  void add(Origin origin, std::string key_path, std::string message);
  void add_found_expected(Origin origin, std::string key_path, const std::string& found, const std::string& expected);
  void append(const Diagnostics& other);
  // Orders problems by position within each file (files and overrides keep their first-seen order).
  void sort_by_position();

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const std::vector<Diagnostic>& entries() const { return entries_; }

  // One formatted line per diagnostic, each ending in a newline.
  std::string to_string() const;

 private:
  std::vector<Diagnostic> entries_;
};

}  // namespace hsim::scenario
