#include "analysis/sweep/shard.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

#include "analysis/sweep/append_file.hpp"

namespace hsim::analysis::sweep {

namespace {

std::optional<std::uint64_t> parse_digits(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const auto index = parse_digits(text.substr(0, slash));
  const auto count = parse_digits(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *count > max_shards || *index == 0 || *index > *count) return std::nullopt;
  return Shard{*index, *count};
}

PointRange shard_points(std::uint64_t points, const Shard& shard) {
  // Computed in two steps so that points * index cannot overflow.
  auto boundary = [&](std::uint64_t k) {
    return (points / shard.count) * k + (points % shard.count) * k / shard.count;
  };
  return PointRange{boundary(shard.index - 1), boundary(shard.index)};
}

void write_shard_record(const std::filesystem::path& file, const ShardRecord& record) {
  const nlohmann::ordered_json json{
      {"command", record.command},     {"variant", record.variant},    {"fingerprint", record.fingerprint},
      {"spec_file", record.spec_file}, {"seed", record.seed},          {"points", record.points},
      {"shard", record.shard.index},   {"shards", record.shard.count}, {"first_point", record.range.first},
      {"end_point", record.range.end}};
  write_file_synced(file, json.dump(2) + "\n");
}

ShardRecord read_shard_record(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": not found; is this a folder written by --shard?");
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in);
    ShardRecord record;
    record.command = json.at("command").get<std::string>();
    record.variant = json.at("variant").get<std::string>();
    record.fingerprint = json.at("fingerprint").get<std::string>();
    record.spec_file = json.at("spec_file").get<std::string>();
    record.seed = json.at("seed").get<std::uint64_t>();
    record.points = json.at("points").get<std::uint64_t>();
    record.shard.index = json.at("shard").get<std::uint64_t>();
    record.shard.count = json.at("shards").get<std::uint64_t>();
    record.range.first = json.at("first_point").get<std::uint64_t>();
    record.range.end = json.at("end_point").get<std::uint64_t>();
    return record;
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(file.string() + ": not a shard record (" + error.what() + ")");
  }
}

}  // namespace hsim::analysis::sweep
