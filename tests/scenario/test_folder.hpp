#pragma once

// A temporary folder owned by one test, removed when the test ends.

#include <filesystem>
#include <string>
#include <unistd.h>

namespace hsim::scenario::test {

class TestFolder {
 public:
  explicit TestFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("hsim_scenario_" + name + "_" + std::to_string(static_cast<long>(::getpid())))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TestFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TestFolder(const TestFolder&) = delete;
  TestFolder& operator=(const TestFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path source_dir() {
  return std::filesystem::path(HSIM_SOURCE_DIR);
}

}  // namespace hsim::scenario::test
