#include "sim/cli/command_report.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "sim/cli/exit_codes.hpp"
#include "sim/output/folder_report.hpp"

namespace hsim::cli {

Command add_report_command(CLI::App& app) {
  auto folder = std::make_shared<std::string>();
  auto* command =
      app.add_subcommand("report", "Write report.html (charts) into a run, sweep or sensitivity folder hsim wrote");
  command->add_option("folder", *folder, "Run folder (with manifest.json)")->required()->check(CLI::ExistingDirectory);
  return {command, [folder] {
            const std::filesystem::path path(*folder);
            if (!std::filesystem::exists(path / "manifest.json")) {
              std::cerr << "hsim report: error: " << path.string()
                        << " has no manifest.json, so it is not a run folder hsim wrote\n";
              return exit_bad_input;
            }
            try {
              output::write_folder_report(path);
            } catch (const std::exception& error) {
              std::cerr << "hsim report: error: " << error.what() << '\n';
              return exit_bad_input;
            }
            std::cerr << "report: " << (path / "report.html").string() << '\n';
            return exit_ok;
          }};
}

}  // namespace hsim::cli
