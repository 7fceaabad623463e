package dev.meshsim.testkit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.testkit.MeshPolicies;
import dev.meshsim.testkit.diff.DiffReport.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
  static final Path CANARY = Path.of("scenarios/reviews-canary.yaml");
  static final Path FIFTY = Path.of("testkit/src/test/resources/scenarios/reviews-50-50.yaml");
  static final String V1 = "outbound|9080|v1|reviews.default.svc.cluster.local";
  static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";

  final MeshPolicies base = MeshPolicies.load(CANARY);

  @Test
  void canaryStepChangesExactlyTheV1V2Shares() {
    DiffReport r = ConfigDiff.run(ConfigSource.load(CANARY, base), ConfigSource.load(FIFTY, base), 5_000_000_000L, 5);
    assertFalse(r.routeChanges().isEmpty());
    for (DiffReport.RouteChange c : r.routeChanges()) {
      assertEquals(List.of(V1 + " 90%", V2 + " 10%"), c.before(), c.toString());
      assertEquals(List.of(V1 + " 50%", V2 + " 50%"), c.after(), c.toString());
    }
    // jason's cookie still goes to v3: no class with the cookie changed
    assertTrue(r.routeChanges().stream().noneMatch(c -> c.request().headers().containsKey("cookie")));
    Set<String> significant = new TreeSet<>();
    for (var load : r.loads()) {
      for (Metric m : load.metrics()) {
        if (m.significant() && !m.name().startsWith("latency")) {
          significant.add(load.load() + " " + m.name());
        }
      }
    }
    // latency may move too (v2 calls ratings); shares, codes and flags: only v1 and v2 of users
    assertEquals(Set.of("users cluster " + V1, "users cluster " + V2), significant);
  }

  @Test
  void sameConfigChangesNothing() {
    DiffReport r = ConfigDiff.run(base, ConfigSource.load(CANARY, base), 3_000_000_000L, 3);
    assertEquals(List.of(), r.routeChanges());
    assertTrue(r.loads().stream().flatMap(l -> l.metrics().stream()).noneMatch(Metric::significant));
  }

  @Test
  void manifestsApplyOverTheBaseConfigAsKubectlApplyDoes() {
    MeshPolicies applied = ConfigSource.load(FIFTY, base);
    assertEquals(base.scenario().istio().virtualServices().size(), applied.scenario().istio().virtualServices().size());
    assertEquals(base.scenario().istio().virtualServices().get(0).meta().order(),
        applied.scenario().istio().virtualServices().get(0).meta().order());
  }
}
