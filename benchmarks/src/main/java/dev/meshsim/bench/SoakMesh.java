package dev.meshsim.bench;

import java.util.Locale;

/**
 * The scenario of {@link SoakBenchmark}, generated: a three-tier mesh under constant fault
 * pressure. The apps fail (errors, resets, a slow pod), the client sidecars inject aborts and
 * delays, retry 5xx, resets and connect failures with per-try timeouts, split traffic between two
 * versions, and eject hosts by outlier detection under tight connection pools; the timeline kills
 * and restarts pods, scales, rolls out, flips failures on and off and re-applies the routes
 * throughout the run.
 */
final class SoakMesh {
  private SoakMesh() {}

  /** The scenario YAML for {@code rate} requests per second over {@code seconds}. */
  static String yaml(int rate, int seconds) {
    StringBuilder y = new StringBuilder();
    y.append("name: soak\nseed: 42\nduration: ").append(seconds).append("s\n");
    y.append("services:\n");
    service(y, "front", "{target: mid:8080, path: /m}", "{distribution: lognormal, median: 200us, sigma: 0.5}", 0.0, 0.0);
    service(y, "mid", "{target: back:8080, path: /b}", "{distribution: exponential, mean: 1ms}", 0.02, 0.005);
    service(y, "back", null, "{distribution: gamma, shape: 2, mean: 2ms}", 0.03, 0.01);
    y.append("istio:\n");
    for (String host : new String[] {"mid", "back"}) {
      destinationRule(y, host);
      virtualService(y, host, 80);
    }
    y.append("load:\n  - {name: users, target: front:8080, arrival: {poisson: ").append(rate).append("/s}}\n");
    timeline(y, seconds);
    return y.toString();
  }

  private static void service(StringBuilder y, String name, String call, String serviceTime, double errors,
      double resets) {
    y.append("  - name: ").append(name).append("\n    ports: [{name: http, port: 8080}]\n    deployments:\n");
    for (String v : new String[] {"v1", "v2"}) {
      y.append("      - {name: ").append(name).append('-').append(v).append(", labels: {app: ").append(name)
          .append(", version: ").append(v).append("}, replicas: 3, workers: 16, serviceTime: ").append(serviceTime)
          .append(String.format(Locale.ROOT, ", errorRate: %.3f, resetRate: %.3f", errors, resets))
          .append(call == null ? "" : ", calls: [" + call + "]").append("}\n");
    }
  }

  private static void destinationRule(StringBuilder y, String host) {
    y.append("  - apiVersion: networking.istio.io/v1\n    kind: DestinationRule\n    metadata: {name: ").append(host)
        .append("}\n    spec:\n      host: ").append(host).append("\n      trafficPolicy:\n")
        .append("        connectionPool: {tcp: {maxConnections: 64}, http: {http1MaxPendingRequests: 64,"
            + " http2MaxRequests: 128}}\n")
        .append("        outlierDetection: {consecutive5xxErrors: 3, interval: 1s, baseEjectionTime: 5s,"
            + " maxEjectionPercent: 50}\n")
        .append("      subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]\n");
  }

  private static void virtualService(StringBuilder y, String host, int v1Weight) {
    y.append("  - apiVersion: networking.istio.io/v1\n    kind: VirtualService\n    metadata: {name: ").append(host)
        .append("}\n    spec:\n      hosts: [").append(host).append("]\n      http:\n")
        .append("        - route: [{destination: {host: ").append(host).append(", subset: v1}, weight: ")
        .append(v1Weight).append("}, {destination: {host: ").append(host).append(", subset: v2}, weight: ")
        .append(100 - v1Weight).append("}]\n")
        .append("          timeout: 500ms\n")
        .append("          retries: {attempts: 2, perTryTimeout: 200ms, retryOn: '5xx,reset,connect-failure'}\n")
        .append("          fault: {abort: {httpStatus: 503, percentage: {value: 1}},"
            + " delay: {fixedDelay: 20ms, percentage: {value: 1}}}\n");
  }

  /** Churn every few seconds of the run, cycling through the timeline's actions. */
  private static void timeline(StringBuilder y, int seconds) {
    y.append("timeline:\n");
    String[] deployments = {"mid-v1", "mid-v2", "back-v1", "back-v2"};
    int step = 0;
    for (int at = 5; at < seconds - 5; at += 5, step++) {
      String d = deployments[step % deployments.length];
      String earlier = deployments[(step + 2) % deployments.length];
      y.append("  - at: ").append(at).append("s\n    ");
      switch (step % 8) {
        case 0 -> y.append("kill: {deployment: ").append(d).append("}\n");
        case 1 -> y.append("failure: {deployment: ").append(d).append(", errorRate: 0.5, slowdown: 3}\n");
        case 2 -> y.append("restart: {deployment: ").append(d).append("}\n");
        case 3 -> y.append("failure: {deployment: ").append(earlier).append("}\n");
        case 4 -> y.append("scale: {deployment: ").append(d).append(", replicas: 4}\n");
        case 5 -> apply(y, step % 3 == 0 ? "mid" : "back", 50 + (step * 7) % 50);
        case 6 -> y.append("rollout: {deployment: ").append(d).append(", maxSurge: 1, maxUnavailable: 0}\n");
        default -> y.append("scale: {deployment: ").append(earlier).append(", replicas: 3}\n");
      }
    }
  }

  /** An apply of the route with another split, inline. */
  private static void apply(StringBuilder y, String host, int v1Weight) {
    StringBuilder vs = new StringBuilder();
    virtualService(vs, host, v1Weight);
    y.append("apply:\n");
    vs.toString().lines().forEach(l -> y.append("    ").append(l).append('\n'));
  }
}
