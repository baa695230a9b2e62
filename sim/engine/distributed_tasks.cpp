#include "sim/engine/distributed_tasks.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>

#if HSIM_WITH_MPI
#include <mpi.h>
#endif

namespace hsim::engine::distributed {

namespace {

int this_rank = 0;
int rank_count = 1;
bool launched_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

#if HSIM_WITH_MPI

bool mpi_open = false;
bool workers_released = false;
bool stop_received = false;

std::uint64_t block_size(const TaskOptions& options) {
  return options.block > 0 ? options.block : 2 * std::uint64_t{std::max(1U, options.threads)};
}

// Results of tasks [first, first + count) computed on this rank's threads, in task order.
std::vector<TaskResult> run_block(std::uint64_t first, std::uint64_t count, const TaskOptions& options,
                                  const RunTask& run_task) {
  std::vector<TaskResult> results(count);
  EnsembleOptions ensemble;
  ensemble.replicates = static_cast<std::size_t>(count);
  ensemble.threads = std::max(1U, options.threads);
  run_ensemble(
      ensemble, [&](std::size_t i) { return run_task(first + i); },
      [&](std::size_t i, TaskResult result) { results[i] = std::move(result); });
  return results;
}

constexpr int max_ranks_root_computes = 8;
constexpr int tag_block = 1;       // rank 0 -> worker: first task, task count
constexpr int tag_stop = 2;        // rank 0 -> worker: rank 0 is finishing; no more work of any kind
constexpr int tag_results = 3;     // worker -> rank 0: first task, count, then each result's size and values
constexpr int tag_region_end = 4;  // rank 0 -> worker: this run_tasks is over

std::string encode_results(std::uint64_t first, const std::vector<TaskResult>& results) {
  std::string bytes;
  auto put = [&](const void* data, std::size_t size) { bytes.append(static_cast<const char*>(data), size); };
  const std::uint64_t count = results.size();
  put(&first, sizeof first);
  put(&count, sizeof count);
  for (const auto& result : results) {
    const std::uint64_t size = result.size();
    put(&size, sizeof size);
    put(result.data(), size * sizeof(double));
  }
  return bytes;
}

std::pair<std::uint64_t, std::vector<TaskResult>> decode_results(const std::string& bytes) {
  std::size_t at = 0;
  auto take = [&](void* data, std::size_t size) {
    if (at + size > bytes.size()) throw std::runtime_error("a worker's results message is cut short");
    std::memcpy(data, bytes.data() + at, size);
    at += size;
  };
  std::uint64_t first = 0;
  std::uint64_t count = 0;
  take(&first, sizeof first);
  take(&count, sizeof count);
  std::vector<TaskResult> results(count);
  for (auto& result : results) {
    std::uint64_t size = 0;
    take(&size, sizeof size);
    result.resize(size);
    take(result.data(), size * sizeof(double));
  }
  return {first, std::move(results)};
}

void send_block(int worker, std::uint64_t first, std::uint64_t count) {
  const std::uint64_t block[2] = {first, count};
  MPI_Send(block, 2, MPI_UINT64_T, worker, tag_block, MPI_COMM_WORLD);
}

// Receives one results message from any worker; returns the worker's rank.
int receive_results(std::map<std::uint64_t, TaskResult>& ready) {
  MPI_Status status;
  MPI_Probe(MPI_ANY_SOURCE, tag_results, MPI_COMM_WORLD, &status);
  int size = 0;
  MPI_Get_count(&status, MPI_BYTE, &size);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  MPI_Recv(bytes.data(), size, MPI_BYTE, status.MPI_SOURCE, tag_results, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  auto [first, results] = decode_results(bytes);
  for (std::uint64_t i = 0; i < results.size(); ++i) ready.emplace(first + i, std::move(results[i]));
  return status.MPI_SOURCE;
}

bool results_waiting() {
  int flag = 0;
  MPI_Iprobe(MPI_ANY_SOURCE, tag_results, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
  return flag != 0;
}

void run_tasks_over_ranks(std::uint64_t first, std::uint64_t end, const TaskOptions& options, const RunTask& run_task,
                          const TaskSink& sink) {
  const std::uint64_t block = block_size(options);
  // Results may arrive ahead of the next one due; the window bounds how many wait in memory.
  const std::uint64_t window = block * static_cast<std::uint64_t>(4 * rank_count);
  constexpr std::size_t blocks_per_worker = 2;  // one computing, one queued: no idle wait for a message
  // With many workers, rank 0's own blocks would delay its answers to them; it then only coordinates.
  const bool root_computes = rank_count <= max_ranks_root_computes;

  std::uint64_t next = first;      // first task not yet handed out
  std::uint64_t next_due = first;  // first task not yet given to the sink
  std::map<std::uint64_t, TaskResult> ready;
  std::vector<std::size_t> in_flight(static_cast<std::size_t>(rank_count), 0);
  auto stopping = [&] { return options.stop != nullptr && options.stop->load(); };
  auto may_hand_out = [&] { return next < end && next < next_due + window && !stopping(); };
  auto take_block = [&] {
    const std::uint64_t count = std::min(block, end - next);
    const std::uint64_t start = next;
    next += count;
    return std::make_pair(start, count);
  };
  auto feed_workers = [&] {
    for (int worker = 1; worker < rank_count; ++worker) {
      while (in_flight[static_cast<std::size_t>(worker)] < blocks_per_worker && may_hand_out()) {
        const auto [start, count] = take_block();
        send_block(worker, start, count);
        ++in_flight[static_cast<std::size_t>(worker)];
      }
    }
  };
  auto flush = [&] {
    for (auto at = ready.find(next_due); at != ready.end(); at = ready.find(next_due)) {
      sink(next_due, std::move(at->second));
      ready.erase(at);
      ++next_due;
    }
  };
  auto outstanding = [&] {
    std::size_t total = 0;
    for (std::size_t n : in_flight) total += n;
    return total;
  };

  feed_workers();
  while (next_due < next || may_hand_out()) {
    if (stopping() && outstanding() == 0) break;
    while (results_waiting()) --in_flight[static_cast<std::size_t>(receive_results(ready))];
    flush();
    feed_workers();
    if (root_computes && may_hand_out() && !results_waiting()) {
      const auto [start, count] = take_block();
      auto results = run_block(start, count, options, run_task);
      for (std::uint64_t i = 0; i < count; ++i) ready.emplace(start + i, std::move(results[i]));
      flush();
    } else if (outstanding() > 0 && ready.find(next_due) == ready.end()) {
      --in_flight[static_cast<std::size_t>(receive_results(ready))];
      flush();
    }
    if (stopping() && outstanding() == 0) break;
  }
  for (int worker = 1; worker < rank_count; ++worker) {
    MPI_Send(nullptr, 0, MPI_BYTE, worker, tag_region_end, MPI_COMM_WORLD);
  }
  if (stopping()) throw EnsembleStopped();
}

void broadcast_results(std::vector<TaskResult>& results, std::uint64_t first) {
  std::string bytes = this_rank == 0 ? encode_results(first, results) : std::string();
  std::uint64_t size = bytes.size();
  MPI_Bcast(&size, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  bytes.resize(size);
  MPI_Bcast(bytes.data(), static_cast<int>(size), MPI_BYTE, 0, MPI_COMM_WORLD);
  if (this_rank != 0) results = decode_results(bytes).second;
}

// Rank 0 tells every other rank that it is finishing.
void release_workers() {
  if (!mpi_open || this_rank != 0 || workers_released) return;
  workers_released = true;
  for (int worker = 1; worker < rank_count; ++worker) {
    MPI_Send(nullptr, 0, MPI_BYTE, worker, tag_stop, MPI_COMM_WORLD);
  }
}

#endif

}  // namespace

Session::Session(int& argc, char**& argv) {
#if HSIM_WITH_MPI
  if (!launched_by_mpirun()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  mpi_open = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &this_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &rank_count);
#else
  (void)argc;
  (void)argv;
#endif
}

Session::~Session() {
#if HSIM_WITH_MPI
  if (!mpi_open) return;
  if (this_rank == 0) {
    release_workers();
  } else if (!stop_received) {
    MPI_Recv(nullptr, 0, MPI_BYTE, 0, tag_stop, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
  MPI_Finalize();
#endif
}

int rank() {
  return this_rank;
}
int ranks() {
  return rank_count;
}

bool built_with_mpi() {
  return HSIM_WITH_MPI != 0;
}

std::string launch_problem() {
  if (built_with_mpi() || !launched_by_mpirun()) return "";
  return "this hsim was built without MPI (CMake option HSIM_MPI), but it was started by an MPI launcher; every "
         "process would write the same files. Build with -DHSIM_MPI=ON or run one process";
}

void run_tasks(std::uint64_t first, std::uint64_t end, const TaskOptions& options, const RunTask& run_task,
               const TaskSink& sink) {
#if HSIM_WITH_MPI
  if (rank_count > 1) {
    run_tasks_over_ranks(first, end, options, run_task, sink);
    return;
  }
#endif
  EnsembleOptions ensemble;
  ensemble.replicates = static_cast<std::size_t>(end - first);
  ensemble.threads = std::max(1U, options.threads);
  ensemble.stop = options.stop;
  run_ensemble(
      ensemble, [&](std::size_t i) { return run_task(first + i); },
      [&](std::size_t i, TaskResult result) { sink(first + i, std::move(result)); });
}

void serve_tasks(const TaskOptions& options, const RunTask& run_task) {
#if HSIM_WITH_MPI
  if (!mpi_open || this_rank == 0) return;
  while (true) {
    MPI_Status status;
    MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
    if (status.MPI_TAG == tag_stop || status.MPI_TAG == tag_region_end) {
      MPI_Recv(nullptr, 0, MPI_BYTE, 0, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (status.MPI_TAG == tag_region_end) return;
      stop_received = true;
      throw WorkStopped();
    }
    std::uint64_t block[2] = {0, 0};
    MPI_Recv(block, 2, MPI_UINT64_T, 0, tag_block, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    const std::string bytes = encode_results(block[0], run_block(block[0], block[1], options, run_task));
    MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, tag_results, MPI_COMM_WORLD);
  }
#else
  (void)options;
  (void)run_task;
#endif
}

std::vector<TaskResult> map_tasks(std::uint64_t first, std::uint64_t end, const TaskOptions& options,
                                  const RunTask& run_task) {
  std::vector<TaskResult> results(end - first);
#if HSIM_WITH_MPI
  if (rank_count > 1) {
    if (this_rank == 0) {
      run_tasks_over_ranks(first, end, options, run_task,
                           [&](std::uint64_t task, TaskResult result) { results[task - first] = std::move(result); });
    } else {
      serve_tasks(options, run_task);
    }
    broadcast_results(results, first);
    return results;
  }
#endif
  run_tasks(first, end, options, run_task,
            [&](std::uint64_t task, TaskResult result) { results[task - first] = std::move(result); });
  return results;
}

void abort_job(int exit_code) {
#if HSIM_WITH_MPI
  if (mpi_open) MPI_Abort(MPI_COMM_WORLD, exit_code);
#endif
  std::exit(exit_code);
}

}  // namespace hsim::engine::distributed
