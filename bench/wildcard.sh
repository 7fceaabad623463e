#!/usr/bin/env bash
# Wildcard ServiceEntry benchmark: the same egress traffic (N external hosts, each called by its
# own open-loop load at RATE/s over HTTP) routed once through one wildcard ServiceEntry
# (*.example.test, an ORIGINAL_DST cluster making a host per destination) and once through N exact
# ServiceEntries (one cluster each), under REGISTRY_ONLY. Prints wall time, CPU time (user+sys:
# steadier than wall time on a shared machine) and max RSS of each whole process, and checks that
# both answered the same number of requests with 200.
#
#   bench/wildcard.sh [N [RATE [DURATION]]]     default: 20 hosts, 500/s each, 60s
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./meshsim --version >/dev/null   # builds the jar if needed
n=${1:-20}
rate=${2:-500}
duration=${3:-60s}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scenario() {
  local mode=$1
  echo "name: wildcard-bench-$mode"
  echo "seed: 1"
  echo "duration: $duration"
  echo "external:"
  for ((i = 0; i < n; i++)); do
    echo "  - {host: h$i.example.test, ports: [80], latency: {distribution: lognormal, median: 20ms, sigma: 0.3}}"
  done
  echo "services:"
  echo "  - {name: web, ports: [{name: http, port: 80}], deployments: [{name: web, labels: {app: web}, workers: 4, serviceTime: 1ms}]}"
  echo "istio:"
  echo "  meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}"
  echo "  resources:"
  if [ "$mode" = wildcard ]; then
    echo "    - {apiVersion: networking.istio.io/v1, kind: ServiceEntry, metadata: {name: all},"
    echo "       spec: {hosts: [\"*.example.test\"], ports: [{number: 80, name: http, protocol: HTTP}]}}"
  else
    for ((i = 0; i < n; i++)); do
      echo "    - {apiVersion: networking.istio.io/v1, kind: ServiceEntry, metadata: {name: h$i},"
      echo "       spec: {hosts: [h$i.example.test], ports: [{number: 80, name: http, protocol: HTTP}], resolution: DNS}}"
    done
  fi
  echo "load:"
  for ((i = 0; i < n; i++)); do
    echo "  - {name: to-h$i, target: h$i.example.test:80, arrival: {poisson: $rate/s}}"
  done
}

printf '%-9s %10s %10s %12s %10s\n' form requests wall cpu max-rss
for mode in wildcard exact; do
  scenario "$mode" >"$work/$mode.yaml"
  /usr/bin/time -f '%e %U %S %M' -o "$work/$mode.time" \
    java ${MESHSIM_JAVA_OPTS--XX:+UseParallelGC -Xmn32m} -jar cli/target/meshsim.jar run "$work/$mode.yaml" >"$work/$mode.txt"
  read -r wall user sys rss <"$work/$mode.time"
  ok=$(sed -n '/== total ==/,/== load/p' "$work/$mode.txt" | awk '$1 == "200" {print $3}')
  printf '%-9s %10s %9ss %11ss %8d MiB\n' "$mode" "$ok" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
  echo "$ok" >"$work/$mode.ok"
done
cmp -s "$work/wildcard.ok" "$work/exact.ok" || { echo "the two forms answered differently" >&2; exit 1; }
