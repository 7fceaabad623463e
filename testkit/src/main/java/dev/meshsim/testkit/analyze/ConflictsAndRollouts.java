package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Durations;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.Request;
import dev.meshsim.testkit.WeightedDestination;
import dev.meshsim.testkit.analyze.Finding.Level;
import dev.meshsim.testkit.model.ModelAdapter;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * IST0109 ConflictingMeshGatewayVirtualServiceHosts (with which VirtualService sidecars use and
 * what the others would have routed), and meshsim's MSH0001: a timeline apply that brings a
 * VirtualService and the DestinationRule subset it needs in one step.
 */
final class ConflictsAndRollouts {
  private final AnalysisContext ctx;

  ConflictsAndRollouts(AnalysisContext ctx) {
    this.ctx = ctx;
  }

  List<Finding> conflicts() {
    Map<String, List<VirtualService>> byHost = new LinkedHashMap<>();
    List<VirtualService> oldestFirst = new ArrayList<>(ctx.istio().virtualServices());
    oldestFirst.sort(Comparator.comparingInt(vs -> vs.meta().order()));
    for (VirtualService vs : oldestFirst) {
      if (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh")) {
        continue;
      }
      for (String h : vs.hosts()) {
        String fqdn = ModelAdapter.istioFqdn(h, vs.meta().namespace());
        List<VirtualService> list = byHost.computeIfAbsent(fqdn, k -> new ArrayList<>());
        if (!list.contains(vs)) {
          list.add(vs);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    byHost.forEach((fqdn, list) -> {
      if (list.size() < 2) {
        return;
      }
      TreeSet<String> names = new TreeSet<>();
      list.forEach(vs -> names.add(vs.meta().namespace() + "/" + vs.meta().name()));
      String message = "The VirtualServices " + String.join(",", names) + " associated with mesh gateway define the "
          + "same host */" + fqdn + " which can lead to undefined behavior. This can be fixed by merging the "
          + "conflicting VirtualServices into a single resource.";
      VirtualService winner = list.get(0);
      for (VirtualService vs : list) {
        out.add(new Finding(Level.Error, "IST0109", "VirtualService", vs.meta().namespace(), vs.meta().name(), message,
            ctx.lazyImpact(() -> conflictImpact(fqdn, winner, vs))));
      }
    });
    return out;
  }

  /** Which VirtualService sidecars use, and where the scenario's requests would go under this one. */
  private String conflictImpact(String fqdn, VirtualService winner, VirtualService vs) {
    String winnerName = winner.meta().namespace() + "/" + winner.meta().name();
    if (vs == winner) {
      return "sidecars use " + winnerName + " for " + fqdn + " (the oldest; istiod drops the others' routes)";
    }
    List<VirtualService> others = new ArrayList<>(ctx.istio().virtualServices());
    others.remove(winner);
    MeshPolicies alone = ctx.mesh().withIstio(new IstioConfig(others, ctx.istio().destinationRules()));
    int changed = 0;
    int total = 0;
    List<String> examples = new ArrayList<>();
    for (LoadSpec load : ctx.scenario().loads()) {
      if (!load.request().host().equals(fqdn)) {
        continue;
      }
      total++;
      Request r = Request.of(load.request().method(), load.request().host() + ":" + load.request().port(),
          load.request().path()).headers(load.request().headers()).from(load.name());
      List<String> now = clusters(ctx.mesh().destinations(r));
      List<String> would = clusters(alone.destinations(r));
      if (!now.equals(would)) {
        changed++;
        examples.add("load " + load.name() + ": " + now + " instead of " + would);
      }
    }
    return "sidecars use " + winnerName + " (the oldest) and ignore this one; of the scenario's " + total
        + " loads to it, " + changed + " would route elsewhere under this one" + (examples.isEmpty() ? "" : ": "
        + String.join("; ", examples));
  }

  private static List<String> clusters(List<WeightedDestination> ds) {
    return ds.stream().map(d -> d.cluster() + (ds.size() > 1 ? " " + ImpactRun.percent(d.share()) : "")).toList();
  }

  /** MSH0001: an apply whose VirtualService routes to a subset only its own DestinationRule brings. */
  List<Finding> rollouts() {
    List<Finding> out = new ArrayList<>();
    Map<String, TreeSet<String>> known = subsets(ctx.istio().destinationRules());
    for (TimelineEvent e : ctx.scenario().timeline().events()) {
      if (!(e instanceof TimelineEvent.Apply apply)) {
        continue;
      }
      List<DestinationRule> drs = apply.objects().stream().map(IstioObject::destinationRule)
          .filter(java.util.Objects::nonNull).toList();
      Map<String, TreeSet<String>> added = subsets(drs);
      for (IstioObject o : apply.objects()) {
        if (o.virtualService() != null) {
          String needed = newSubsets(o.virtualService(), known, added);
          if (needed != null) {
            VirtualService vs = o.virtualService();
            out.add(new Finding(Level.Warning, "MSH0001", "VirtualService", vs.meta().namespace(), vs.meta().name(),
                "meshsim: applied at " + Durations.format(apply.atNanos()) + " (" + apply.source() + ") in one step "
                    + "with the DestinationRule that defines " + needed + "; sidecars can get the route before the "
                    + "subset's cluster. Make before break: apply the DestinationRule, wait until every sidecar has "
                    + "it, then the VirtualService.",
                ctx.lazyImpact(() -> rolloutImpact(apply))));
          }
        }
      }
      added.forEach((h, s) -> known.computeIfAbsent(h, k -> new TreeSet<>()).addAll(s));
    }
    return out;
  }

  private static String newSubsets(VirtualService vs, Map<String, TreeSet<String>> known,
      Map<String, TreeSet<String>> added) {
    for (HttpRoute r : vs.http()) {
      for (HttpRouteDestination d : r.route()) {
        String fqdn = ModelAdapter.istioFqdn(d.destination().host(), vs.meta().namespace());
        String s = d.destination().subset();
        if (s != null && !known.getOrDefault(fqdn, new TreeSet<>()).contains(s)
            && added.getOrDefault(fqdn, new TreeSet<>()).contains(s)) {
          return "subset " + s + " of " + d.destination().host();
        }
      }
    }
    return null;
  }

  private static Map<String, TreeSet<String>> subsets(List<DestinationRule> drs) {
    Map<String, TreeSet<String>> out = new LinkedHashMap<>();
    for (DestinationRule dr : drs) {
      String fqdn = ModelAdapter.istioFqdn(dr.host(), dr.meta().namespace());
      dr.subsets().stream().map(Subset::name).forEach(n -> out.computeIfAbsent(fqdn, k -> new TreeSet<>()).add(n));
    }
    return out;
  }

  /** The NC and NR the scenario's loads get in the 5s after the apply, with its control plane as written. */
  private String rolloutImpact(TimelineEvent.Apply apply) {
    long until = apply.atNanos() + 5_000_000_000L;
    RunResult run = ctx.mesh().simulate(s -> s.withDuration(Durations.format(until)).withWarmup("0s")
        .withOnlyEvents(List.of(apply)));
    long failed = 0;
    long all = 0;
    for (var load : run.loads().values()) {
      all += load.requests();
      failed += load.flags().getOrDefault("NC", 0L) + load.flags().getOrDefault("NR", 0L);
    }
    return failed + " requests end 503 NC/NR (" + ImpactRun.percent(all == 0 ? 0 : (double) failed / all)
        + " of the loads' requests in the first " + Durations.format(until) + ", this apply alone, seed "
        + ctx.scenario().seed() + "); with make before break none would";
  }
}
