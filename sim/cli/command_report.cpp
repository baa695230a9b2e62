#include "sim/cli/command_report.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "sim/cli/exit_codes.hpp"
#include "sim/output/html_report.hpp"

namespace hsim::cli {

Command add_report_command(CLI::App& app) {
  auto folder = std::make_shared<std::string>();
  auto* command =
      app.add_subcommand("report", "Write report.html (charts of the run) into a run or sensitivity folder hsim wrote");
  command->add_option("folder", *folder, "Run folder (with manifest.json)")->required()->check(CLI::ExistingDirectory);
  return {command, [folder] {
            const std::filesystem::path path(*folder);
            if (!std::filesystem::exists(path / "manifest.json")) {
              std::cerr << "hsim report: error: " << path.string()
                        << " has no manifest.json, so it is not a run folder hsim wrote\n";
              return exit_bad_input;
            }
            // Written beside the final name and renamed, so that a failure leaves the old report whole.
            const auto partial = path / "report.html.partial";
            try {
              if (std::filesystem::exists(path / "indices.csv")) {
                output::write_sensitivity_report(path, partial);
              } else {
                output::write_html_report(path, partial);
              }
              std::filesystem::rename(partial, path / "report.html");
            } catch (const std::exception& error) {
              std::filesystem::remove(partial);
              std::cerr << "hsim report: error: " << error.what() << '\n';
              return exit_bad_input;
            }
            std::cerr << "report: " << (path / "report.html").string() << '\n';
            return exit_ok;
          }};
}

}  // namespace hsim::cli
