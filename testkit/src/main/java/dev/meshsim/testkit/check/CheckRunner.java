package dev.meshsim.testkit.check;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.Request;
import dev.meshsim.testkit.RouteDecision;
import dev.meshsim.testkit.RouteRule;
import dev.meshsim.testkit.check.CheckReport.Mismatch;
import dev.meshsim.testkit.check.CheckReport.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs route tests: each test's request is routed statically (as its client's sidecar would) and
 * compared field by field; a {@code simulate} block then sends the request at its rate through the
 * full simulation, with the scenario's own loads and timeline, and checks the bounds.
 */
public final class CheckRunner {
  private CheckRunner() {}

  /** Runs {@code suite}; {@code comprehensive} is router_check_tool's {@code --covall}. */
  public static CheckReport run(RouteTestFile.Suite suite, boolean comprehensive) {
    MeshPolicies mesh = suite.mesh();
    List<TestResult> results = new ArrayList<>();
    Set<RouteRule> covered = new LinkedHashSet<>();
    for (RouteTest test : suite.tests()) {
      RouteDecision d = mesh.route(test.request());
      List<Mismatch> mismatches = new ArrayList<>();
      test.expected().forEach((field, want) -> {
        String actual = actual(field, d);
        if (!normalise(field, want).equals(actual)) {
          mismatches.add(new Mismatch(field, want, actual));
        }
      });
      if (test.simulate() != null) {
        mismatches.addAll(simulate(mesh, test.request(), test.simulate()));
      }
      boolean fully = test.expected().containsKey("cluster_name") && test.expected().containsKey("virtual_host_name");
      if (d.rule() != null && (!comprehensive || fully)) {
        covered.add(d.rule());
      }
      results.add(new TestResult(test.name(), mismatches));
    }
    List<RouteRule> rules = mesh.rules();
    List<RouteRule> coveredInOrder = rules.stream().filter(covered::contains).toList();
    return new CheckReport(results, rules, coveredInOrder, comprehensive);
  }

  /** What the decision has for a {@code validate} field; {@code ""} for none. */
  static String actual(String field, RouteDecision d) {
    return switch (field) {
      case "cluster_name" -> orEmpty(d.cluster());
      case "virtual_host_name" -> orEmpty(d.virtualHost());
      case "route_name" -> orEmpty(d.routeName());
      case "code" -> d.forwarded() ? "" : Integer.toString(d.responseCode());
      case "flag" -> d.responseFlag().equals("-") ? "" : d.responseFlag();
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** {@code flag: "-"} means no flag, as the access log prints it. */
  private static String normalise(String field, String want) {
    return field.equals("flag") && want.equals("-") ? "" : want;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static List<Mismatch> simulate(MeshPolicies mesh, Request request, SimulateSpec spec) {
    List<dev.meshsim.scenario.LoadSpec> loads = new ArrayList<>(mesh.scenario().loads());
    String probe = "check-probe";
    loads.add(mesh.probeLoad(request, probe, spec.ratePerSecond(), 0));
    RunResult run = mesh.simulate(s -> {
      var t = s.withLoads(loads).withDuration(spec.durationNanos() + "ns").withWarmup("0s");
      return spec.seed() == null ? t : t.withSeed(spec.seed());
    });
    TrafficStats stats = run.loads().get(probe);
    List<Mismatch> out = new ArrayList<>();
    long n = stats.requests();
    check(out, "simulate.codes.", spec.codes(), k -> count(stats.codes(), k), n);
    check(out, "simulate.flags.", spec.flags(), k -> stats.flags().getOrDefault(k, 0L), n);
    check(out, "simulate.clusters.", spec.clusters(), k -> stats.clusters().getOrDefault(k, 0L), n);
    spec.latency().forEach((q, bound) -> {
      double nanos = quantile(stats, q);
      if (!bound.holds(nanos)) {
        out.add(new Mismatch("simulate.latency." + q, bound.toString(), Latency.format(nanos)));
      }
    });
    return out;
  }

  private static long count(Map<Integer, Long> codes, String code) {
    try {
      return codes.getOrDefault(Integer.parseInt(code), 0L);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void check(List<Mismatch> out, String prefix, Map<String, Bound> bounds,
      java.util.function.ToLongFunction<String> count, long n) {
    bounds.forEach((key, bound) -> {
      double share = n == 0 ? 0 : (double) count.applyAsLong(key) / n;
      if (!bound.holds(share)) {
        out.add(new Mismatch(prefix + key, bound.toString(),
            CheckReport.percent(100 * share) + "% of " + n));
      }
    });
  }

  private static double quantile(TrafficStats stats, String q) {
    var h = stats.latency();
    return switch (q) {
      case "p50" -> h.getValueAtPercentile(50);
      case "p90" -> h.getValueAtPercentile(90);
      case "p99" -> h.getValueAtPercentile(99);
      case "p999" -> h.getValueAtPercentile(99.9);
      default -> h.getMaxValue();
    };
  }

  /** Latencies as people write them: {@code 12.3ms}. */
  static final class Latency {
    private Latency() {}

    static String format(double nanos) {
      return CheckReport.percent(nanos / 1e6) + "ms";
    }
  }
}
