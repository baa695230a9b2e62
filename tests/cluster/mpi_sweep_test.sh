#!/usr/bin/env bash
# hsim sweep, sensitivity, fit and calibrate over 3 MPI ranks (Debian OpenMPI, oversubscribed on this
# machine) write the same files, byte for byte, as one process; a command that does not run over
# ranks is refused.
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

# Each run writes the folder `run` in a folder of its own, so that even the manifests, which record
# the command line with its --out, can be compared byte for byte.
in_folder() {
  local folder=$1
  shift
  mkdir -p "$work/$folder"
  (cd "$work/$folder" && "$@")
}

# A sweep whose evaluations take 2 ms, so the ranks share 800 tasks unevenly.
in_folder one "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out run
in_folder ranks "${mpi[@]}" "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out run
same_folders "$work/one/run" "$work/ranks/run"
echo "sweep: 3 ranks give the files of one process"

# Ranks with two threads each, and so other blocks, give the same files again.
in_folder ranks-threads "${mpi[@]}" "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 2 --out run
same_folders "$work/one/run" "$work/ranks-threads/run"
echo "sweep: 3 ranks of 2 threads give the files of one process"

in_folder sobol-one "$hsim" sensitivity "$specs/shard_small.yaml" --method sobol --quiet --out run >/dev/null
in_folder sobol-ranks "${mpi[@]}" "$hsim" sensitivity "$specs/shard_small.yaml" --method sobol --quiet --out run \
  >/dev/null
same_folders "$work/sobol-one/run" "$work/sobol-ranks/run"
echo "sensitivity: 3 ranks give the files of one process, indices and report included"

# An MPI job continues a one-process run killed midway (the journal is the same).
set +e
in_folder resumed timeout --foreground -s KILL 0.8 "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out run
set -e
[[ ! -e $work/resumed/run ]] || fail "the killed sweep finished before it was killed"
in_folder resumed "${mpi[@]}" "$hsim" sweep "$specs/sweep_slow.yaml" --quiet --threads 1 --out run
same_folders "$work/one/run" "$work/resumed/run"
echo "sweep: a killed run resumed over 3 ranks gives the files of one process"

# fit and calibrate: every rank computes alike over the shared replicates; rank 0 prints and writes.
set +e
"$hsim" fit bodo --reps 12 --seed 3 --threads 1 --csv "$work/fit-one.csv" >"$work/fit-one.txt"
one_code=$?
"${mpi[@]}" "$hsim" fit bodo --reps 12 --seed 3 --threads 1 --csv "$work/fit-ranks.csv" >"$work/fit-ranks.txt"
ranks_code=$?
set -e
[[ $one_code == "$ranks_code" ]] || fail "hsim fit exits $one_code in one process, $ranks_code over ranks"
cmp -s "$work/fit-one.txt" "$work/fit-ranks.txt" || fail "hsim fit prints another table over ranks"
cmp -s "$work/fit-one.csv" "$work/fit-ranks.csv" || fail "hsim fit writes another CSV over ranks"
echo "fit: 3 ranks print and write the table of one process"

calibrate=(calibrate bodo --reps 6 --seed 3 --threads 1 --max-evals 5 --skip-standard-errors
  --parameters behaviour.disturbance.complaint_probability)
set +e
"$hsim" "${calibrate[@]}" --out "$work/calibrate-one.yaml" >/dev/null 2>&1
one_code=$?
"${mpi[@]}" "$hsim" "${calibrate[@]}" --out "$work/calibrate-ranks.yaml" >/dev/null 2>&1
ranks_code=$?
set -e
[[ $one_code == "$ranks_code" ]] || fail "hsim calibrate exits $one_code in one process, $ranks_code over ranks"
# The fragment records the command line, which names its own --out.
diff <(sed 's/calibrate-one/OUT/g' "$work/calibrate-one.yaml") <(sed 's/calibrate-ranks/OUT/g' "$work/calibrate-ranks.yaml") \
  >/dev/null || fail "hsim calibrate fits other values over ranks"
echo "calibrate: 3 ranks fit the values of one process"

set +e
message=$("${mpi[@]}" "$hsim" compare "$specs/../../cli/fixtures/mini_city.yaml" --reps 2 --out "$work/compare" 2>&1)
code=$?
set -e
[[ $code -ne 0 ]] || fail "hsim compare over 3 ranks exited 0"
grep -q "only sweep, sensitivity, fit and calibrate run over MPI ranks" <<<"$message" || fail "no reason given: $message"
[[ ! -e $work/compare ]] || fail "hsim compare over ranks wrote $work/compare"
echo "compare: refused over ranks with the reason, nothing written"
