#pragma once

// Event classes and kinds of the city model. Within one time, commands from the coordinator run
// first, then messages between entities, then a person's own clocks and timers.

#include <cstdint>

#include "sim/model/city_state.hpp"

namespace hsim::model::detail {

inline constexpr std::uint16_t class_command = 0;
inline constexpr std::uint16_t class_message = 1;
inline constexpr std::uint16_t class_internal = 2;

// A person's alarm: the earliest of their hazard clocks and timers is due.
inline constexpr std::uint16_t kind_due = 16;
inline constexpr std::uint16_t kind_appear = 32;
inline constexpr std::uint16_t kind_enrol_hf = 33;
inline constexpr std::uint16_t kind_assign_place = 34;    // payload: step | token << 8
inline constexpr std::uint16_t kind_move_in = 35;         // payload: unit | short choice << 32
inline constexpr std::uint16_t kind_enrol_ordinary = 36;  // payload: unit
inline constexpr std::uint16_t kind_notice = 38;          // payload: unit
inline constexpr std::uint16_t kind_eviction = 39;        // payload: unit | immediate << 32
inline constexpr std::uint16_t kind_refresh_visitors = 40;
inline constexpr std::uint16_t kind_complaint = 48;  // to a landlord; payload: unit | support << 32 | arrears << 34

// Set on a move-in when fewer flats were open than the team usually offers to choose from.
inline constexpr std::uint64_t move_in_short_choice_flag = 1ULL << 32;

// Entity ids of random streams that belong to no person or landlord.
inline constexpr std::uint64_t stream_entity_city = 0xF000'0000'0000'0001ULL;
inline constexpr std::uint64_t stream_entity_vacancies = 0xF000'0000'0000'0002ULL;
inline constexpr std::uint64_t stream_entity_cohort = 0xF000'0000'0000'0003ULL;
inline constexpr std::uint64_t stream_entity_landlords = 0xF000'0000'0000'0004ULL;
inline constexpr std::uint64_t stream_entity_unit_base = 0xE000'0000'0000'0000ULL;

}  // namespace hsim::model::detail
