#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace hsim::output {

// The run folder already exists and overwriting was not asked for.
class OutputExistsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A run folder that appears whole or not at all: files are written into a hidden staging folder
// beside the target, which replaces the target only on commit(). A run that fails leaves the
// previous results untouched and no half-written folder behind.
// Moves a finished staging folder to `target`, replacing a run folder hsim wrote there (when
// `overwrite`) without ever leaving the target half-written; a concurrent writer gets OutputExistsError.
// `after_setting_aside` runs between setting the old folder aside and moving the new one in (tests use it
// to play the other writer).
void move_into_place(const std::filesystem::path& staging, const std::filesystem::path& target, bool overwrite,
                     const std::function<void()>& after_setting_aside = {});

class RunFolder {
 public:
  // Throws OutputExistsError when `target` exists and `overwrite` is false, before any work is done.
  RunFolder(std::filesystem::path target, bool overwrite);
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;
  ~RunFolder();

  [[nodiscard]] std::filesystem::path file(const std::string& name) const { return staging_ / name; }
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool overwrite_;
  bool committed_ = false;
};

}  // namespace hsim::output
