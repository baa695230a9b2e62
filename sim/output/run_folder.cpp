#include "sim/output/run_folder.hpp"

#include <system_error>
#include <unistd.h>

namespace hsim::output {

namespace fs = std::filesystem;

RunFolder::RunFolder(fs::path target, bool overwrite) : target_(std::move(target)), overwrite_(overwrite) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  if (fs::exists(target_) && !overwrite_) {
    throw OutputExistsError("output folder " + target_.string() +
                            " already exists; choose another --out or pass --overwrite");
  }
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  fs::create_directories(parent);
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

void RunFolder::commit() {
  if (fs::exists(target_)) {
    if (!overwrite_) throw OutputExistsError("output folder " + target_.string() + " appeared during the run");
    fs::remove_all(target_);
  }
  fs::rename(staging_, target_);
  committed_ = true;
}

}  // namespace hsim::output
