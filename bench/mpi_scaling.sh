#!/usr/bin/env bash
# Strong scaling of a Sobol' analysis of Bergen (scenarios/sensitivity/bergen-behaviour.yaml at a
# reduced N) over MPI ranks, with one process on one thread as the baseline, and the cost rank 0 pays
# per block of tasks (from a sweep of near-free analytic evaluations). docs/cluster.md turns these
# into the scaling model. Needs an MPI build (preset ci).
# Usage: bench/mpi_scaling.sh [HSIM] [SAMPLES] [MAX_RANKS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hsim=${1:-build/ci/sim/cli/hsim}
samples=${2:-8}
max_ranks=${3:-2}
hsim=$(realpath "$hsim")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none

sed -e "s|base_scenario: ../bergen.yaml|base_scenario: $PWD/scenarios/bergen.yaml|" \
  -e "s|^  samples: 512|  samples: $samples|" scenarios/sensitivity/bergen-behaviour.yaml >"$work/bergen-sobol.yaml"
points=$((samples * 10))
runs=$((points * 10 * 2))

seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1; }

echo "Bergen Sobol', N = $samples: $points points x 10 replicates x 2 policies = $runs city runs"
printf '%-26s %9s %9s %11s\n' "run" "seconds" "speed-up" "efficiency"
base=$(seconds "$hsim" sensitivity "$work/bergen-sobol.yaml" --method sobol --quiet --threads 1 --out "$work/one")
printf '%-26s %9.2f %9s %11s\n' "1 process, 1 thread" "$base" "1.00" "1.00"
for ((ranks = 2; ranks <= max_ranks; ++ranks)); do
  t=$(seconds mpirun --oversubscribe --bind-to none -np "$ranks" "$hsim" sensitivity "$work/bergen-sobol.yaml" \
    --method sobol --quiet --threads 1 --out "$work/ranks-$ranks")
  diff -r "$work/one/indices.csv" "$work/ranks-$ranks/indices.csv" >/dev/null || echo "indices differ at $ranks ranks!"
  awk -v b="$base" -v t="$t" -v r="$ranks" -v name="$ranks ranks x 1 thread" \
    'BEGIN { printf "%-26s %9.2f %9.2f %11.2f\n", name, t, b / t, b / t / r }'
done
t=$(seconds "$hsim" sensitivity "$work/bergen-sobol.yaml" --method sobol --quiet --threads 2 --out "$work/threads")
awk -v b="$base" -v t="$t" 'BEGIN { printf "%-26s %9.2f %9.2f %11.2f\n", "1 process, 2 threads", t, b / t, b / t / 2 }'
echo "seconds per city run on one thread: $(awk -v b="$base" -v n="$runs" 'BEGIN { printf "%.4f", b / n }')"

# Rank 0's cost per block: 200,000 near-free tasks (blocks of 2) over 2 ranks against one process.
cat >"$work/free.yaml" <<SPEC
model: analytic/ishigami
parameters:
  - {key: x1, range: [-3.14, 3.14]}
  - {key: x2, range: [-3.14, 3.14]}
  - {key: x3, range: [-3.14, 3.14]}
design: {type: sobol_sequence, points: 200000}
replicates: 1
seed: 1
SPEC
free_one=$(seconds "$hsim" sweep "$work/free.yaml" --quiet --threads 1 --out "$work/free-one")
free_two=$(seconds mpirun --oversubscribe --bind-to none -np 2 "$hsim" sweep "$work/free.yaml" --quiet --threads 1 \
  --out "$work/free-two")
awk -v a="$free_one" -v b="$free_two" 'BEGIN {
  printf "near-free tasks: 1 process %.2f s, 2 ranks %.2f s for 100,000 blocks: rank 0 handles a block in at most %.1f us\n",
         a, b, b / 100000 * 1e6 }'
