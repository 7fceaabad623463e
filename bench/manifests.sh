#!/usr/bin/env bash
# Manifest-loading benchmark: writes a mesh of N Services (two Deployments each, with what
# `kubectl get -o yaml` adds: managedFields, status, resources, probes) as Kubernetes manifests plus
# a workloads overlay, and the same mesh as services:, then runs each for 1 ms of simulated time
# (so that loading dominates) and prints wall time, CPU time (user+sys: less disturbed than wall time
# when the machine is shared) and max RSS. It also checks that both give the
# same JSON.
#
#   bench/manifests.sh [N ...]      default: 100 1000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./meshsim --version >/dev/null   # builds the jar if needed
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() {
  local n=$1 dir=$2
  mkdir -p "$dir"
  {
    for ((i = 0; i < n; i++)); do
      cat <<YAML
apiVersion: v1
kind: Service
metadata: {name: svc-$i, labels: {app: svc-$i}, resourceVersion: "$((1000 + i))", uid: "u-$i"}
spec:
  clusterIP: 10.96.$((i / 250)).$((i % 250))
  ports: [{name: http, port: 9080, protocol: TCP, targetPort: http}]
  selector: {app: svc-$i}
status: {loadBalancer: {}}
---
YAML
      for v in v1 v2; do
        cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-$i-$v
  labels: {app: svc-$i, version: $v}
  managedFields:
  - {apiVersion: apps/v1, fieldsType: FieldsV1, manager: kubectl-client-side-apply, operation: Update,
     fieldsV1: {"f:metadata": {"f:labels": {}}, "f:spec": {"f:replicas": {}, "f:template": {}}}}
spec:
  replicas: 2
  selector: {matchLabels: {app: svc-$i, version: $v}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
  template:
    metadata:
      labels: {app: svc-$i, version: $v}
      annotations: {proxy.istio.io/config: "terminationDrainDuration: 5s"}
    spec:
      containers:
      - name: app
        image: example/app:1.0
        ports: [{name: http, containerPort: 9080}]
        env: [{name: LOG_LEVEL, value: info}]
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 500m, memory: 256Mi}}
        readinessProbe: {httpGet: {path: /ready, port: 9080}, periodSeconds: 5}
status: {replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1}
---
YAML
      done
    done
  } > "$dir/mesh.yaml"
  local next
  {
    echo "name: bench-$n"
    echo "duration: 1ms"
    echo "kubernetesFiles: [mesh.yaml]"
    echo "workloads:"
    for ((i = 0; i < n; i++)); do
      next=$(( (i + 1) % n ))
      for v in v1 v2; do
        if (( i + 1 < n )); then
          echo "  svc-$i-$v: {workers: 4, serviceTime: 2ms, calls: [{target: svc-$next:9080}]}"
        else
          echo "  svc-$i-$v: {workers: 4, serviceTime: 2ms}"
        fi
      done
    done
    echo "load: [{name: users, target: svc-0:9080, arrival: {poisson: 100/s}}]"
  } > "$dir/manifests.yaml"
  {
    echo "name: bench-$n"
    echo "duration: 1ms"
    echo "services:"
    for ((i = 0; i < n; i++)); do
      next=$(( (i + 1) % n ))
      echo "  - name: svc-$i"
      echo "    ports: [{name: http, port: 9080}]"
      echo "    deployments:"
      for v in v1 v2; do
        if (( i + 1 < n )); then
          echo "      - {name: svc-$i-$v, labels: {app: svc-$i, version: $v}, replicas: 2, workers: 4, serviceTime: 2ms, calls: [{target: svc-$next:9080}]}"
        else
          echo "      - {name: svc-$i-$v, labels: {app: svc-$i, version: $v}, replicas: 2, workers: 4, serviceTime: 2ms}"
        fi
      done
    done
    echo "load: [{name: users, target: svc-0:9080, arrival: {poisson: 100/s}}]"
  } > "$dir/services.yaml"
}

run() {
  local scenario=$1 json=$2 out
  out=$( { /usr/bin/time -f "wall_s=%e cpu_s=%U+%S maxrss_kib=%M" java ${MESHSIM_JAVA_OPTS:-} -jar cli/target/meshsim.jar \
      run "$scenario" --json "$json" >/dev/null; } 2>&1 | grep -v '^meshsim: info' )
  grep -o "wall_s=.*" <<<"$out"
}

printf '%-6s %-10s %-8s %s\n' N form "lines" "figures"
for n in "${sizes[@]}"; do
  dir="$work/$n"
  generate "$n" "$dir"
  for form in services manifests; do
    lines=$(cat "$dir/$form.yaml" $([ "$form" = manifests ] && echo "$dir/mesh.yaml") | wc -l)
    printf '%-6s %-10s %-8s %s\n' "$n" "$form" "$lines" "$(run "$dir/$form.yaml" "$dir/$form.json")"
  done
  if cmp -s "$dir/services.json" "$dir/manifests.json"; then echo "$n: same JSON"; else echo "$n: JSON DIFFERS"; fi
done
