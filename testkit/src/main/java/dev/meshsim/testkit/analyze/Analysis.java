package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.VirtualService;
import dev.meshsim.testkit.MeshPolicies;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a scenario's config: every check, findings in istioctl's order (level, code, origin),
 * each with the impact meshsim predicts from one short simulation of the scenario's loads (5s by
 * default).
 */
public final class Analysis {
  public static final long DEFAULT_IMPACT_NANOS = 5_000_000_000L;

  private Analysis() {}

  /**
   * @param impactNanos how long the impact simulation runs (capped at the scenario's duration)
   * @param predict false skips every simulation: no impacts, and no findings that need one
   */
  public static List<Finding> run(MeshPolicies mesh, long impactNanos, boolean predict) {
    AnalysisContext ctx = new AnalysisContext(mesh, impactNanos, predict);
    List<Finding> all = new ArrayList<>(new ConfigChecks(ctx).run());
    for (VirtualService vs : mesh.scenario().istio().virtualServices()) {
      all.addAll(RuleReachability.run(vs));
    }
    ConflictsAndRollouts c = new ConflictsAndRollouts(ctx);
    all.addAll(c.conflicts());
    all.addAll(c.rollouts());
    all.addAll(new TrafficChecks(ctx).run());
    all.addAll(MtlsChecks.run(mesh.scenario()));
    all.addAll(GatewayApiChecks.run(mesh.scenario().istio().virtualServices(), predict));
    all.sort(Finding.ORDER);
    return List.copyOf(all);
  }

  /** Whether any finding is an Error (istioctl analyze then exits 79). */
  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.level() == Finding.Level.Error);
  }
}
