package dev.meshsim.testkit.check;

import java.util.Map;

/**
 * A test's {@code simulate} block: the test's request sent by a load of its own, at {@code rate}
 * for {@code duration}, alongside the scenario's loads and timeline; the expectations are bounds on
 * the shares of codes, flags and clusters among the probe's requests, and on its latency quantiles.
 *
 * @param ratePerSecond requests per second (default 100)
 * @param durationNanos how long (default 10s)
 * @param seed the seed (default the scenario's)
 * @param codes by status code, e.g. {@code 200: ">=99.9%"}
 * @param flags by Envoy flag ({@code -} for none), e.g. {@code NC: "<=0.1%"}
 * @param clusters by cluster name
 * @param latency by quantile name ({@code p50}, {@code p90}, {@code p99}, {@code p999}, {@code max})
 */
public record SimulateSpec(double ratePerSecond, long durationNanos, Long seed, Map<String, Bound> codes,
    Map<String, Bound> flags, Map<String, Bound> clusters, Map<String, Bound> latency) {

  public SimulateSpec {
    codes = sorted(codes);
    flags = sorted(flags);
    clusters = sorted(clusters);
    latency = sorted(latency);
  }

  /** Sorted, so that failures print in the same order on every run. */
  private static Map<String, Bound> sorted(Map<String, Bound> m) {
    return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(m));
  }
}
