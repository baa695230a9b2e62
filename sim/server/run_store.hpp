#pragma once

// Every run the server has answered, in an SQLite database keyed by a hash of what determines the
// result (the resolved scenarios, policies, seed and replicates). Runs are deterministic, so a repeated
// request is served from the store. WAL mode lets readers proceed while the one writer commits; the
// store survives restarts and a killed server leaves no half-written row (each put is a transaction).

#include <mutex>
#include <optional>
#include <string>

struct sqlite3;

namespace hsim::server {

class RunStore {
 public:
  // Opens (creating when missing) the database file. Throws std::runtime_error with SQLite's message.
  explicit RunStore(const std::string& file);
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;
  ~RunStore();

  [[nodiscard]] std::optional<std::string> find(const std::string& key) const;
  void put(const std::string& key, const std::string& request_json, const std::string& result_json);
  [[nodiscard]] long long count() const;

 private:
  sqlite3* database_ = nullptr;
  mutable std::mutex mutex_;
};

}  // namespace hsim::server
