#include "sim/cli/command_validate.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/cli/exit_codes.hpp"
#include "sim/scenario/resolved_yaml.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace hsim::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::vector<std::string> set_overrides;
  bool resolved = false;
  bool require_provenance = false;
};

// Returns true when every file is valid.
bool run_validate(const ValidateOptions& options) {
  bool all_ok = true;
  bool first_document = true;
  for (const auto& file : options.files) {
    const auto result = scenario::load_scenario(
        file, options.set_overrides, scenario::LoadOptions{.require_provenance = options.require_provenance});
    if (!result.ok()) {
      std::cerr << result.diagnostics.to_string();
      std::cerr << file << ": " << result.diagnostics.size() << (result.diagnostics.size() == 1 ? " error" : " errors")
                << "\n";
      all_ok = false;
      continue;
    }
    if (options.resolved) {
      // The YAML goes to stdout alone, so that it can be redirected to a file and loaded again.
      if (!first_document) std::cout << "---\n";
      std::cout << scenario::resolved_yaml(*result.scenario);
      std::cerr << file << ": ok\n";
    } else {
      std::cout << file << ": ok\n";
    }
    first_document = false;
  }
  return all_ok;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command =
      app.add_subcommand("validate", "Check scenario files; print every problem with file, line and key");
  command->add_option("files", options->files, "Scenario YAML files")->required();
  command->add_option("--set", options->set_overrides, "Override a key: key.path=value (repeatable)")
      ->allow_extra_args(false);
  command->add_flag("--resolved", options->resolved,
                    "Print the fully resolved scenario (defaults, extends and --set applied) as YAML");
  command->add_flag("--require-provenance", options->require_provenance,
                    "Reject values written without a source or an assumption");
  return Command{command, [options] { return run_validate(*options) ? exit_ok : exit_bad_input; }};
}

}  // namespace hsim::cli
