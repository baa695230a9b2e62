#include "sim/scenario/diagnostics.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace hsim::scenario {

Origin::Origin(std::string where_text, int line_number, int column_number)
    : line(line_number), column(column_number), where_(std::make_shared<const std::string>(std::move(where_text))) {}

Origin::Origin(SharedName shared_where, int line_number, int column_number)
    : line(line_number), column(column_number), where_(std::move(shared_where)) {}

const std::string& Origin::where() const {
  static const std::string nowhere;
  return where_ ? *where_ : nowhere;
}

std::string describe(const Origin& origin) {
  if (origin.line <= 0) return origin.where();
  return origin.where() + ":" + std::to_string(origin.line) + ":" + std::to_string(origin.column);
}

std::string format(const Diagnostic& diagnostic) {
  std::string text = describe(diagnostic.origin) + ": error: ";
  if (!diagnostic.key_path.empty()) text += diagnostic.key_path + ": ";
  return text + diagnostic.message;
}

void Diagnostics::add(Origin origin, std::string key_path, std::string message) {
  entries_.push_back(Diagnostic{std::move(origin), std::move(key_path), std::move(message)});
}

void Diagnostics::add_found_expected(Origin origin, std::string key_path, const std::string& found,
                                     const std::string& expected) {
  add(std::move(origin), std::move(key_path), "found " + found + ", expected " + expected);
}

void Diagnostics::append(const Diagnostics& other) {
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
}

void Diagnostics::sort_by_position() {
  std::map<std::string, std::size_t> first_seen;
  for (const auto& entry : entries_) first_seen.emplace(entry.origin.where(), first_seen.size());
  std::stable_sort(entries_.begin(), entries_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto rank_a = first_seen.at(a.origin.where());
    const auto rank_b = first_seen.at(b.origin.where());
    if (rank_a != rank_b) return rank_a < rank_b;
    if (a.origin.line != b.origin.line) return a.origin.line < b.origin.line;
    return a.origin.column < b.origin.column;
  });
}

std::string Diagnostics::to_string() const {
  std::string text;
  const std::size_t shown = std::min(entries_.size(), max_printed);
  for (std::size_t i = 0; i < shown; ++i) text += format(entries_[i]) + "\n";
  if (shown < entries_.size()) {
    text += "... and " + std::to_string(entries_.size() - shown) + " more problems (" +
            std::to_string(entries_.size()) + " in all; the first " + std::to_string(shown) + " are shown)\n";
  }
  return text;
}

}  // namespace hsim::scenario
