#pragma once

// Independent tasks spread over the processes of an MPI job (mpirun -np N hsim ...) with dynamic load
// balancing. Rank 0 hands out blocks of task indices, computes blocks itself between messages, and
// hands every result to its sink in task order, so it writes exactly what one process writes. A task
// must be a pure function of its index. Built without MPI (HSIM_MPI off) or started without mpirun,
// there is one rank and the tasks run through run_ensemble on local threads.

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/engine/ensemble.hpp"

namespace hsim::engine::distributed {

// Opens MPI for the life of the process when it was started by mpirun (and hsim was built with MPI).
// One per process, created first in main. On closing, rank 0 tells the other ranks it is done (so
// that any still waiting for work stop), and they wait for that word before finishing.
class Session {
 public:
  Session(int& argc, char**& argv);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();
};

int rank();
int ranks();
inline bool is_root() {
  return rank() == 0;
}
bool built_with_mpi();
// Non-empty when the process was started by an MPI launcher but this build cannot take part
// (built without MPI): running on would make every process write the same files.
std::string launch_problem();

using TaskResult = std::vector<double>;
using RunTask = std::function<TaskResult(std::uint64_t task)>;
using TaskSink = std::function<void(std::uint64_t task, TaskResult result)>;

struct TaskOptions {
  unsigned threads = 1;                     // threads on each rank
  std::uint64_t block = 0;                  // tasks per message; 0: twice the thread count
  const std::atomic<bool>* stop = nullptr;  // as EnsembleOptions::stop
};

// On rank 0: runs tasks [first, end) on every rank and gives each result to `sink` in task order
// (sink runs on the calling thread). Throws EnsembleStopped when `stop` was set.
void run_tasks(std::uint64_t first, std::uint64_t end, const TaskOptions& options, const RunTask& run_task,
               const TaskSink& sink);

// On the other ranks: runs the blocks rank 0 sends until its run_tasks ends. Returns at once on
// rank 0. Throws WorkStopped when rank 0 ended without finishing (it failed or was stopped).
void serve_tasks(const TaskOptions& options, const RunTask& run_task);

// For commands that every rank runs alike (fit, calibrate): called by every rank with the same
// arguments, it runs tasks [first, end) over all ranks and returns every result, in task order, on
// every rank, so that each rank continues with the same numbers.
std::vector<TaskResult> map_tasks(std::uint64_t first, std::uint64_t end, const TaskOptions& options,
                                  const RunTask& run_task);

// A rank other than 0 learnt that rank 0 ended without finishing the work.
class WorkStopped : public std::runtime_error {
 public:
  WorkStopped() : std::runtime_error("rank 0 ended before the work was done") {}
};

// Ends every rank of the job at once (a rank other than 0 failed: rank 0 would wait for it forever).
[[noreturn]] void abort_job(int exit_code);

}  // namespace hsim::engine::distributed
