#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hsim::analysis::sweep {

// An output folder built in a hidden work folder beside the target (`.NAME.unfinished`) that
// survives a killed process: running the same command again finds it, checks that it was started for
// the same specification (its fingerprint) and continues it. The target appears, whole, only on
// commit(). Existing results are never overwritten unless asked.
class ResumableFolder {
 public:
  // Throws output::OutputExistsError when the target exists, or when the work folder belongs to a
  // different specification, unless `overwrite`.
  ResumableFolder(std::filesystem::path target, std::string fingerprint, bool overwrite);

  // True when an earlier, interrupted run is being continued.
  [[nodiscard]] bool resuming() const noexcept { return resuming_; }
  [[nodiscard]] std::filesystem::path file(const std::string& name) const { return work_ / name; }
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }

  // Records that the folder's initial files are complete, so a later run may continue it.
  void mark_initialized();
  // Removes the bookkeeping files and moves the work folder to the target.
  void commit(const std::vector<std::string>& bookkeeping_files);

 private:
  std::filesystem::path target_;
  std::filesystem::path work_;
  std::string fingerprint_;
  bool overwrite_;
  bool resuming_ = false;
};

inline constexpr const char* fingerprint_file_name = "fingerprint.txt";

}  // namespace hsim::analysis::sweep
