package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pods with and without a sidecar in one mesh (issue 10): a caller without a sidecar goes straight
 * to a pod, with no retries and no Envoy flags; a sidecar calling a plain pod speaks plaintext and
 * succeeds; a plain pod's own calls go out directly. Fractions are checked against theory within 4σ.
 */
class MixedSidecarsTest {
  private static final String FILE = "src/test/resources/scenarios/mtls/mixed.yaml";

  private static void assertFraction(double expected, long count, long n, String what) {
    double sigma = Math.sqrt(expected * (1 - expected) / n);
    double actual = (double) count / n;
    assertTrue(Math.abs(actual - expected) <= 4 * sigma, what + ": " + actual + " vs " + expected + " (n " + n + ")");
  }

  @Test
  void callersWithAndWithoutASidecarSeeTheAppAsEnvoyOrKubeProxyShowsIt() {
    RunResult r = Scenarios.run(Scenarios.load(FILE));
    TrafficStats mesh = r.loads().get("from-mesh");
    assertTrue(mesh.requests() > 800, "requests: " + mesh.requests());
    assertFraction(0.125, mesh.codes().getOrDefault(503, 0L), mesh.requests(), "retried twice: 0.5^3 fail");
    assertEquals(mesh.codes().getOrDefault(503, 0L), mesh.flags().getOrDefault("URX", 0L), "each 503 is URX");

    TrafficStats plain = r.loads().get("from-plain");
    assertFraction(0.5, plain.codes().getOrDefault(503, 0L), plain.requests(), "no retries without a sidecar");
    assertEquals(Map.of("-", plain.requests()), plain.flags(), "no Envoy, no flags");

    TrafficStats toPlain = r.loads().get("to-plain");
    assertEquals(Map.of(200, toPlain.requests()), toPlain.codes(), "plaintext to the plain pod");
    var cluster = r.clusterStats().get("outbound|8080||plain.default.svc.cluster.local");
    assertEquals(0, cluster.counter("upstream_cx_connect_fail"));
    assertEquals(toPlain.requests(), cluster.counter("upstream_rq_total"));
    // Tries per request through a sidecar: 1 + 0.5 + 0.25. plain's own calls to backend pass no
    // sidecar, so they add nothing to the cluster's stats.
    long tries = r.clusterStats().get("outbound|8080||backend.default.svc.cluster.local").counter("upstream_rq_total");
    double perRequest = (double) tries / mesh.requests();
    assertTrue(Math.abs(perRequest - 1.75) < 0.1, "tries per request " + perRequest);
  }

  /** The Istio docs' mTLS migration task: only the client without a sidecar into STRICT foo fails. */
  @Test
  void theMtlsMigrationTaskLocksOutOnlyThePlainClientOfTheStrictNamespace() {
    String file = "scenarios/security/mtls-migration.yaml";
    RunResult strictFoo = Scenarios.run(Scenarios.load(file));
    for (String load : List.of("sleep-foo-to-foo", "sleep-foo-to-bar", "sleep-bar-to-foo", "sleep-bar-to-bar",
        "sleep-legacy-to-bar")) {
      TrafficStats t = strictFoo.loads().get(load);
      assertEquals(Map.of(200, t.requests()), t.codes(), load);
    }
    TrafficStats locked = strictFoo.loads().get("sleep-legacy-to-foo");
    assertEquals(Map.of(503, locked.requests()), locked.codes(), "reset: the docs' 000, exit code 56");
    assertEquals(Map.of("-", locked.requests()), locked.flags());

    RunResult meshWide = Scenarios.run(SiblingVariants.load(file, "namespace: foo}\n    spec:",
        "namespace: istio-system}\n    spec:"));
    assertEquals(Map.of(503, meshWide.loads().get("sleep-legacy-to-bar").requests()),
        meshWide.loads().get("sleep-legacy-to-bar").codes(), "mesh-wide STRICT locks legacy out of bar too");
    assertEquals(Map.of(200, meshWide.loads().get("sleep-bar-to-foo").requests()),
        meshWide.loads().get("sleep-bar-to-foo").codes());
  }
}
