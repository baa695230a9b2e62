#include "sim/output/folder_report.hpp"

#include "sim/output/curve_reports.hpp"
#include "sim/output/html_report.hpp"

namespace hsim::output {

void write_replacing(const std::filesystem::path& file,
                     const std::function<void(const std::filesystem::path&)>& write) {
  auto partial = file;
  partial += ".partial";
  try {
    write(partial);
    std::filesystem::rename(partial, file);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

std::filesystem::path write_folder_report(const std::filesystem::path& folder) {
  const auto file = folder / "report.html";
  write_replacing(file, [&](const std::filesystem::path& partial) {
    if (std::filesystem::exists(folder / "indices.csv")) {
      write_sensitivity_report(folder, partial);
    } else if (std::filesystem::exists(folder / "points.csv") && std::filesystem::exists(folder / "aggregated.csv")) {
      write_sweep_report(folder, partial);
    } else {
      write_html_report(folder, partial);
    }
  });
  return file;
}

}  // namespace hsim::output
