#!/usr/bin/env bash
# Golden outputs: runs every shipped scenario and the test scenarios at two seeds and records the
# text summary and the JSON result of each, so a refactor of the model can be proven not to change
# behaviour (same scenario + seed => byte-identical outputs).
#
#   bench/golden.sh DIR            record into DIR (must not exist or be empty)
#   bench/golden.sh --check DIR    run again into a temporary directory and diff against DIR;
#                                  exit 0 when every file is byte-identical, 1 otherwise
#
# Uses cli/target/meshsim.jar (built by ./meshsim --version when stale), or the jar named by
# MESHSIM_JAR (a saved build: checking it while the tree is rebuilt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

check=""
if [ "${1:-}" = "--check" ]; then check="$2"; shift 2; else [ $# -eq 1 ] || { echo "usage: $0 [--check] DIR" >&2; exit 2; }; fi

# name | scenario file | extra arguments. Durations are cut where a scenario would run long.
cases() {
  local seeds=(1 7)
  for f in scenarios/*.yaml scenarios/*/*.yaml src/test/resources/scenarios/*.yaml \
      src/test/resources/scenarios/*/*.yaml; do
    # A scenario has a top-level load: section; the rest are manifests and route tests it reads.
    grep -q '^load:' "$f" || continue
    local name; name=$(echo "${f%.yaml}" | sed 's#^src/test/resources/##; s#/#_#g')
    for s in "${seeds[@]}"; do
      echo "$name-s$s|$f|--seed $s"
    done
  done
  echo "bench-chain-400s|scenarios/bench-chain.yaml|--duration 400s"
  echo "large-mesh-120s|scenarios/large-mesh.yaml|--duration 120s --seed 3"
}

record() {
  local dir="$1"
  mkdir -p "$dir"
  while IFS='|' read -r name file args; do
    # shellcheck disable=SC2086
    java -jar "$jar" run "$file" $args --json "$dir/$name.json" >"$dir/$name.txt" 2>"$dir/$name.err" \
      || echo "exit $?" >>"$dir/$name.err"
  done < <(cases)
}

jar="${MESHSIM_JAR:-cli/target/meshsim.jar}"
[ -n "${MESHSIM_JAR:-}" ] || ./meshsim --version >/dev/null
if [ -z "$check" ]; then
  target="$1"
  if [ -d "$target" ] && [ -n "$(ls -A "$target")" ]; then echo "$target is not empty" >&2; exit 2; fi
  record "$target"
  echo "recorded $(ls "$target" | wc -l) files into $target"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  record "$tmp"
  if diff -r "$check" "$tmp" >"$tmp.diff"; then
    echo "golden: $(ls "$check" | wc -l) files byte-identical to $check"
    rm -f "$tmp.diff"
  else
    cat "$tmp.diff"; rm -f "$tmp.diff"
    echo "golden: DIFFERENCES against $check" >&2; exit 1
  fi
fi
