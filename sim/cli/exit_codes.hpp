#pragma once

namespace hsim::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;    // the run itself failed (a bug or an I/O error)
inline constexpr int exit_bad_input = 2;  // the user's command line or files are wrong
inline constexpr int exit_rejected = 3;   // the run worked and its answer is no (fit rejected, goal not met)

}  // namespace hsim::cli
