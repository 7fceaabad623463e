package dev.meshsim.testkit.analyze;

import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Durations;
import dev.meshsim.testkit.MeshPolicies;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The short simulation behind the predicted impacts: the scenario's loads for a few seconds, from
 * time 0 and without its timeline (the config as it stands), and the per-service shares read from
 * the client sidecars' cluster stats. Run once per analysis, lazily.
 */
final class ImpactRun {
  private final RunResult run;
  private final long nanos;

  private ImpactRun(RunResult run, long nanos) {
    this.run = run;
    this.nanos = nanos;
  }

  /** {@code nanos} of the scenario's load on the config as it stands (no timeline). */
  static ImpactRun staticConfig(MeshPolicies mesh, long nanos) {
    long d = Math.min(nanos, mesh.scenario().durationNanos());
    RunResult r = mesh.simulate(s -> s.withDuration(Durations.format(d)).withWarmup("0s").withOnlyEvents(List.of()));
    return new ImpactRun(r, d);
  }

  /** The scenario with its timeline, as written. */
  static ImpactRun withTimeline(MeshPolicies mesh) {
    return new ImpactRun(mesh.simulate(), mesh.scenario().durationNanos());
  }

  RunResult result() {
    return run;
  }

  /** Responses of requests some client sidecar routed to a cluster of {@code fqdn}. */
  long serviceResponses(String fqdn) {
    long n = 0;
    for (var e : run.clusterStats().entrySet()) {
      if (e.getKey().endsWith("|" + fqdn)) {
        n += total(e.getValue());
      }
    }
    return n;
  }

  /** The share of {@code fqdn}'s routed requests that ended with {@code flag}. */
  double serviceFlagShare(String fqdn, String flag) {
    long n = 0;
    long flagged = 0;
    for (var e : run.clusterStats().entrySet()) {
      if (e.getKey().endsWith("|" + fqdn)) {
        n += total(e.getValue());
        flagged += flagged(e.getValue(), flag);
      }
    }
    return n == 0 ? 0 : (double) flagged / n;
  }

  /** The share of requests routed to {@code cluster} that ended with {@code flag}. */
  double clusterFlagShare(String cluster, String flag) {
    ClusterStats c = run.clusterStats().get(cluster);
    return c == null || total(c) == 0 ? 0 : (double) flagged(c, flag) / total(c);
  }

  long clusterResponses(String cluster) {
    ClusterStats c = run.clusterStats().get(cluster);
    return c == null ? 0 : total(c);
  }

  /** {@code in a 5s simulation of the scenario's loads}. */
  String basis() {
    return "in a " + Durations.format(nanos) + " simulation of the scenario's loads";
  }

  private static long total(ClusterStats c) {
    return c.responseCodes().values().stream().mapToLong(Long::longValue).sum();
  }

  private static long flagged(ClusterStats c, String flag) {
    long n = 0;
    for (Map.Entry<String, Long> f : c.responseFlags().entrySet()) {
      if (List.of(f.getKey().split(",")).contains(flag)) {
        n += f.getValue();
      }
    }
    return n;
  }

  /** A share as people read it: {@code 50%}, {@code 0.12%}. */
  static String percent(double share) {
    double p = 100 * share;
    String s = p >= 10 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.2f", p);
    return (s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s) + "%";
  }
}
