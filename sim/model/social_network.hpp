#pragma once

// Ties between people who use drugs, as a Boost.Graph: friends who visit, and bring traffic to a flat
// while they are homeless themselves (001:3044-3049). The graph is drawn from each person's own
// random stream, so it is the same under every policy.

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <vector>

#include "sim/engine/huge_page_allocator.hpp"

namespace hsim::model {

using SocialNetwork = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Person i proposes Poisson(contacts_mean / 2) ties to uniformly chosen others, so the mean degree is
// about contacts_mean. Duplicate ties and self-ties are dropped.
[[nodiscard]] SocialNetwork build_social_network(std::size_t people, double contacts_mean, std::uint64_t seed,
                                                 std::uint64_t replicate, std::uint64_t purpose);

// Compressed adjacency (offsets into one contacts array) for fast scans during the run.
struct ContactLists {
  engine::EntityVector<std::uint32_t> offsets;  // size people + 1
  engine::EntityVector<std::uint32_t> contacts;
};
[[nodiscard]] ContactLists contact_lists(const SocialNetwork& network);

}  // namespace hsim::model
