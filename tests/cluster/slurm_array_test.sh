#!/usr/bin/env bash
# Starts a single-node Slurm cluster (tests/cluster/local_slurm.sh), submits the job-array recipe of
# docs/cluster.md (scripts/cluster/shards-array.sbatch, then merge-after-array.sbatch depending on it)
# for a sweep and for a Sobol' analysis, waits, and compares the merged folders with one process.
# With MPI (third argument "mpi"), also submits scripts/cluster/mpi-job.sbatch over 3 ranks.
# Usage: slurm_array_test.sh HSIM SOURCE_DIR [mpi]
set -euo pipefail
hsim=$(realpath "$1")
source_dir=$(realpath "$2")
with_mpi=${3:-}
work=$(mktemp -d -t hsim-slurm-XXXXXX)
source "$source_dir/tests/cluster/local_slurm.sh"
cleanup() {
  local_slurm_stop "$work/slurm"
  rm -rf "$work"
}
trap cleanup EXIT
local_slurm_start "$work/slurm"
export HSIM="$hsim"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
specs="$source_dir/tests/analysis/specs"
recipes="$source_dir/scripts/cluster"
cd "$work"

fail() {
  echo "FAIL: $*" >&2
  tail -n 30 "$work"/*.log >&2 || true
  exit 1
}

# Submits the array and the merge that waits for it; returns when the merge has finished.
run_array() {
  local spec=$1 prefix=$2 kind=$3
  local array
  array=$(sbatch --parsable --array=1-3 --cpus-per-task=1 --export=ALL "$recipes/shards-array.sbatch" "$spec" \
    "$prefix" 3 "$kind")
  sbatch --wait --dependency="afterok:$array" --export=ALL "$recipes/merge-after-array.sbatch" "$prefix" 3 "$kind" \
    >/dev/null || fail "the merge job after array $array failed"
}

"$hsim" sweep "$specs/shard_small.yaml" --quiet --out one-sweep
run_array "$specs/shard_small.yaml" "$work/array-sweep" sweep
for name in points.csv results.csv aggregated.csv; do
  cmp -s "one-sweep/$name" "array-sweep/$name" || fail "sweep $name differs after the Slurm array"
done
echo "Slurm array of 3 sweep shards, merged: the files of one process"

"$hsim" sensitivity "$specs/shard_small.yaml" --method sobol --quiet --out one-sobol >/dev/null
run_array "$specs/shard_small.yaml" "$work/array-sobol" sobol
for name in points.csv results.csv aggregated.csv indices.csv variance.csv; do
  cmp -s "one-sobol/$name" "array-sobol/$name" || fail "Sobol' $name differs after the Slurm array"
done
echo "Slurm array of 3 Sobol' shards, merged and analysed: the files of one process"

if [[ $with_mpi == mpi ]]; then
  # Three ranks on this two-core node: --overcommit lets Slurm place more tasks than cores.
  sbatch --wait --nodes=1 --ntasks=3 --overcommit --export=ALL "$recipes/mpi-job.sbatch" "$specs/shard_small.yaml" \
    "$work/mpi-sweep" sweep >/dev/null || fail "the MPI job failed"
  for name in points.csv results.csv aggregated.csv; do
    cmp -s "one-sweep/$name" "mpi-sweep/$name" || fail "the Slurm MPI job's $name differs from one process"
  done
  echo "Slurm MPI job over 3 ranks: the files of one process"
fi
