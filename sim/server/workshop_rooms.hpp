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

  // A room opened step by step shows no teaching scenario until the teacher reveals it.
  std::string open_room(bool step_by_step = false);
  [[nodiscard]] bool exists(const std::string& code) const;
  // False when there is no such room.
  bool add(const std::string& code, BoardEntry entry);
  [[nodiscard]] std::optional<std::vector<BoardEntry>> board(const std::string& code) const;

  // The levers the teacher has locked: groups in the room cannot move them. False when no such room.
  bool lock(const std::string& code, std::vector<std::string> lever_paths);
  [[nodiscard]] std::vector<std::string> locked(const std::string& code) const;

  // Teaching scenarios shown step by step: reveal one (false when no such room); whether one may be
  // run in the room (always in a room not opened step by step, and outside rooms).
  bool reveal(const std::string& code, const std::string& teaching_scenario);
  [[nodiscard]] bool step_by_step(const std::string& code) const;
  [[nodiscard]] std::vector<std::string> revealed(const std::string& code) const;
  [[nodiscard]] bool teaching_open(const std::string& code, const std::string& teaching_scenario) const;

 private:
  struct Room {
    std::vector<BoardEntry> entries;
    std::vector<std::string> locked_levers;
    bool step_by_step = false;
    std::vector<std::string> revealed;  // in the order the teacher revealed them
  };
  mutable std::mutex mutex_;
  std::map<std::string, Room> rooms_;
  std::uint64_t state_;
};

}  // namespace hsim::server
