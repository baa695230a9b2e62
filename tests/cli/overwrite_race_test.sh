#!/usr/bin/env bash
# Two `hsim run --overwrite` on one folder at the same time, twelve times: each exits 0 or, when the other
# is moving its folder in at that moment, 2 with a reason; never 1. After every round the folder is one
# whole run (its manifest and summary are there) and no staging folder is left behind.
#
#   overwrite_race_test.sh HSIM_EXECUTABLE SCENARIO
set -euo pipefail
hsim=$1
scenario=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
out="$scratch/run"
"$hsim" run "$scenario" --reps 2 --threads 1 --people none --out "$out" >/dev/null 2>&1
refused=0
for round in $(seq 1 12); do
  "$hsim" run "$scenario" --reps 2 --threads 1 --people none --out "$out" --overwrite >/dev/null 2>"$scratch/a.err" &
  first=$!
  "$hsim" run "$scenario" --reps 2 --threads 1 --people none --out "$out" --overwrite >/dev/null 2>"$scratch/b.err" &
  second=$!
  for pid_and_log in "$first:a" "$second:b"; do
    status=0
    wait "${pid_and_log%%:*}" || status=$?
    log="$scratch/${pid_and_log##*:}.err"
    if [[ $status -eq 2 ]]; then
      refused=$((refused + 1))
      grep -q "error" "$log" || { echo "FAILED: round $round: exit 2 without a reason"; cat "$log"; exit 1; }
    elif [[ $status -ne 0 ]]; then
      echo "FAILED: round $round: exit $status"
      cat "$log"
      exit 1
    fi
  done
  [[ -f $out/manifest.json && -f $out/summary.csv ]] || { echo "FAILED: round $round: $out is not a whole run"; exit 1; }
  leftovers=$(find "$scratch" -maxdepth 1 -name '.run.*' | wc -l)
  [[ $leftovers -eq 0 ]] || { echo "FAILED: round $round: staging folders left: $(ls -a "$scratch")"; exit 1; }
done
echo "ok: 24 runs in 12 rounds, $refused refused with exit 2"
