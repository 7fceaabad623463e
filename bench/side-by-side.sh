#!/usr/bin/env bash
# Side-by-side end-to-end benchmark of two builds: runs scenarios/bench-chain.yaml with jar A and
# jar B alternately (A B A B …), so both see the same machine load, and prints per run the wall
# time, the CPU time (user + sys, which a shared machine disturbs less than wall time), simulated
# requests per wall second and per CPU second, events, max RSS and the load average at the start.
# Ends with the median of each figure per jar and the ratios B / A.
#
#   bench/side-by-side.sh JAR_A JAR_B [DURATION] [ROUNDS]     default: 1600s 3
#   bench/side-by-side.sh --in-process JAR_A JAR_B [SECONDS] [ROUNDS]     default: 400 4
#
# --in-process times the simulation alone: benchmarks' ChainSpeed runs bench-chain four times in one
# JVM per jar (alternately), and the main thread's CPU time of runs 3 and 4 counts (no JVM start-up,
# JIT compilation mostly done; thread CPU time is what other processes disturb least). Needs
# benchmarks/target/classes (mvn -pl benchmarks -am package).
#
# JVM options: the launcher's defaults (-XX:+UseParallelGC -Xmn32m) unless MESHSIM_JAVA_OPTS is set;
# MESHSIM_JAVA_OPTS_A, when set (even empty), replaces them for jar A alone in whole-process runs
# (an older build with its own launcher's defaults: empty for 9ecb89d's, the JVM's own).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" = "--in-process" ]; then
  shift
  [ $# -ge 2 ] || { echo "usage: $0 --in-process JAR_A JAR_B [SECONDS] [ROUNDS]" >&2; exit 2; }
  [ -d benchmarks/target/classes ] || { echo "$0: build benchmarks/target/classes first" >&2; exit 2; }
  a="$1"; b="$2"; seconds="${3:-400}"; rounds="${4:-4}"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  for r in $(seq 1 "$rounds"); do
    for l in A B; do
      jar="$a"; [ "$l" = B ] && jar="$b"
      java ${MESHSIM_JAVA_OPTS--XX:+UseParallelGC -Xmn32m} -cp "benchmarks/target/classes:$jar" dev.meshsim.bench.ChainSpeed \
          scenarios/bench-chain.yaml "$seconds" 4 | grep '^run [34]' | sed "s/^/$l round $r /" | tee -a "$tmp/runs"
    done
  done
  for l in A B; do
    grep "^$l " "$tmp/runs" | sed -E 's/.*cpu ([0-9.]+) s.*/\1/' | sort -n \
      | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }' > "$tmp/$l"
  done
  awk -v a="$(cat "$tmp/A")" -v b="$(cat "$tmp/B")" \
    'BEGIN { printf "median CPU per run: A %.3f s, B %.3f s; B is %.2fx A\n", a, b, a / b }'
  # Pair by pair: run k of A's round r against run k of B's, which ran seconds apart on the same
  # machine, so a drift in the machine's speed cancels out of each ratio.
  paste <(grep '^A ' "$tmp/runs" | sed -E 's/.*cpu ([0-9.]+) s.*/\1/') \
        <(grep '^B ' "$tmp/runs" | sed -E 's/.*cpu ([0-9.]+) s.*/\1/') \
    | awk '{ print $1 / $2 }' | sort -n \
    | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "pairwise A/B CPU: median %.3f, min %.3f, max %.3f (%d pairs)\n", m, v[1], v[NR], NR }'
  exit 0
fi
[ $# -ge 2 ] || { echo "usage: $0 JAR_A JAR_B [DURATION] [ROUNDS]" >&2; exit 2; }
a="$1"; b="$2"; duration="${3:-1600s}"; rounds="${4:-3}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

run() { # jar label round
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local opts="${MESHSIM_JAVA_OPTS--XX:+UseParallelGC -Xmn32m}"
  if [ "$2" = A ] && [ -n "${MESHSIM_JAVA_OPTS_A+set}" ]; then opts="$MESHSIM_JAVA_OPTS_A"; fi
  local out
  out=$( { /usr/bin/time -f "time: %e %U %S %M" java $opts -jar "$1" \
      run scenarios/bench-chain.yaml --duration "$duration" --stats >/dev/null; } 2>&1 )
  local requests events wall user sys rss
  requests=$(grep -o '[0-9]* counted requests' <<<"$out" | cut -d' ' -f1)
  events=$(grep -o '[0-9]* events (' <<<"$out" | cut -d' ' -f1)
  read -r wall user sys rss < <(grep '^time:' <<<"$out" | cut -d' ' -f2-)
  awk -v l="$2" -v r="$3" -v req="$requests" -v ev="$events" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v la="$load" \
    'BEGIN { cpu = u + s; printf "%-6s %5s %9.2f %9.2f %12.0f %12.0f %12d %8.2f %8.0f %6s\n", l, r, w, cpu, req / w, req / cpu, ev, ev / req, m / 1024, la }' \
    | tee -a "$tmp/$2"
}

printf '%-6s %5s %9s %9s %12s %12s %12s %8s %8s %6s\n' jar round wall_s cpu_s req/wall_s req/cpu_s events ev/req rss_MiB load
for r in $(seq 1 "$rounds"); do
  run "$a" A "$r"
  run "$b" B "$r"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for l in A B; do
  for col in 3 4 5 6; do awk -v c=$col '{ print $c }' "$tmp/$l" | median > "$tmp/$l.$col"; done
done
printf 'median  A: wall %s s, cpu %s s, %s req/wall s, %s req/cpu s\n' "$(cat $tmp/A.3)" "$(cat $tmp/A.4)" "$(cat $tmp/A.5)" "$(cat $tmp/A.6)"
printf 'median  B: wall %s s, cpu %s s, %s req/wall s, %s req/cpu s\n' "$(cat $tmp/B.3)" "$(cat $tmp/B.4)" "$(cat $tmp/B.5)" "$(cat $tmp/B.6)"
awk -v a="$(cat $tmp/A.5)" -v b="$(cat $tmp/B.5)" -v ca="$(cat $tmp/A.6)" -v cb="$(cat $tmp/B.6)" \
  'BEGIN { printf "ratio B/A: %.2f x simulated req per wall s, %.2f x per CPU s\n", b / a, cb / ca }'
# Pair by pair (A and B of the same round ran back to back): the ratio a machine's drift cancels from.
paste <(awk '{ print $5 }' "$tmp/A") <(awk '{ print $5 }' "$tmp/B") | awk '{ print $2 / $1 }' | sort -n \
  | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "pairwise B/A req per wall s: median %.3f, min %.3f, max %.3f (%d pairs)\n", m, v[1], v[NR], NR }'
