/**
 * Envoy access-log entries in Istio's default encodings: TEXT ({@code EnvoyTextLogFormat} in istio
 * {@code pilot/pkg/model/telemetry_logging.go}, Istio 1.9 on, with {@code %UPSTREAM_CLUSTER_RAW%}
 * since 1.24) and JSON ({@code EnvoyJSONLogFormatIstio}), as every sidecar writes them: the client
 * side's outbound entry and the server side's inbound one, sampled by request id. Written as
 * requests end and never kept: memory stays flat however long the run. May use {@code
 * dev.meshsim.result} only.
 */
package dev.meshsim.report.accesslog;
