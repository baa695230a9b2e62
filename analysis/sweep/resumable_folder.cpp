#include "analysis/sweep/resumable_folder.hpp"

#include <fstream>
#include <sstream>

#include "analysis/sweep/append_file.hpp"
#include "sim/output/replaceable_folder.hpp"
#include "sim/output/run_folder.hpp"

namespace hsim::analysis::sweep {

namespace fs = std::filesystem;

ResumableFolder::ResumableFolder(fs::path target, std::string fingerprint, bool overwrite)
    : target_(std::move(target)), fingerprint_(std::move(fingerprint)), overwrite_(overwrite) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  if (fs::exists(fs::symlink_status(target_)) && !overwrite_) {
    throw output::OutputExistsError("output folder " + target_.string() +
                                    " already exists; choose another --out or pass --overwrite");
  }
  output::require_replaceable(target_);
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  fs::create_directories(parent);
  output::remove_stale_staging(target_, "old");
  std::string work_name(".");
  work_name += target_.filename().string();
  work_name += ".unfinished";
  work_ = parent / work_name;
  if (fs::exists(work_)) {
    std::ifstream in(work_ / fingerprint_file_name, std::ios::binary);
    std::ostringstream recorded;
    recorded << in.rdbuf();
    if (in && recorded.str() == fingerprint_) {
      resuming_ = true;
      return;
    }
    if (in && !overwrite_) {
      throw output::OutputExistsError("an unfinished run of a different specification is in " + work_.string() +
                                      "; pass --overwrite to discard it");
    }
    fs::remove_all(work_);  // never got past its first files, or discarding was asked for
  }
  fs::create_directory(work_);
}

void ResumableFolder::mark_initialized() {
  write_file_synced(work_ / fingerprint_file_name, fingerprint_);
}

void ResumableFolder::commit(const std::vector<std::string>& bookkeeping_files) {
  for (const auto& name : bookkeeping_files) fs::remove(work_ / name);
  fs::remove(work_ / fingerprint_file_name);
  output::move_into_place(work_, target_, overwrite_);
}

}  // namespace hsim::analysis::sweep
