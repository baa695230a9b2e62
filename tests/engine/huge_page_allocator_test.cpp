#include "sim/engine/huge_page_allocator.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

namespace engine = hsim::engine;

namespace {

// The VmFlags line of the mapping in /proc/self/smaps that holds `address`.
std::string vm_flags_at(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream header(line);
    if (header >> std::hex >> begin >> dash >> end && dash == '-') inside = begin <= at && at < end;
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return {};
}

bool kernel_has_transparent_huge_pages() {
  return std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled");
}

}  // namespace

TEST_CASE("a block of a huge page or more is aligned to one and advised for huge pages", "[unit]") {
  const std::size_t count = engine::huge_page_bytes / sizeof(double) * 3 + 5;
  engine::EntityVector<double> values(count);
  std::iota(values.begin(), values.end(), 0.0);

  CHECK(reinterpret_cast<std::uintptr_t>(values.data()) % engine::huge_page_bytes == 0);
  CHECK(values.back() == static_cast<double>(count - 1));
  if (kernel_has_transparent_huge_pages()) {
    const std::string flags = vm_flags_at(values.data() + count / 2);
    INFO(flags);
    CHECK(flags.find(" hg") != std::string::npos);
  }
}

// Growth and shrinking move the values between the ordinary heap and huge-page blocks; under the
// sanitizers a block freed the wrong way is reported.
TEST_CASE("growing past a huge page and shrinking back keeps every value", "[unit]") {
  engine::EntityVector<std::uint32_t> values;
  const std::size_t huge = engine::huge_page_bytes / sizeof(std::uint32_t);
  for (std::uint32_t i = 0; i < huge + 1000; ++i) {
    values.push_back(i);
  }
  CHECK(values.capacity() >= huge);
  CHECK(reinterpret_cast<std::uintptr_t>(values.data()) % engine::huge_page_bytes == 0);
  for (std::uint32_t i = 0; i < values.size(); ++i) REQUIRE(values[i] == i);
  values.resize(10);
  values.shrink_to_fit();
  CHECK(values.capacity() < huge);
  CHECK(values[9] == 9);
}
