#pragma once

// Ties between people who use drugs: friends who visit, and bring traffic to a flat while they are
// homeless themselves (001:3044-3049). The ties are drawn from each person's own random stream, so they
// are the same under every policy.

#include <cstddef>
#include <cstdint>

#include "sim/engine/huge_page_allocator.hpp"

namespace hsim::model {

// Each person's contacts, in the order their ties were made: person p's are
// contacts[offsets[p] .. offsets[p + 1]).
struct ContactLists {
  engine::EntityVector<std::uint32_t> offsets;  // size people + 1
  engine::EntityVector<std::uint32_t> contacts;
};

// People in id order each propose Poisson(contacts_mean / 2) ties to uniformly chosen others; a tie
// already made is dropped, so the mean degree is about contacts_mean. Built in parts on up to `threads`
// threads, without a per-person allocation; the result does not depend on `threads`.
[[nodiscard]] ContactLists build_contact_lists(std::size_t people, double contacts_mean, std::uint64_t seed,
                                               std::uint64_t replicate, std::uint64_t purpose, unsigned threads = 1);

}  // namespace hsim::model
