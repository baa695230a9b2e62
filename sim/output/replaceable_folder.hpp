#pragma once

// What --overwrite may replace: only a folder hsim wrote (it holds hsim's manifest.json), never a plain
// file, a link, the working directory or one of its ancestors, the home folder or the root. And the
// staging folders that runs killed outright (SIGKILL) left behind, which a later run removes.

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/types.h>

#include "sim/output/run_folder.hpp"

namespace hsim::output {

// Scenario text made into one safe path component for a default output folder: letters, digits, '-',
// '_' and '.', no leading dot, never empty ("../../x" becomes "x"; --out is the way to write elsewhere).
inline std::string safe_path_component(const std::string& text) {
  std::string safe;
  for (char c : text) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    safe += plain ? c : '_';
  }
  const auto first = safe.find_first_not_of("._");
  safe = first == std::string::npos ? std::string() : safe.substr(first);
  if (safe.size() > 100) safe.resize(100);
  return safe.empty() ? std::string("scenario") : safe;
}

// Throws OutputExistsError with the reason when `target` exists and --overwrite must not replace it.
inline void require_replaceable(const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  std::error_code error;
  const auto status = fs::symlink_status(target, error);
  if (error || !fs::exists(status)) return;
  const std::string name = target.string();
  if (fs::is_symlink(status)) {
    throw OutputExistsError(name + " is a link; --overwrite replaces only a run folder hsim wrote");
  }
  if (!fs::is_directory(status)) {
    throw OutputExistsError(name + " is a file, not a run folder; --overwrite replaces only a run folder hsim wrote");
  }
  const fs::path folder = fs::weakly_canonical(target);
  const fs::path here = fs::weakly_canonical(fs::current_path());
  const char* home = std::getenv("HOME");
  const bool is_home = home != nullptr && *home != '\0' && folder == fs::weakly_canonical(fs::path(home));
  bool holds_working_directory = false;
  for (fs::path p = here; !p.empty(); p = p.parent_path()) {
    if (p == folder) holds_working_directory = true;
    if (p == p.parent_path()) break;
  }
  if (holds_working_directory || is_home || folder == folder.root_path()) {
    throw OutputExistsError(name + " is the working directory, one of its parents, the home folder or the root; " +
                            "--overwrite never replaces it");
  }
  std::ifstream manifest(target / "manifest.json");
  std::string first_line;
  std::getline(manifest, first_line);
  if (!manifest || first_line.find('{') == std::string::npos) {
    throw OutputExistsError(name + " has no manifest.json, so hsim did not write it; --overwrite replaces only a " +
                            "run folder hsim wrote (choose another --out)");
  }
}

// Removes `.<name>.<kind>-<pid>` folders beside `target` whose process no longer runs.
inline void remove_stale_staging(const std::filesystem::path& target, const std::string& kind) {
  namespace fs = std::filesystem;
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = "." + target.filename().string() + "." + kind + "-";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // still running, or not ours to judge
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

}  // namespace hsim::output
