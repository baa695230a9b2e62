#!/usr/bin/env bash
# hsim sweep and sensitivity over 3 MPI ranks (Debian OpenMPI, oversubscribed on this machine) write
# the same files, byte for byte, as one process; a command that does not run over ranks is refused.
# Usage: mpi_sweep_test.sh HSIM SPECS_DIR
set -euo pipefail
hsim=$1
specs=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Root in a container: OpenMPI must be told it may run as root, and to copy through shared memory
# without the cross-process calls containers forbid.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
mpi=(mpirun --oversubscribe -np 3 --bind-to none)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

same_folders() {
  local a=$1 b=$2
  diff -r "$a" "$b" >/dev/null || { diff -r "$a" "$b" | head -n 20 >&2; fail "$a and $b differ"; }
}

# A sweep whose evaluations take 2 ms, so the ranks share 800 tasks unevenly.
"$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out "$work/one"
"${mpi[@]}" "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out "$work/ranks"
same_folders "$work/one" "$work/ranks"
echo "sweep: 3 ranks give the files of one process"

# Ranks with two threads each and a different block hand-out order give the same files again.
"${mpi[@]}" "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 2 --out "$work/ranks-threads"
same_folders "$work/one" "$work/ranks-threads"
echo "sweep: 3 ranks of 2 threads give the files of one process"

"$hsim" sensitivity "$specs/shard_small.yaml" --method sobol --quiet --out "$work/sobol-one" >/dev/null
"${mpi[@]}" "$hsim" sensitivity "$specs/shard_small.yaml" --method sobol --quiet --out "$work/sobol-ranks" >/dev/null
same_folders "$work/sobol-one" "$work/sobol-ranks"
echo "sensitivity: 3 ranks give the files of one process, indices and report included"

# An MPI job resumes a one-process run killed midway (the journal is the same).
set +e
timeout --foreground -s KILL 0.8 "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out "$work/resumed"
set -e
"${mpi[@]}" "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out "$work/resumed"
same_folders "$work/one" "$work/resumed"
echo "sweep: a killed run resumed over 3 ranks gives the files of one process"

set +e
message=$("${mpi[@]}" "$hsim" compare "$specs/../../cli/fixtures/mini_city.yaml" --reps 2 --out "$work/compare" 2>&1)
code=$?
set -e
[[ $code -ne 0 ]] || fail "hsim compare over 3 ranks exited 0"
grep -q "only sweep and sensitivity run over MPI ranks" <<<"$message" || fail "no reason given: $message"
[[ ! -e $work/compare ]] || fail "hsim compare over ranks wrote $work/compare"
echo "compare: refused over ranks with the reason, nothing written"
