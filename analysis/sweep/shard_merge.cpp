#include "analysis/sweep/shard_merge.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "analysis/sweep/append_file.hpp"
#include "sim/output/run_folder.hpp"

namespace hsim::analysis::sweep {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> merged_tables{"points.csv", "results.csv", "aggregated.csv"};

struct ShardFolder {
  fs::path folder;
  ShardRecord record;
};

std::string describe_shard(const ShardFolder& shard) {
  return shard.folder.string() + " (shard " + std::to_string(shard.record.shard.index) + "/" +
         std::to_string(shard.record.shard.count) + ")";
}

void require_same_run(const ShardFolder& first, const ShardFolder& other) {
  const ShardRecord& a = first.record;
  const ShardRecord& b = other.record;
  std::string differs;
  if (a.command != b.command)
    differs = "command (" + a.command + " against " + b.command + ")";
  else if (a.variant != b.variant)
    differs = "variant (" + a.variant + " against " + b.variant + ")";
  else if (a.seed != b.seed)
    differs = "seed (" + std::to_string(a.seed) + " against " + std::to_string(b.seed) + ")";
  else if (a.fingerprint != b.fingerprint)
    differs = "specification (" + a.spec_file + " against " + b.spec_file + ")";
  else if (a.points != b.points)
    differs = "design size";
  else if (a.shard.count != b.shard.count) {
    differs = "shard count (" + std::to_string(a.shard.count) + " against " + std::to_string(b.shard.count) + ")";
  }
  if (!differs.empty()) {
    throw ShardMismatch(describe_shard(other) + " is not a shard of the run of " + describe_shard(first) + ": the " +
                        differs + " differs");
  }
}

std::uint64_t count_lines(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ShardMismatch(file.string() + " is missing: the shard folder is incomplete");
  std::uint64_t lines = 0;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    lines += static_cast<std::uint64_t>(std::count(buffer, buffer + in.gcount(), '\n'));
  }
  return lines;
}

std::string first_line(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string line;
  std::getline(in, line);
  return line;
}

// Appends `file` to `out`, leaving out its header line unless `with_header`.
void append_table(AppendFile& out, const fs::path& file, bool with_header) {
  std::ifstream in(file, std::ios::binary);
  if (!with_header) {
    std::string header;
    std::getline(in, header);
  }
  std::string buffer(1 << 20, '\0');
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    out.append(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
}

std::vector<ShardFolder> checked_shards(const std::vector<fs::path>& folders) {
  if (folders.empty()) throw ShardMismatch("no shard folders given");
  std::vector<ShardFolder> shards;
  for (const auto& folder : folders) {
    try {
      shards.push_back(ShardFolder{folder, read_shard_record(folder / shard_record_file_name)});
    } catch (const std::runtime_error& error) {
      throw ShardMismatch(error.what());
    }
  }
  for (const auto& shard : shards) require_same_run(shards.front(), shard);

  std::map<std::uint64_t, const ShardFolder*> by_index;
  for (const auto& shard : shards) {
    const auto [at, inserted] = by_index.emplace(shard.record.shard.index, &shard);
    if (!inserted) {
      throw ShardMismatch("shard " + std::to_string(shard.record.shard.index) +
                          " is given twice: " + at->second->folder.string() + " and " + shard.folder.string());
    }
  }
  const std::uint64_t count = shards.front().record.shard.count;
  std::string missing;
  std::uint64_t missing_count = 0;
  for (std::uint64_t k = 1; k <= count; ++k) {
    if (by_index.count(k) != 0) continue;
    if (++missing_count <= 10) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
  }
  if (missing_count > 0) {
    throw ShardMismatch(std::to_string(missing_count) + " of " + std::to_string(count) + " shards missing: " + missing +
                        (missing_count > 10 ? ", ..." : ""));
  }

  std::vector<ShardFolder> ordered;
  for (const auto& [index, shard] : by_index) ordered.push_back(*shard);
  for (const auto& shard : ordered) {
    const PointRange expected = shard_points(shard.record.points, shard.record.shard);
    if (shard.record.range.first != expected.first || shard.record.range.end != expected.end) {
      throw ShardMismatch(describe_shard(shard) + " records points " + std::to_string(shard.record.range.first) + "-" +
                          std::to_string(shard.record.range.end) + ", but its block is " +
                          std::to_string(expected.first) + "-" + std::to_string(expected.end));
    }
    const std::uint64_t rows = count_lines(shard.folder / "points.csv");
    if (rows != shard.record.range.end - shard.record.range.first + 1) {
      throw ShardMismatch(describe_shard(shard) + ": points.csv has " + std::to_string(rows) + " lines, expected " +
                          std::to_string(shard.record.range.end - shard.record.range.first + 1));
    }
    for (const auto& table : merged_tables) {
      if (first_line(shard.folder / table) != first_line(ordered.front().folder / table)) {
        throw ShardMismatch(describe_shard(shard) + ": the columns of " + table + " differ from " +
                            describe_shard(ordered.front()) + "'s");
      }
    }
  }
  return ordered;
}

void write_merged_manifest(const fs::path& from, const fs::path& to, const std::string& command_line) {
  std::ifstream in(from, std::ios::binary);
  nlohmann::ordered_json manifest;
  try {
    manifest = nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw ShardMismatch(from.string() + ": not a manifest (" + error.what() + ")");
  }
  manifest["command_line"] = command_line;
  write_file_synced(to, manifest.dump(2) + "\n");
}

}  // namespace

MergeRecord read_merge_record(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ShardMismatch(file.string() + " not found: is this a folder written by `hsim merge`?");
  try {
    const auto json = nlohmann::json::parse(in);
    MergeRecord record;
    record.command = json.at("command").get<std::string>();
    record.variant = json.at("variant").get<std::string>();
    record.fingerprint = json.at("fingerprint").get<std::string>();
    record.spec_file = json.at("spec_file").get<std::string>();
    record.seed = json.at("seed").get<std::uint64_t>();
    record.points = json.at("points").get<std::uint64_t>();
    record.shards = json.at("shards").get<std::uint64_t>();
    return record;
  } catch (const nlohmann::json::exception& error) {
    throw ShardMismatch(file.string() + ": not a merge record (" + error.what() + ")");
  }
}

MergeRecord merge_shards(const std::vector<fs::path>& shard_folders, const MergeOptions& options) {
  const std::vector<ShardFolder> shards = checked_shards(shard_folders);
  output::RunFolder merged(options.out, options.overwrite);
  for (const auto& table : merged_tables) {
    AppendFile out(merged.file(table), 0);
    for (std::size_t i = 0; i < shards.size(); ++i) append_table(out, shards[i].folder / table, i == 0);
    out.sync();
  }
  write_merged_manifest(shards.front().folder / "manifest.json", merged.file("manifest.json"), options.command_line);

  const ShardRecord& first = shards.front().record;
  MergeRecord record{first.command, first.variant, first.fingerprint, first.spec_file,
                     first.seed,    first.points,  first.shard.count};
  nlohmann::ordered_json folders = nlohmann::ordered_json::array();
  for (const auto& shard : shards) folders.push_back(shard.folder.string());
  const nlohmann::ordered_json json{
      {"command", record.command},     {"variant", record.variant}, {"fingerprint", record.fingerprint},
      {"spec_file", record.spec_file}, {"seed", record.seed},       {"points", record.points},
      {"shards", record.shards},       {"merged_from", folders}};
  write_file_synced(merged.file(merge_record_file_name), json.dump(2) + "\n");
  merged.commit();
  return record;
}

}  // namespace hsim::analysis::sweep
