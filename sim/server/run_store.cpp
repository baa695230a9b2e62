#include "sim/server/run_store.hpp"

#include <cstdint>
#include <sqlite3.h>
#include <stdexcept>

namespace hsim::server {

namespace {

// Finalizes the statement however the caller leaves.
class Statement {
 public:
  Statement(sqlite3* database, const char* sql) : database_(database) {
    if (sqlite3_prepare_v2(database, sql, -1, &statement_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("run store: ") + sqlite3_errmsg(database));
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(statement_); }

  void bind(int index, const std::string& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  // SQLITE_ROW or SQLITE_DONE; anything else throws.
  int step() {
    const int code = sqlite3_step(statement_);
    if (code != SQLITE_ROW && code != SQLITE_DONE) {
      throw std::runtime_error(std::string("run store: ") + sqlite3_errmsg(database_));
    }
    return code;
  }
  [[nodiscard]] std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
  }
  [[nodiscard]] long long integer(int column) const { return sqlite3_column_int64(statement_, column); }

 private:
  sqlite3* database_;
  sqlite3_stmt* statement_ = nullptr;
};

void execute(sqlite3* database, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(database, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw std::runtime_error("run store: " + text);
  }
}

}  // namespace

RunStore::RunStore(const std::string& file) {
  if (sqlite3_open_v2(file.c_str(), &database_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = database_ ? sqlite3_errmsg(database_) : "out of memory";
    sqlite3_close(database_);
    throw std::runtime_error("cannot open the run store " + file + ": " + message);
  }
  sqlite3_busy_timeout(database_, 5000);
  try {
    execute(database_, "PRAGMA journal_mode=WAL");
    execute(database_, "PRAGMA synchronous=NORMAL");
    execute(database_,
            "CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, created TEXT NOT NULL DEFAULT "
            "(strftime('%Y-%m-%dT%H:%M:%SZ','now')), request TEXT NOT NULL, result TEXT NOT NULL)");
  } catch (...) {
    sqlite3_close(database_);
    throw;
  }
}

RunStore::~RunStore() {
  sqlite3_close(database_);
}

std::optional<std::string> RunStore::find(const std::string& key) const {
  const std::lock_guard guard(mutex_);
  Statement statement(database_, "SELECT result FROM runs WHERE key = ?1");
  statement.bind(1, key);
  if (statement.step() != SQLITE_ROW) return std::nullopt;
  return statement.text(0);
}

void RunStore::put(const std::string& key, const std::string& request_json, const std::string& result_json) {
  const std::lock_guard guard(mutex_);
  Statement statement(database_, "INSERT OR REPLACE INTO runs (key, request, result) VALUES (?1, ?2, ?3)");
  statement.bind(1, key);
  statement.bind(2, request_json);
  statement.bind(3, result_json);
  statement.step();
}

long long RunStore::count() const {
  const std::lock_guard guard(mutex_);
  Statement statement(database_, "SELECT COUNT(*) FROM runs");
  statement.step();
  return statement.integer(0);
}

}  // namespace hsim::server
