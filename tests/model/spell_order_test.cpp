// Spells are handed over in one order whatever order they arrive in.

#include "sim/model/spell_order.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "sim/engine/random_stream.hpp"

namespace {

using namespace hsim::model;
namespace engine = hsim::engine;

// Spells with few distinct values, so that many share a person, a start day or every key but one.
std::vector<SpellRecord> random_spells(std::size_t count, std::uint32_t people, std::uint64_t seed) {
  engine::RandomStream stream(engine::StreamKey{seed, 0, 0, 0});
  std::vector<SpellRecord> spells(count);
  for (SpellRecord& spell : spells) {
    spell.person = static_cast<std::uint32_t>(engine::uniform_index(stream, people));
    spell.start_day = static_cast<double>(engine::uniform_index(stream, 4));
    spell.end_day = spell.start_day + static_cast<double>(engine::uniform_index(stream, 2));
    spell.type = static_cast<SpellType>(engine::uniform_index(stream, 2));
    spell.end_reason = static_cast<EndReason>(engine::uniform_index(stream, 3));
    spell.unit = static_cast<std::int32_t>(engine::uniform_index(stream, 3)) - 1;
    spell.flat_number = static_cast<std::uint16_t>(engine::uniform_index(stream, 2));
  }
  return spells;
}

}  // namespace

TEST_CASE("spells sorted by person come out in the one full order, whatever their arrival order", "[unit][model]") {
  constexpr std::uint32_t people = 40;
  auto spells = random_spells(3000, people, 3);
  auto expected = spells;
  std::sort(expected.begin(), expected.end(), spell_precedes);
  sort_spells(spells, people);
  CHECK(spells == expected);

  std::reverse(spells.begin(), spells.end());
  sort_spells(spells, people);
  CHECK(spells == expected);
  // Spells that compare equal are identical, so no arrival order can show through.
  for (std::size_t i = 1; i < expected.size(); ++i) {
    if (!spell_precedes(expected[i - 1], expected[i])) CHECK(expected[i - 1] == expected[i]);
  }
}

TEST_CASE("sorting no spells, or spells of people without any, leaves nothing out", "[unit][model]") {
  std::vector<SpellRecord> none;
  sort_spells(none, 10);
  CHECK(none.empty());
  auto spells = random_spells(50, 3, 4);  // people 0..2 of 1,000
  sort_spells(spells, 1000);
  CHECK(spells.size() == 50);
  CHECK(std::is_sorted(spells.begin(), spells.end(), spell_precedes));
}
