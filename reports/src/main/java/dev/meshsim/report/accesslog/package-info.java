/**
 * Envoy access-log lines in Istio's default TEXT format ({@code EnvoyTextLogFormat} in istio {@code
 * pilot/pkg/model/telemetry_logging.go}, Istio 1.9 on, with {@code %UPSTREAM_CLUSTER_RAW%} since
 * 1.24), as the load generators' client sidecars would write them, one line per request, sampled
 * deterministically. Written as requests end and never kept: memory stays flat however long the
 * run. May use {@code dev.meshsim.result} only.
 */
package dev.meshsim.report.accesslog;
