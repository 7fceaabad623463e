/**
 * The end-of-run values in Prometheus' text exposition format (version 0.0.4) under the names
 * Istio users query: {@code istio_requests_total} and {@code istio_request_duration_milliseconds}
 * as the client sidecar reports them ({@code reporter="source"}), with Istio's standard labels and
 * Envoy's default histogram buckets (Istio does not override them: envoy {@code
 * source/common/stats/histogram_impl.cc} {@code defaultBuckets}); istiod's {@code
 * pilot_proxy_convergence_time}; and Envoy's cluster counters as Istio's bootstrap tags them
 * ({@code envoy_cluster_upstream_rq_pending_overflow{cluster_name="outbound|…"}}). No timestamps:
 * Prometheus stamps a scrape itself, and the bytes stay the same run after run. May use {@code
 * dev.meshsim.result}.
 */
package dev.meshsim.report.prometheus;
