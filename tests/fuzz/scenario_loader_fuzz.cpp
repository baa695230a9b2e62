// libFuzzer target for the scenario loader. An input is a scenario file, optionally followed by a line
// `#--set` and one `key.path=value` override per line. The file is written beside copies of the
// committed scenarios, so `extends: behaviour.yaml` resolves. Properties checked on every input:
// - the loader never crashes (the sanitizers catch memory and undefined-behaviour errors);
// - a refused input comes with at least one located message, and an accepted one with none;
// - an accepted scenario written as resolved YAML loads back to an equivalent scenario, and writing
//   that again gives the same text below its header comments.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "sim/scenario/resolved_yaml.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;

namespace {

fs::path work_folder;

[[noreturn]] void fail(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "scenario loader fuzz: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

void write_file(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

struct FuzzInput {
  std::string scenario_text;
  std::vector<std::string> overrides;
};

FuzzInput split_input(std::string_view input) {
  constexpr std::string_view marker = "\n#--set\n";
  FuzzInput split;
  const auto at = input.find(marker);
  split.scenario_text = std::string(input.substr(0, at));
  if (at == std::string_view::npos) return split;
  std::istringstream lines(std::string(input.substr(at + marker.size())));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) split.overrides.push_back(line);
  }
  return split;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  work_folder = fs::temp_directory_path() / ("hsim-fuzz-" + std::to_string(::getpid()));
  fs::create_directories(work_folder);
  for (const auto& entry : fs::directory_iterator(fs::path(HSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      fs::copy_file(entry.path(), work_folder / entry.path().filename(), fs::copy_options::overwrite_existing);
    }
  }
  std::atexit([] {
    std::error_code ignored;
    fs::remove_all(work_folder, ignored);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const FuzzInput input = split_input(std::string_view(reinterpret_cast<const char*>(data), size));
  const fs::path file = work_folder / "fuzz-input.yaml";
  write_file(file, input.scenario_text);

  const auto first = hsim::scenario::load_scenario(file, input.overrides);
  if (!first.ok()) {
    if (first.diagnostics.empty()) fail("refused without a message", input.scenario_text);
    for (const auto& diagnostic : first.diagnostics.entries()) {
      if (diagnostic.message.empty()) fail("a message without text", first.diagnostics.to_string());
    }
    return 0;
  }
  if (!first.diagnostics.empty()) fail("accepted with messages", first.diagnostics.to_string());

  const std::string resolved = hsim::scenario::resolved_yaml(*first.scenario);
  const fs::path resolved_file = work_folder / "fuzz-resolved.yaml";
  write_file(resolved_file, resolved);
  const auto second = hsim::scenario::load_scenario(resolved_file, {});
  if (!second.ok()) fail("resolved YAML does not load back", second.diagnostics.to_string() + "\n" + resolved);
  if (!hsim::scenario::equivalent(*first.scenario, *second.scenario)) {
    fail("resolved YAML loads back to a different scenario", resolved);
  }
  // Only the header comments (the files read and the overrides) may differ.
  auto body = [](const std::string& text) { return text.substr(std::min(text.find("\nname:"), text.size())); };
  if (body(hsim::scenario::resolved_yaml(*second.scenario)) != body(resolved)) {
    fail("resolved YAML is not a fixed point", resolved);
  }
  return 0;
}
