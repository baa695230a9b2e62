#include "sim/model/social_network.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "sim/engine/distributions.hpp"
#include "sim/engine/random_stream.hpp"

namespace model = hsim::model;
namespace engine = hsim::engine;

namespace {

// The ties drawn one proposal at a time into a Boost.Graph, each checked against the graph so far: the
// definition the parallel build must reproduce, order of each person's contacts included.
std::vector<std::vector<std::uint32_t>> ties_one_at_a_time(std::size_t people, double contacts_mean,
                                                           std::uint64_t seed) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph graph(people);
  for (std::size_t person = 0; people >= 2 && person < people; ++person) {
    engine::RandomStream stream(engine::StreamKey{seed, 0, person, 7});
    const std::uint64_t proposals = engine::poisson(stream, contacts_mean / 2.0);
    for (std::uint64_t k = 0; k < proposals; ++k) {
      std::uint64_t other = engine::uniform_index(stream, people - 1);
      if (other >= person) ++other;
      if (!boost::edge(person, other, graph).second) boost::add_edge(person, other, graph);
    }
  }
  std::vector<std::vector<std::uint32_t>> contacts(people);
  for (std::size_t person = 0; person < people; ++person) {
    for (auto [it, end] = boost::adjacent_vertices(person, graph); it != end; ++it) {
      contacts[person].push_back(static_cast<std::uint32_t>(*it));
    }
  }
  return contacts;
}

}  // namespace

TEST_CASE("contact lists match ties drawn one at a time into a graph, at any thread count", "[unit]") {
  // Small cities with many contacts each make repeated and mutual proposals common.
  struct Case {
    std::size_t people;
    double contacts_mean;
  };
  for (const Case c : {Case{2, 3.0}, Case{5, 6.0}, Case{40, 12.0}, Case{9000, 4.0}, Case{20, 0.0}}) {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      const auto expected = ties_one_at_a_time(c.people, c.contacts_mean, seed);
      for (unsigned threads : {1u, 2u}) {
        const auto lists = model::build_contact_lists(c.people, c.contacts_mean, seed, 0, 7, threads);
        INFO("people " << c.people << ", mean " << c.contacts_mean << ", seed " << seed << ", threads " << threads);
        REQUIRE(lists.offsets.size() == c.people + 1);
        for (std::size_t person = 0; person < c.people; ++person) {
          const std::vector<std::uint32_t> got(lists.contacts.begin() + lists.offsets[person],
                                               lists.contacts.begin() + lists.offsets[person + 1]);
          REQUIRE(got == expected[person]);
        }
      }
    }
  }
}
