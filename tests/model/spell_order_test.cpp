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

// Spells with few distinct values in every field, so that many share a person, a start day or every
// field but one.
SpellRecords random_spells(std::size_t count, std::uint32_t people, std::uint64_t seed) {
  engine::RandomStream stream(engine::StreamKey{seed, 0, 0, 0});
  SpellRecords spells(count);
  for (SpellRecord& spell : spells) {
    spell.person = static_cast<std::uint32_t>(engine::uniform_index(stream, people));
    spell.start_day = static_cast<double>(engine::uniform_index(stream, 4));
    spell.end_day = spell.start_day + static_cast<double>(engine::uniform_index(stream, 2));
    spell.type = static_cast<SpellType>(engine::uniform_index(stream, 2));
    spell.end_reason = static_cast<EndReason>(engine::uniform_index(stream, 3));
    spell.unit = static_cast<std::int32_t>(engine::uniform_index(stream, 3)) - 1;
    spell.flat_number = static_cast<std::uint16_t>(engine::uniform_index(stream, 2));
    spell.district = static_cast<std::int16_t>(engine::uniform_index(stream, 2));
    spell.tenure = static_cast<Tenure>(engine::uniform_index(stream, 2));
  }
  return spells;
}

}  // namespace

TEST_CASE("spells come out in the one full order, whatever their arrival order", "[unit][model]") {
  auto spells = random_spells(3000, 40, 3);
  auto reversed = spells;
  std::reverse(reversed.begin(), reversed.end());
  sort_spells(spells);
  sort_spells(reversed);
  CHECK(spells == reversed);
  CHECK(std::is_sorted(spells.begin(), spells.end(), spell_precedes));
  // Spells that compare equal are identical, so no arrival order can show through.
  std::size_t ties = 0;
  for (std::size_t i = 1; i < spells.size(); ++i) {
    if (spell_precedes(spells[i - 1], spells[i])) continue;
    ++ties;
    CHECK(spells[i - 1] == spells[i]);
  }
  CHECK(ties > 0);  // the draws do make identical spells, so the check above is exercised
}

TEST_CASE("the counting sort of small runs and the range sort of large ones give the same order", "[unit][model]") {
  // 3,000 spells take the counting sort by person, the others the sort by ranges of people: 70,000 over
  // 5,000 people (eight ranges), 200,000 over a million (24 ranges, many people without a spell) and
  // 100,000 over 3 people (no more ranges than people). People with no spell and one person with many
  // exercise empty and long groups.
  struct Case {
    std::size_t count;
    std::uint32_t people;
  };
  for (const Case& c : {Case{3000, 5000}, Case{70000, 5000}, Case{200000, 1000000}, Case{100000, 3}}) {
    auto spells = random_spells(c.count, c.people, 7);
    for (std::size_t i = 0; i < 200; ++i) spells[i * 7].person = 4321 % c.people;
    auto reference = spells;
    std::sort(reference.begin(), reference.end(), spell_precedes);
    for (const unsigned threads : {1u, 2u}) {
      auto sorted = spells;
      sort_spells(sorted, threads);
      INFO(c.count << " spells of " << c.people << " people on " << threads << " threads");
      CHECK(sorted == reference);
    }
  }
}
