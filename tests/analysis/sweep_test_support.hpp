#pragma once

// Shared by the sweep, design and sensitivity tests: a private temporary folder per test,
// whole-file reads and a tiny reader for the tidy CSV tables.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include "analysis/sweep/evaluator_registry.hpp"
#include "analysis/sweep/sweep_spec.hpp"

namespace hsim::test {

class TemporaryFolder {
 public:
  explicit TemporaryFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("hsim_test_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::filesystem::path spec_path(const std::string& name) {
  return std::filesystem::path(HSIM_SOURCE_DIR) / "tests/analysis/specs" / name;
}

// Rows of a CSV without quoted fields, as maps from column name to text.
inline std::vector<std::map<std::string, std::string>> read_csv_rows(const std::filesystem::path& path) {
  std::istringstream in(read_whole_file(path));
  std::string line;
  std::getline(in, line);
  auto split = [](const std::string& text) {
    std::vector<std::string> fields;
    std::stringstream stream(text);
    std::string field;
    while (std::getline(stream, field, ',')) fields.push_back(field);
    return fields;
  };
  const auto header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto fields = split(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

struct LoadedSpec {
  analysis::sweep::SweepSpec spec;
  std::unique_ptr<analysis::sweep::PointEvaluator> evaluator;
};

// Reads a spec and builds its evaluator, failing loudly with the diagnostics.
inline LoadedSpec load_spec(const std::filesystem::path& path) {
  scenario::Diagnostics diagnostics;
  auto spec = analysis::sweep::read_sweep_spec(path, diagnostics);
  if (!spec) throw std::runtime_error(diagnostics.to_string());
  auto evaluator = analysis::sweep::default_evaluator_registry().make(*spec, diagnostics);
  if (!evaluator) throw std::runtime_error(diagnostics.to_string());
  return {std::move(*spec), std::move(evaluator)};
}

}  // namespace hsim::test
