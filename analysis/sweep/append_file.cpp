#include "analysis/sweep/append_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace hsim::analysis::sweep {
namespace {
[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}
}  // namespace

AppendFile::AppendFile(const std::filesystem::path& path, std::uint64_t truncate_to) : path_(path) {
  descriptor_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (descriptor_ < 0) fail("cannot open", path);
  if (::ftruncate(descriptor_, static_cast<off_t>(truncate_to)) != 0) fail("cannot truncate", path);
  if (::lseek(descriptor_, static_cast<off_t>(truncate_to), SEEK_SET) < 0) fail("cannot seek in", path);
  size_ = truncate_to;
}

AppendFile::~AppendFile() {
  if (descriptor_ >= 0) ::close(descriptor_);
}

void AppendFile::append(std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(descriptor_, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path_);
    }
    text.remove_prefix(static_cast<std::size_t>(written));
    size_ += static_cast<std::uint64_t>(written);
  }
}

void AppendFile::sync() {
  if (::fsync(descriptor_) != 0) fail("cannot sync", path_);
}

void write_file_synced(const std::filesystem::path& path, std::string_view text) {
  AppendFile file(path, 0);
  file.append(text);
  file.sync();
}

}  // namespace hsim::analysis::sweep
