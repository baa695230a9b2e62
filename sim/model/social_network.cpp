#include "sim/model/social_network.hpp"

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "sim/engine/parallel_parts.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/model/city_state.hpp"

namespace hsim::model {

ContactLists build_contact_lists(std::size_t people, double contacts_mean, std::uint64_t seed, std::uint64_t replicate,
                                 std::uint64_t purpose, unsigned threads) {
  ContactLists lists;
  lists.offsets.assign(people + 1, 0);
  if (people < 2 || !(contacts_mean > 0.0)) return lists;
  const auto for_each_person = [&](auto&& body) {
    engine::for_each_index_on(threads, people, detail::people_per_part, body);
  };
  const auto stream_of = [&](std::size_t person) {
    return engine::RandomStream(engine::StreamKey{seed, replicate, person, purpose});
  };

  // Every proposal, grouped by proposer: person p's are proposed[first[p] .. first[p + 1]).
  engine::EntityVector<std::uint32_t> first(people + 1, 0);
  for_each_person([&](std::size_t person) {
    auto stream = stream_of(person);
    first[person + 1] = static_cast<std::uint32_t>(engine::poisson(stream, contacts_mean / 2.0));
  });
  for (std::size_t p = 0; p < people; ++p) first[p + 1] += first[p];
  engine::EntityVector<std::uint32_t> proposed(first[people]);
  for_each_person([&](std::size_t person) {
    auto stream = stream_of(person);
    (void)engine::poisson(stream, contacts_mean / 2.0);  // the count again, to reach the proposals' draws
    for (std::uint32_t k = first[person]; k < first[person + 1]; ++k) {
      std::uint64_t other = engine::uniform_index(stream, people - 1);
      if (other >= person) ++other;
      proposed[k] = static_cast<std::uint32_t>(other);
    }
  });

  // Only the two ends ever propose a tie, and everyone with a lower id proposes first: a proposal of p
  // to o makes a new tie unless p proposed o before, or o < p and o proposed p at all.
  const auto proposals_of = [&](std::size_t person) {
    return std::span<const std::uint32_t>(proposed.data() + first[person], first[person + 1] - first[person]);
  };
  std::vector<std::uint8_t> new_tie(proposed.size(), 0);
  for_each_person([&](std::size_t person) {
    const auto own = proposals_of(person);
    for (std::size_t k = 0; k < own.size(); ++k) {
      const std::uint32_t other = own[k];
      const bool proposed_before = std::find(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(k), other) !=
                                   own.begin() + static_cast<std::ptrdiff_t>(k);
      const auto theirs = proposals_of(other);
      const bool made_by_other =
          other < person && std::find(theirs.begin(), theirs.end(), static_cast<std::uint32_t>(person)) != theirs.end();
      new_tie[first[person] + k] = proposed_before || made_by_other ? 0 : 1;
    }
  });

  // Each tie is listed at both ends, in the order the ties were made.
  for (std::size_t p = 0; p < people; ++p) {
    for (std::uint32_t k = first[p]; k < first[p + 1]; ++k) {
      if (new_tie[k] == 0) continue;
      ++lists.offsets[p + 1];
      ++lists.offsets[std::size_t{proposed[k]} + 1];
    }
  }
  for (std::size_t p = 0; p < people; ++p) lists.offsets[p + 1] += lists.offsets[p];
  lists.contacts.resize(lists.offsets[people]);
  engine::EntityVector<std::uint32_t> next(lists.offsets.begin(), lists.offsets.end() - 1);
  for (std::size_t p = 0; p < people; ++p) {
    for (std::uint32_t k = first[p]; k < first[p + 1]; ++k) {
      if (new_tie[k] == 0) continue;
      const std::uint32_t other = proposed[k];
      lists.contacts[next[p]++] = other;
      lists.contacts[next[other]++] = static_cast<std::uint32_t>(p);
    }
  }
  return lists;
}

}  // namespace hsim::model
