package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.testkit.analyze.Finding.Level;
import dev.meshsim.testkit.model.ModelAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * meshsim's own findings about load, found and sized by the short simulation: MSH0002 connection-pool
 * limits the scenario's load exceeds (503 UO), MSH0003 a route timeout the upstream does not meet
 * (504 UT), MSH0004 retries that would multiply the load past the upstream's capacity.
 */
final class TrafficChecks {
  private final AnalysisContext ctx;

  TrafficChecks(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    if (!ctx.predicts()) {
      return out; // these are found by simulating
    }
    for (DestinationRule dr : ctx.istio().destinationRules()) {
      poolOverflow(dr, out);
    }
    for (VirtualService vs : ctx.istio().virtualServices()) {
      for (int i = 0; i < vs.http().size(); i++) {
        timeouts(vs, vs.http().get(i), i, out);
        retryStorm(vs, vs.http().get(i), i, out);
      }
    }
    return out;
  }

  private void poolOverflow(DestinationRule dr, List<Finding> out) {
    boolean limits = dr.trafficPolicy() != null && dr.trafficPolicy().connectionPool() != null;
    for (Subset s : dr.subsets()) {
      limits |= s.trafficPolicy() != null && s.trafficPolicy().connectionPool() != null;
    }
    String fqdn = ModelAdapter.istioFqdn(dr.host(), dr.meta().namespace());
    double uo = ctx.impact().serviceFlagShare(fqdn, "UO");
    if (limits && uo > 0) {
      out.add(new Finding(Level.Warning, "MSH0002", "DestinationRule", dr.meta().namespace(), dr.meta().name(),
          "meshsim: the scenario's load exceeds the connectionPool limits for " + dr.host()
              + "; Envoy's circuit breaker rejects the excess.",
          ImpactRun.percent(uo) + " of requests to " + dr.host() + " end 503 UO " + ctx.impact().basis()));
    }
  }

  private void timeouts(VirtualService vs, HttpRoute rule, int index, List<Finding> out) {
    if (rule.timeoutNanos() == null || rule.timeoutNanos() == 0) {
      return;
    }
    for (String fqdn : destinations(vs, rule)) {
      double ut = ctx.impact().serviceFlagShare(fqdn, "UT");
      if (ut > 0) {
        out.add(new Finding(Level.Warning, "MSH0003", "VirtualService", vs.meta().namespace(), vs.meta().name(),
            "meshsim: rule " + RuleReachability.ruleName(rule, index) + " has a timeout of "
                + Durations.format(rule.timeoutNanos()) + ", shorter than some of " + shortName(fqdn)
                + "'s responses take.",
            ImpactRun.percent(ut) + " of requests to " + shortName(fqdn) + " end 504 UT " + ctx.impact().basis()));
      }
    }
  }

  /**
   * Offered load λ (from the short run) times the attempts a failing request makes, against the
   * upstream's capacity Σ replicas × workers / mean service time: past it, a failure of the upstream
   * is amplified instead of absorbed.
   */
  private void retryStorm(VirtualService vs, HttpRoute rule, int index, List<Finding> out) {
    if (rule.retries() == null || rule.retries().attempts() == 0) {
      return;
    }
    int attempts = 1 + rule.retries().attempts();
    for (String fqdn : destinations(vs, rule)) {
      ServiceSpec s = ctx.service(fqdn);
      double capacity = capacity(s);
      double offered = ctx.impact().serviceResponses(fqdn) / (ctx.impactNanos() / 1e9);
      if (capacity > 0 && offered < capacity && offered * attempts > capacity) {
        out.add(new Finding(Level.Warning, "MSH0004", "VirtualService", vs.meta().namespace(), vs.meta().name(),
            "meshsim: rule " + RuleReachability.ruleName(rule, index) + " retries up to " + rule.retries().attempts()
                + " times; when " + shortName(fqdn) + " fails, retries multiply its load past its capacity.",
            String.format(java.util.Locale.ROOT, "offered %.0f/s, capacity %.0f/s, up to %.0f/s with retries "
                + "(%d attempts each) %s", offered, capacity, offered * attempts, attempts, ctx.impact().basis())));
      }
    }
  }

  private static double capacity(ServiceSpec s) {
    double c = 0;
    for (DeploymentSpec d : s.deployments()) {
      double mean = d.serviceTime().mean();
      c += mean > 0 ? d.replicas() * d.workers() / (mean / 1e9) : 0;
    }
    return c;
  }

  private List<String> destinations(VirtualService vs, HttpRoute rule) {
    List<String> out = new ArrayList<>();
    for (HttpRouteDestination d : rule.route()) {
      String fqdn = ModelAdapter.istioFqdn(d.destination().host(), vs.meta().namespace());
      if (ctx.service(fqdn) != null && !out.contains(fqdn)) {
        out.add(fqdn);
      }
    }
    return out;
  }

  private String shortName(String fqdn) {
    return ctx.shortName(ctx.service(fqdn));
  }
}
