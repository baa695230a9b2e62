#pragma once

// Checks of option values that CLI11 would otherwise convert silently (a wrapped seed, a NaN price).

#include <CLI/CLI.hpp>

#include <cmath>
#include <string>

#include "analysis/sweep/shard.hpp"

namespace hsim::cli {

// CLI11 would wrap "-1" into an unsigned seed and clamp 2^64; refuse both before conversion.
inline CLI::Validator non_negative_whole_number() {
  return CLI::Validator(
      [](std::string& text) {
        const std::string problem = "must be a whole number from 0 to 18446744073709551615, found " + text;
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return problem;
        try {
          (void)std::stoull(text);  // throws std::out_of_range above 2^64 - 1
        } catch (const std::exception&) {
          return problem;
        }
        return std::string();
      },
      "UINT");
}

// A willingness to pay: a finite number >= 0 ("nan" and "inf" are refused, not written as NA rows).
inline CLI::Validator finite_non_negative_number() {
  return CLI::Validator(
      [](std::string& text) {
        try {
          std::size_t used = 0;
          const double value = std::stod(text, &used);
          if (used == text.size() && std::isfinite(value) && value >= 0.0) return std::string();
        } catch (const std::exception&) {
        }
        return "must be a finite number >= 0, found " + text;
      },
      "NUMBER >= 0");
}

// `--shard K/N` for a job array: shard K (1-based) of N.
inline CLI::Validator shard_of_count() {
  return CLI::Validator(
      [](std::string& text) {
        if (analysis::sweep::parse_shard(text)) return std::string();
        return "must be K/N with 1 <= K <= N <= " + std::to_string(analysis::sweep::max_shards) +
               " (shard K of N, e.g. 3/8 or $SLURM_ARRAY_TASK_ID/8), found " + text;
      },
      "K/N");
}

}  // namespace hsim::cli
