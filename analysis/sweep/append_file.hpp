#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace hsim::analysis::sweep {

// A file written only at its end, first cut back to a known length (dropping whatever a killed run
// left after its last recorded point), and synced to disk on request.
class AppendFile {
 public:
  AppendFile(const std::filesystem::path& path, std::uint64_t truncate_to);
  AppendFile(const AppendFile&) = delete;
  AppendFile& operator=(const AppendFile&) = delete;
  ~AppendFile();

  void append(std::string_view text);
  void sync();
  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }

 private:
  std::filesystem::path path_;
  int descriptor_ = -1;
  std::uint64_t size_ = 0;
};

// Writes a whole file and syncs it before returning.
void write_file_synced(const std::filesystem::path& path, std::string_view text);

}  // namespace hsim::analysis::sweep
