#!/usr/bin/env bash
# End-to-end benchmark: runs scenarios/bench-chain.yaml at several simulated durations and prints,
# for each, wall time, simulated requests per wall-clock second and peak memory (the JVM's peak heap
# and the process's maximum resident set size). Memory that stays flat as the duration grows shows
# the simulation streams its results.
#
#   bench/e2e.sh [DURATION ...]      default: 100s 400s 1600s
#
# JVM options are the launcher's defaults (-XX:+UseParallelGC -Xmn32m) unless MESHSIM_JAVA_OPTS
# is set (set it empty for the JVM's own defaults).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./meshsim --version >/dev/null   # builds the jar if needed
durations=("$@")
[ ${#durations[@]} -gt 0 ] || durations=(100s 400s 1600s)
printf '%-9s %s\n' duration "figures"
for d in "${durations[@]}"; do
  out=$( { /usr/bin/time -f "maxrss_kib=%M" java ${MESHSIM_JAVA_OPTS--XX:+UseParallelGC -Xmn32m} -jar cli/target/meshsim.jar \
      run scenarios/bench-chain.yaml --duration "$d" --stats >/dev/null; } 2>&1 )
  stats=$(grep 'stats:' <<<"$out" | sed 's/meshsim: stats: //')
  rss=$(grep -o 'maxrss_kib=[0-9]*' <<<"$out" | cut -d= -f2)
  printf '%-9s %s, max RSS %.0f MiB\n' "$d" "$stats" "$(echo "$rss / 1024" | bc -l)"
done
