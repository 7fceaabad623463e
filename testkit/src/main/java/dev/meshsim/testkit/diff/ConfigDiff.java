package dev.meshsim.testkit.diff;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Durations;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.Request;
import dev.meshsim.testkit.WeightedDestination;
import dev.meshsim.testkit.diff.DiffReport.Estimate;
import dev.meshsim.testkit.diff.DiffReport.LoadComparison;
import dev.meshsim.testkit.diff.DiffReport.Metric;
import dev.meshsim.testkit.diff.DiffReport.RouteChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two configs over one scenario: request classes routed differently (static, exact), and
 * every load simulated on both sides with the same seeds (the scenario's timeline left out: the
 * configs are compared as they stand), {@code replications} seeds each, differences marked
 * significant by a paired t-test at 5% over the whole report (Bonferroni).
 */
public final class ConfigDiff {
  private ConfigDiff() {}

  public static DiffReport run(MeshPolicies before, MeshPolicies after, long durationNanos, int replications) {
    List<RouteChange> changes = new ArrayList<>();
    for (Request r : RequestClasses.of(before.scenario(), before.scenario().istio(), after.scenario().istio())) {
      List<String> b = describe(before.destinations(r));
      List<String> a = describe(after.destinations(r));
      if (!a.equals(b)) {
        changes.add(new RouteChange(r, b, a));
      }
    }
    List<Map<String, TrafficStats>> runsBefore = runs(before, durationNanos, replications);
    List<Map<String, TrafficStats>> runsAfter = runs(after, durationNanos, replications);
    Map<String, TreeMap<String, double[][]>> values = new java.util.LinkedHashMap<>();
    int tests = 0;
    for (String load : runsBefore.get(0).keySet()) {
      TreeMap<String, double[][]> v = new TreeMap<>();
      collect(v, load, runsBefore, 0, replications);
      collect(v, load, runsAfter, 1, replications);
      values.put(load, v);
      tests += v.size();
    }
    // Bonferroni over every metric of the report: one false alarm in twenty reports, not per metric
    double alpha = 0.05 / Math.max(1, tests);
    List<LoadComparison> loads = new ArrayList<>();
    values.forEach((load, v) -> {
      List<Metric> metrics = new ArrayList<>();
      v.forEach((name, x) -> metrics.add(new Metric(name, estimate(x[0]), estimate(x[1]),
          significant(x[0], x[1], alpha))));
      loads.add(new LoadComparison(load, metrics));
    });
    return new DiffReport(changes, loads, replications, durationNanos);
  }

  private static List<String> describe(List<WeightedDestination> ds) {
    List<String> out = new ArrayList<>();
    for (WeightedDestination d : ds) {
      out.add(d.cluster() + " " + DiffReportFormat.percent(d.share()) + (d.known() ? "" : " (503 NC)"));
    }
    return out;
  }

  private static List<Map<String, TrafficStats>> runs(MeshPolicies mesh, long nanos, int replications) {
    List<Map<String, TrafficStats>> out = new ArrayList<>();
    long seed = mesh.scenario().seed();
    long total = mesh.scenario().warmupNanos() + nanos; // measured time after the scenario's warm-up
    for (int i = 0; i < replications; i++) {
      long s = seed + i;
      RunResult r = mesh.simulate(x -> x.withSeed(s).withDuration(Durations.format(total)).withOnlyEvents(List.of()));
      out.add(r.loads());
    }
    return out;
  }

  /** Per metric name, the values of each replication on side {@code side}. */
  private static void collect(TreeMap<String, double[][]> values, String load, List<Map<String, TrafficStats>> runs,
      int side, int n) {
    for (int i = 0; i < n; i++) {
      TrafficStats t = runs.get(i).get(load);
      double total = Math.max(1, t.requests());
      long routed = t.clusters().values().stream().mapToLong(Long::longValue).sum();
      for (String c : union(runs, load, TrafficStats::clusters)) {
        put(values, "cluster " + c, side, i, n, routed == 0 ? 0 : t.clusters().getOrDefault(c, 0L) / (double) routed);
      }
      for (String f : union(runs, load, TrafficStats::flags)) {
        if (!f.equals("-")) {
          put(values, "flag " + f, side, i, n, t.flags().getOrDefault(f, 0L) / total);
        }
      }
      long ok = t.codes().entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
      put(values, "errors (non-2xx)", side, i, n, 1 - ok / total);
      put(values, "latency p50", side, i, n, t.latency().getValueAtPercentile(50) / 1e6);
      put(values, "latency p99", side, i, n, t.latency().getValueAtPercentile(99) / 1e6);
    }
  }

  private static TreeSet<String> union(List<Map<String, TrafficStats>> runs, String load,
      java.util.function.Function<TrafficStats, Map<String, Long>> keys) {
    TreeSet<String> all = new TreeSet<>();
    runs.forEach(r -> all.addAll(keys.apply(r.get(load)).keySet()));
    return all;
  }

  private static void put(TreeMap<String, double[][]> values, String name, int side, int i, int n, double v) {
    values.computeIfAbsent(name, k -> new double[2][n])[side][i] = v;
  }

  private static Estimate estimate(double[] v) {
    return new Estimate(mean(v), v.length < 2 ? 0 : t(v.length - 1) * Math.sqrt(variance(v) / v.length));
  }

  /**
   * A paired t-test over the replications (both sides ran with the same seeds: common random
   * numbers), at level {@code alpha}. Equal differences in every replication are significant unless
   * they are zero.
   */
  static boolean significant(double[] before, double[] after, double alpha) {
    double[] d = new double[before.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = after[i] - before[i];
    }
    if (d.length < 2 || variance(d) == 0) {
      return Math.abs(mean(d)) > 1e-12;
    }
    return new org.apache.commons.math3.stat.inference.TTest().pairedTTest(after, before) < alpha;
  }

  private static double t(int df) {
    return new org.apache.commons.math3.distribution.TDistribution(null, df).inverseCumulativeProbability(0.975);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }

  /** Shares as the report prints them. */
  static final class DiffReportFormat {
    private DiffReportFormat() {}

    static String percent(double share) {
      return String.format(java.util.Locale.ROOT, "%.4g%%", 100 * share).replaceAll("\\.?0+%$", "%");
    }
  }
}
