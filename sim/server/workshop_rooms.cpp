#include "sim/server/workshop_rooms.hpp"

#include <algorithm>

namespace hsim::server {

std::string WorkshopRooms::open_room(bool step_by_step) {
  // Letters that cannot be misread on a projector (no I, O, 0, 1).
  static const std::string letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const std::lock_guard guard(mutex_);
  std::string code;
  do {
    code.clear();
    for (int i = 0; i < 5; ++i) {
      state_ ^= state_ << 13U;
      state_ ^= state_ >> 7U;
      state_ ^= state_ << 17U;
      code += letters[state_ % letters.size()];
    }
  } while (rooms_.count(code) != 0);
  rooms_[code].step_by_step = step_by_step;
  return code;
}

bool WorkshopRooms::exists(const std::string& code) const {
  const std::lock_guard guard(mutex_);
  return rooms_.count(code) != 0;
}

bool WorkshopRooms::add(const std::string& code, BoardEntry entry) {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  if (room == rooms_.end()) return false;
  room->second.entries.push_back(std::move(entry));
  return true;
}

std::optional<std::vector<BoardEntry>> WorkshopRooms::board(const std::string& code) const {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  if (room == rooms_.end()) return std::nullopt;
  return room->second.entries;
}

bool WorkshopRooms::lock(const std::string& code, std::vector<std::string> lever_paths) {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  if (room == rooms_.end()) return false;
  room->second.locked_levers = std::move(lever_paths);
  return true;
}

std::vector<std::string> WorkshopRooms::locked(const std::string& code) const {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  return room == rooms_.end() ? std::vector<std::string>{} : room->second.locked_levers;
}

bool WorkshopRooms::reveal(const std::string& code, const std::string& teaching_scenario) {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  if (room == rooms_.end()) return false;
  auto& revealed = room->second.revealed;
  if (std::find(revealed.begin(), revealed.end(), teaching_scenario) == revealed.end())
    revealed.push_back(teaching_scenario);
  return true;
}

bool WorkshopRooms::step_by_step(const std::string& code) const {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  return room != rooms_.end() && room->second.step_by_step;
}

std::vector<std::string> WorkshopRooms::revealed(const std::string& code) const {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  return room == rooms_.end() ? std::vector<std::string>{} : room->second.revealed;
}

bool WorkshopRooms::teaching_open(const std::string& code, const std::string& teaching_scenario) const {
  const std::lock_guard guard(mutex_);
  const auto room = rooms_.find(code);
  if (room == rooms_.end() || !room->second.step_by_step) return true;
  const auto& revealed = room->second.revealed;
  return std::find(revealed.begin(), revealed.end(), teaching_scenario) != revealed.end();
}

}  // namespace hsim::server
