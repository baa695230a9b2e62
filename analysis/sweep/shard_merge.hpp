#pragma once

// `hsim merge`: shard folders of one sweep or sensitivity run joined into the points.csv, results.csv
// and aggregated.csv that one process would have written, byte for byte.

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/sweep/shard.hpp"

namespace hsim::analysis::sweep {

// Shards that do not belong together, or a merged folder that does not match the spec it is read with.
class ShardMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// merged.json of a merged folder: what the shards computed, and from which folders.
struct MergeRecord {
  std::string command;
  std::string variant;
  std::string fingerprint;
  std::string spec_file;
  std::uint64_t seed = 0;
  std::uint64_t points = 0;
  std::uint64_t shards = 0;
};

MergeRecord read_merge_record(const std::filesystem::path& file);

struct MergeOptions {
  std::filesystem::path out;
  bool overwrite = false;
  std::string command_line;  // recorded in the merged manifest
};

// Checks that the folders are the shards 1..N of one run (same command, spec, seed and shard count,
// each shard once, each covering its own block) and writes the merged folder. Throws ShardMismatch
// naming the folders at fault, output::OutputExistsError when the output exists.
MergeRecord merge_shards(const std::vector<std::filesystem::path>& shard_folders, const MergeOptions& options);

}  // namespace hsim::analysis::sweep
