#pragma once

// Workshop rooms: a teacher opens a room and gets a short code; groups send their runs with the code
// and their name; the board lists every run of the room in order (who moved which lever, what it did).
// Rooms live in memory: a board is for one session; runs themselves are in the store.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hsim::server {

struct BoardEntry {
  std::string group;
  std::string result_key;
  std::string summary_json;  // request and headline of the run
};

class WorkshopRooms {
 public:
  explicit WorkshopRooms(std::uint64_t seed) : state_(seed | 1U) {}

  std::string open_room();
  [[nodiscard]] bool exists(const std::string& code) const;
  // False when there is no such room.
  bool add(const std::string& code, BoardEntry entry);
  [[nodiscard]] std::optional<std::vector<BoardEntry>> board(const std::string& code) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<BoardEntry>> rooms_;
  std::uint64_t state_;
};

}  // namespace hsim::server
