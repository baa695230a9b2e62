#include "sim/cli/command_merge.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include "analysis/sweep/shard_merge.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/output/folder_report.hpp"
#include "sim/output/run_folder.hpp"

namespace hsim::cli {
namespace {

struct MergeCommandOptions {
  std::vector<std::string> shard_folders;
  std::string out;
  bool overwrite = false;
};

int run_merge_command(const MergeCommandOptions& options, const std::string& command_line) {
  analysis::sweep::MergeOptions merge;
  merge.out = options.out;
  merge.overwrite = options.overwrite;
  merge.command_line = command_line;
  std::vector<std::filesystem::path> folders(options.shard_folders.begin(), options.shard_folders.end());
  try {
    const auto record = analysis::sweep::merge_shards(folders, merge);
    std::cerr << "hsim merge: " << record.shards << " shards of `hsim " << record.command << "` on " << record.spec_file
              << " (" << record.points << " points) merged into " << merge.out.string() << "\n";
    if (record.command == "sensitivity") {
      std::cerr << "next: hsim sensitivity --from " << merge.out.string() << "\n";
    } else {
      output::write_folder_report(merge.out);
    }
  } catch (const analysis::sweep::ShardMismatch& error) {
    std::cerr << "hsim merge: error: " << error.what() << "\n";
    return exit_bad_input;
  } catch (const output::OutputExistsError& error) {
    std::cerr << "hsim merge: error: " << error.what() << "\n";
    return exit_bad_input;
  }
  return exit_ok;
}

}  // namespace

Command add_merge_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<MergeCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "merge", "Join the shard folders of one sweep or sensitivity run (--shard K/N) into one run's files");
  command->add_option("shards", options->shard_folders, "The shard folders, every shard 1..N once, in any order")
      ->required();
  command->add_option("--out", options->out, "Output folder for the merged run")->required();
  command->add_flag("--overwrite", options->overwrite, "Replace an existing run folder hsim wrote");
  return Command{command, [options, command_line] { return run_merge_command(*options, command_line); }};
}

}  // namespace hsim::cli
