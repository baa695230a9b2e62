// How the city model's cost grows with the city: a scenario with its population, inflow, programme
// intake, housing, places and staff multiplied by each factor, run under one policy. Prints people,
// events, events/s, ns per event, peak heap bytes per simulated person and the speed-up of two threads
// inside one replicate, with the engine's limits (PHOLD and a bare heap at the model's peak pending-event
// count) beside it.
//
//   hsim-bench-scaling --scenario scenarios/bergen.yaml --scale 1,10,100
//   hsim-bench-scaling --scenario scenarios/bergen.yaml --scale 1000 --policy housing_first --no-limits

#include <CLI/CLI.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <malloc.h>
#include <new>
#include <string>
#include <vector>

#include "bench/engine_limits.hpp"
#include "sim/engine/memory_reuse.hpp"
#include "sim/model/run.hpp"
#include "sim/scenario/scenario_loader.hpp"

// Live and peak heap bytes of the whole process: the model's state, queues and records.
namespace {
std::atomic<std::int64_t> live_bytes{0};
std::atomic<std::int64_t> peak_bytes{0};

void note_allocation(void* pointer) {
  if (pointer == nullptr) return;
  const auto size = static_cast<std::int64_t>(malloc_usable_size(pointer));
  const std::int64_t now = live_bytes.fetch_add(size, std::memory_order_relaxed) + size;
  std::int64_t peak = peak_bytes.load(std::memory_order_relaxed);
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

void* allocate(std::size_t size) {
  void* pointer = std::malloc(size == 0 ? 1 : size);
  if (pointer == nullptr) throw std::bad_alloc();
  note_allocation(pointer);
  return pointer;
}

void release(void* pointer) noexcept {
  if (pointer == nullptr) return;
  live_bytes.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(pointer)), std::memory_order_relaxed);
  std::free(pointer);
}
}  // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  const auto align = static_cast<std::size_t>(alignment);
  void* pointer = std::aligned_alloc(align, size);  // glibc takes any size
  if (pointer == nullptr) throw std::bad_alloc();
  note_allocation(pointer);
  return pointer;
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return operator new(size, alignment);
}
void operator delete(void* pointer) noexcept {
  release(pointer);
}
void operator delete[](void* pointer) noexcept {
  release(pointer);
}
void operator delete(void* pointer, std::size_t) noexcept {
  release(pointer);
}
void operator delete[](void* pointer, std::size_t) noexcept {
  release(pointer);
}
void operator delete(void* pointer, std::align_val_t) noexcept {
  release(pointer);
}
void operator delete[](void* pointer, std::align_val_t) noexcept {
  release(pointer);
}
void operator delete(void* pointer, std::size_t, std::align_val_t) noexcept {
  release(pointer);
}
void operator delete[](void* pointer, std::size_t, std::align_val_t) noexcept {
  release(pointer);
}

namespace {

using namespace hsim;

template <class Map>
void scale_map(Map& by_year, double factor) {
  for (auto& [year, value] : by_year) value = static_cast<typename Map::mapped_type>(value * factor);
}

int scaled(int count, double factor) {
  return static_cast<int>(count * factor);
}

// The same city `factor` times over: every count of people, flats, places and staff multiplied, rates
// and shares unchanged.
model::CityParameters scale_city(model::CityParameters p, double factor) {
  p.city.initial_homeless_count = scaled(p.city.initial_homeless_count, factor);
  p.city.homelessness_inflow_per_year *= factor;
  scale_map(p.city.homelessness_inflow_by_year, factor);
  scale_map(p.population.intake_by_year, factor);
  p.housing.private_vacancies_for_programme_per_year *= factor;
  p.housing.municipal_vacancies_per_year *= factor;
  p.housing.municipal_flats_reserved_for_programme_per_year *= factor;
  p.housing.private_landlords = scaled(p.housing.private_landlords, factor);
  p.staircase.shelter_places = scaled(p.staircase.shelter_places, factor);
  p.staircase.temporary_accommodation_places = scaled(p.staircase.temporary_accommodation_places, factor);
  p.staircase.training_flat_places = scaled(p.staircase.training_flat_places, factor);
  scale_map(p.teams.housing_first.fte_by_year, factor);
  p.teams.ordinary_follow_up.fte *= factor;
  p.policy.mixed_hf_places = scaled(p.policy.mixed_hf_places, factor);
  return p;
}

struct Run {
  std::size_t people = 0;
  std::uint64_t events = 0;
  std::uint64_t peak_pending = 0;
  double seconds = 0.0;
  std::int64_t peak_heap = 0;
};

Run measure(const model::CityParameters& parameters, model::PolicyName policy, std::size_t replicates,
            unsigned threads) {
  Run run;
  for (std::size_t r = 0; r < replicates; ++r) {
    const std::int64_t before = live_bytes.load();
    peak_bytes.store(before);
    const auto start = bench::Clock::now();
    const auto result = model::simulate_replicate(parameters, policy, 1, r, threads);
    run.seconds += bench::seconds_since(start);
    run.people += result.people.size();
    run.events += result.counters.events;
    run.peak_pending = std::max(run.peak_pending, result.counters.peak_pending_events);
    run.peak_heap = std::max(run.peak_heap, peak_bytes.load() - before);
  }
  run.people /= replicates;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  hsim::engine::keep_freed_memory_for_reuse();
  CLI::App app{"City model cost against the city's size", "hsim-bench-scaling"};
  std::string scenario_file = "scenarios/bergen.yaml";
  std::vector<double> scales{1, 10, 100};
  std::string policy_text = "housing_first";
  std::size_t events_per_point = 2'000'000;
  bool limits = true;
  app.add_option("--scenario", scenario_file, "City scenario to scale")->check(CLI::ExistingFile);
  app.add_option("--scale", scales, "Factors to multiply the city by")->delimiter(',');
  app.add_option("--policy", policy_text, "Policy to run");
  app.add_option("--events", events_per_point, "Run replicates until about this many events per point");
  app.add_flag("!--no-limits", limits, "Skip the PHOLD and bare-heap figures");
  CLI11_PARSE(app, argc, argv);

  auto loaded = scenario::load_scenario(scenario_file, {});
  if (!loaded.ok()) {
    std::cerr << loaded.diagnostics.to_string();
    return 2;
  }
  const auto policy = model::parse_spelling(policy_text, model::policy_name_spellings);
  if (!policy) {
    std::cerr << "unknown policy " << policy_text << "\n";
    return 2;
  }
  std::printf("%s under %s; heap bytes are the peak of one replicate (state, queues and records) per person\n",
              scenario_file.c_str(), policy_text.c_str());
  std::printf("%7s %10s %12s %12s %9s %13s %12s %10s %12s %12s\n", "scale", "people", "events/run", "events/s",
              "ns/event", "bytes/person", "2-thread x", "pending", "PHOLD ns", "heap ns");
  for (const double factor : scales) {
    const auto parameters = scale_city(loaded.scenario->parameters(), factor);
    const Run probe = measure(parameters, *policy, 1, 1);
    const auto replicates = static_cast<std::size_t>(std::clamp<double>(
        static_cast<double>(events_per_point) / static_cast<double>(std::max<std::uint64_t>(1, probe.events)), 1, 50));
    // The probe ran in fresh memory, which the kernel had to zero; both timed runs reuse it, so the
    // 1-thread and 2-thread figures pay the same.
    const Run one = measure(parameters, *policy, replicates, 1);
    const Run two = measure(parameters, *policy, replicates, 2);
    const double events = static_cast<double>(one.events) / static_cast<double>(replicates);
    const double ns_per_event = 1e9 * one.seconds / static_cast<double>(one.events);
    double phold_ns = 0.0, heap_ns = 0.0;
    if (limits) {
      const std::uint64_t target = std::max<std::uint64_t>(one.events, 2'000'000);
      phold_ns = bench::measure_phold_at(one.peak_pending, target, 1).ns_per_event();
      heap_ns = bench::measure_hold(one.peak_pending, target).ns_per_event();
    }
    std::printf("%7g %10zu %12.0f %12.3g %9.1f %13.0f %12.2f %10llu %12.1f %12.1f\n", factor, one.people, events,
                static_cast<double>(one.events) / one.seconds, ns_per_event,
                static_cast<double>(one.peak_heap) / static_cast<double>(one.people), one.seconds / two.seconds,
                static_cast<unsigned long long>(one.peak_pending), phold_ns, heap_ns);
    std::fflush(stdout);
  }
  return 0;
}
