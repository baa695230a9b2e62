#pragma once

// Shards of a sweep or sensitivity design for job arrays: shard K of N evaluates one contiguous block
// of the design's points, and `hsim merge` joins the blocks into the files one process would write.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hsim::analysis::sweep {

struct Shard {
  std::uint64_t index = 1;  // 1-based: shard 1 of 4 is "1/4"
  std::uint64_t count = 1;
};

inline constexpr std::uint64_t max_shards = 100'000;

// "K/N" with 1 <= K <= N <= max_shards, in decimal digits; nullopt when it is not.
std::optional<Shard> parse_shard(const std::string& text);

// The points [first, end) shard `shard` evaluates out of `points`: blocks differ by at most one point.
struct PointRange {
  std::uint64_t first = 0;
  std::uint64_t end = 0;
};
PointRange shard_points(std::uint64_t points, const Shard& shard);

// What a shard folder holds (its shard.json), so that a merge can check that shards belong together.
struct ShardRecord {
  std::string command;      // sweep or sensitivity
  std::string variant;      // what else the command computes ("method sobol"), part of the fingerprint
  std::string fingerprint;  // stable hash of the command, variant and specification text
  std::string spec_file;
  std::uint64_t seed = 0;
  std::uint64_t points = 0;  // in the whole design
  Shard shard;
  PointRange range;
};

inline constexpr const char* shard_record_file_name = "shard.json";
inline constexpr const char* merge_record_file_name = "merged.json";

void write_shard_record(const std::filesystem::path& file, const ShardRecord& record);
// Throws std::runtime_error naming the file and what is wrong with it.
ShardRecord read_shard_record(const std::filesystem::path& file);

}  // namespace hsim::analysis::sweep
