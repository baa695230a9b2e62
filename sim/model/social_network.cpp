#include "sim/model/social_network.hpp"

#include "sim/engine/distributions.hpp"
#include "sim/engine/random_stream.hpp"

namespace hsim::model {

SocialNetwork build_social_network(std::size_t people, double contacts_mean, std::uint64_t seed,
                                   std::uint64_t replicate, std::uint64_t purpose) {
  SocialNetwork network(people);
  if (people < 2 || !(contacts_mean > 0.0)) return network;
  for (std::size_t person = 0; person < people; ++person) {
    engine::RandomStream stream(engine::StreamKey{seed, replicate, person, purpose});
    const std::uint64_t proposals = engine::poisson(stream, contacts_mean / 2.0);
    for (std::uint64_t k = 0; k < proposals; ++k) {
      std::uint64_t other = engine::uniform_index(stream, people - 1);
      if (other >= person) ++other;
      if (!boost::edge(person, other, network).second) boost::add_edge(person, other, network);
    }
  }
  return network;
}

ContactLists contact_lists(const SocialNetwork& network) {
  ContactLists lists;
  const std::size_t people = boost::num_vertices(network);
  lists.offsets.resize(people + 1, 0);
  for (std::size_t person = 0; person < people; ++person) {
    lists.offsets[person + 1] = lists.offsets[person] + static_cast<std::uint32_t>(boost::degree(person, network));
  }
  lists.contacts.resize(lists.offsets.back());
  for (std::size_t person = 0; person < people; ++person) {
    std::uint32_t at = lists.offsets[person];
    for (auto [it, end] = boost::adjacent_vertices(person, network); it != end; ++it) {
      lists.contacts[at++] = static_cast<std::uint32_t>(*it);
    }
  }
  return lists;
}

}  // namespace hsim::model
