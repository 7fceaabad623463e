#!/usr/bin/env bash
# Plan speed-up benchmark: the same plan on the bench-chain workload with --threads 1 and with
# --threads N (default: all cores), in interleaved rounds, printing each run's wall time and CPU
# time, the speed-up of the best rounds, and checking that both thread counts wrote the same bytes.
#
# The plan is a sweep (every point independent, a fixed 4 replications each, 16 simulations of 100 s), so the work is the
# same at any thread count and the speed-up measures the parallel execution alone.
#
#   bench/plan-speedup.sh [ROUNDS] [N]      default: 3 rounds, N = nproc
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./meshsim --version >/dev/null   # builds the jar if needed
rounds=${1:-3}
n=${2:-$(nproc)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
plan=(plan sweep scenarios/bench-chain.yaml --load users --set 'load[0].arrival.poisson=1000/s,1500/s,2000/s,2500/s'
      --slo 'p99<=200ms' --min-reps 4 --max-reps 4)
run() { # threads round
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" java ${MESHSIM_JAVA_OPTS:-} -jar cli/target/meshsim.jar \
      "${plan[@]}" --threads "$1" --json "$tmp/t$1-r$2.json" >/dev/null
  read -r wall user sys <"$tmp/time"
  printf '%-8s %-6s %8s s wall %8.2f s cpu\n' "$1" "$2" "$wall" "$(echo "$user + $sys" | bc -l)"
  echo "$wall" >>"$tmp/wall-$1"
}
printf '%-8s %-6s %s\n' threads round figures
for r in $(seq 1 "$rounds"); do
  run 1 "$r"
  run "$n" "$r"
done
cmp -s "$tmp/t1-r1.json" "$tmp/t$n-r1.json" && echo "outputs: identical bytes for 1 and $n threads" \
  || { echo "outputs DIFFER between 1 and $n threads"; exit 1; }
best1=$(sort -n "$tmp/wall-1" | head -1)
bestn=$(sort -n "$tmp/wall-$n" | head -1)
printf 'best wall: 1 thread %s s, %s threads %s s, speed-up %.2fx\n' "$best1" "$n" "$bestn" \
  "$(echo "$best1 / $bestn" | bc -l)"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
