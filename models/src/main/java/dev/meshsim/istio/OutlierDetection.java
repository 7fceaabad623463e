package dev.meshsim.istio;

/**
 * {@code trafficPolicy.outlierDetection}: Istio's {@code OutlierDetection}. Null means unset; the
 * mapping to Envoy is in the reference notes §2.1 (cluster_traffic_policy.go
 * {@code applyOutlierDetection}). The deprecated {@code consecutiveErrors} is read with a warning
 * and not kept: Istio ignores it since 1.7.
 *
 * @param consecutive5xxErrors a {@code UInt32Value}, so 0 is not unset: 0 disables 5xx ejection,
 *     null means Envoy's default 5
 * @param consecutiveGatewayErrors likewise; null or 0 leaves gateway-error ejection off
 * @param consecutiveLocalOriginFailures used only with {@code splitExternalLocalOriginErrors};
 *     null means Envoy's default 5
 * @param splitExternalLocalOriginErrors count local-origin failures (connect failure, timeout…)
 *     apart from upstream 5xx
 * @param intervalNanos ejection sweep interval, or null (10s)
 * @param baseEjectionTimeNanos base ejection time, or null (30s)
 * @param maxEjectionPercent sent only when > 0, so an explicit 0 is read as null (Envoy's 10%)
 * @param minHealthPercent Envoy's panic threshold; null or 0 means 0 (no panic mode: with every
 *     host ejected requests fail with 503 UH)
 */
public record OutlierDetection(
    Integer consecutive5xxErrors,
    Integer consecutiveGatewayErrors,
    Integer consecutiveLocalOriginFailures,
    boolean splitExternalLocalOriginErrors,
    Long intervalNanos,
    Long baseEjectionTimeNanos,
    Integer maxEjectionPercent,
    Integer minHealthPercent) {}
