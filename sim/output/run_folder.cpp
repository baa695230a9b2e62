#include "sim/output/run_folder.hpp"

#include <system_error>
#include <unistd.h>

#include "sim/output/replaceable_folder.hpp"

namespace hsim::output {

namespace fs = std::filesystem;

RunFolder::RunFolder(fs::path target, bool overwrite) : target_(std::move(target)), overwrite_(overwrite) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  if (fs::exists(fs::symlink_status(target_)) && !overwrite_) {
    throw OutputExistsError("output folder " + target_.string() +
                            " already exists; choose another --out or pass --overwrite");
  }
  require_replaceable(target_);
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  fs::create_directories(parent);
  remove_stale_staging(target_, "partial");
  remove_stale_staging(target_, "old");
  std::string staging_name(".");  // built piecewise: GCC 12 warns falsely on "." + std::string
  staging_name += target_.filename().string();
  staging_name += ".partial-";
  staging_name += std::to_string(::getpid());
  staging_ = parent / staging_name;
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

RunFolder::~RunFolder() {
  if (!committed_) {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
  }
}

void move_into_place(const fs::path& staging, const fs::path& target, bool overwrite,
                     const std::function<void()>& after_setting_aside) {
  // Set the old folder aside, move the new one in, then remove the old: the target is always one whole
  // run. A run that writes the same folder at the same moment makes one of the renames fail, and that
  // run says so instead of deleting the other's results.
  fs::path aside;
  if (fs::exists(fs::symlink_status(target))) {
    if (!overwrite) throw OutputExistsError("output folder " + target.string() + " appeared during the run");
    require_replaceable(target);
    aside = staging.parent_path() / ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
    std::error_code error;
    fs::rename(target, aside, error);
    if (error) {
      throw OutputExistsError("output folder " + target.string() +
                              " is being replaced by another run at the same time; try again");
    }
  }
  if (after_setting_aside) after_setting_aside();
  std::error_code error;
  fs::rename(staging, target, error);
  if (error) {
    if (!aside.empty()) {
      // Put the old run back; if the other run's results already stand there, the old run is the one
      // both were asked to replace (and passed require_replaceable), so it goes.
      fs::rename(aside, target, error);
      if (error) fs::remove_all(aside, error);
    }
    throw OutputExistsError("another run wrote " + target.string() + " at the same time; its results are kept");
  }
  if (!aside.empty()) fs::remove_all(aside, error);
}

void RunFolder::commit() {
  move_into_place(staging_, target_, overwrite_);
  committed_ = true;
}

}  // namespace hsim::output
