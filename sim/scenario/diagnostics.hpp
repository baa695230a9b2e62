#pragma once

// Problems found in scenario input, collected so that all of them are reported at once.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace hsim::scenario {

// Where a value came from: a file position (1-based line and column), a `--set` override, or a
// declared default. Line 0 means "no position inside `where`". Every node of a parsed file shares
// one copy of the file's name, so memory follows the size of the input, not the length of its path.
struct Origin {
  using SharedName = std::shared_ptr<const std::string>;

  Origin() = default;
  Origin(std::string where_text, int line_number, int column_number);
  Origin(SharedName shared_where, int line_number, int column_number);

  const std::string& where() const;
  const SharedName& shared_where() const { return where_; }

  int line = 0;
  int column = 0;

  friend bool operator==(const Origin& a, const Origin& b) {
    return a.where() == b.where() && a.line == b.line && a.column == b.column;
  }

 private:
  SharedName where_;
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

  // One formatted line per diagnostic, each ending in a newline; beyond max_printed, one line
  // counts the rest (a file of thousands of mistakes is one mistake repeated).
  std::string to_string() const;
  static constexpr std::size_t max_printed = 100;

 private:
  std::vector<Diagnostic> entries_;
};

}  // namespace hsim::scenario
