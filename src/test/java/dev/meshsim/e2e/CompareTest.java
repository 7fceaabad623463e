package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} against a config_dump written by hand from Istio's documented output for
 * bookinfo's traffic shifting (reviews 50% v1, 50% v3; the bookinfo DestinationRules; Istio 1.24+'s
 * default retry policy, without retriable 503): nothing differs in what meshsim models, the rest is
 * listed; a change in the real dump is found.
 */
class CompareTest {
  private static final Path REAL = Path.of("src/test/resources/inspect/bookinfo-productpage-config-dump.json");
  private static final String POD = "productpage-v1-0";

  @TempDir static Path tmp;
  private static Path snap;

  @BeforeAll
  static void snapshot() {
    snap = tmp.resolve("snap");
    assertEquals(0, CliRun.meshsim("run", "scenarios/bookinfo/scenario-traffic-shifting.yaml", "--duration", "6s", "--inspect-at",
        "5s", "--inspect-dir", snap.toString()).exit());
  }

  private static CliRun.Outcome compare(Path real) {
    return CliRun.meshsim("inspect", snap.toString(), "compare", POD, real.toString());
  }

  @Test
  void theDocumentedBookinfoConfigHasNoDifferenceInWhatMeshsimModels() {
    CliRun.Outcome out = compare(REAL);
    assertEquals(0, out.exit(), out.err());
    assertTrue(out.out().startsWith("0 differences in what meshsim models\n"), out.out());
    for (String listed : List.of("cluster BlackHoleCluster", "cluster inbound|9080||", "route 9080 virtual host allow_any",
        "route InboundPassthroughClusterIpv4", "gRPC retry_on conditions (unavailable)")) {
      assertTrue(out.out().contains("  " + listed + "\n"), listed + " in\n" + out.out());
    }
  }

  @Test
  void aChangedWeightAndThresholdAreReported() throws Exception {
    String text = Files.readString(REAL)
        .replaceFirst("\"weight\": 50", "\"weight\": 60")
        .replaceFirst("\"maxConnections\": 4294967295", "\"maxConnections\": 100");
    Path changed = tmp.resolve("changed.json");
    Files.writeString(changed, text);
    String out = compare(changed).out();
    assertTrue(out.contains("cluster outbound|9080||details.default.svc.cluster.local: circuit_breakers.max_connections:"
        + " meshsim 4294967295, real 100\n"), out);
    assertTrue(out.contains("route 9080 reviews.default.svc.cluster.local:9080 route[0] clusters: meshsim"
        + " {outbound|9080|v1|reviews.default.svc.cluster.local=50, outbound|9080|v3|reviews.default.svc.cluster.local=50},"
        + " real {outbound|9080|v1|reviews.default.svc.cluster.local=60,"), out);
    assertTrue(out.contains("\n2 differences in what meshsim models\n"), out);
  }

  @Test
  void anIstio123DefaultRetryPolicyDiffersFromTheSimulatedRelease() throws Exception {
    // Before 1.24 istiod's default retry policy also retried upstream 503s (reference §3.1).
    String text = Files.readString(REAL).replace("\"numRetries\": 2,", "\"numRetries\": 2, \"retriableStatusCodes\": [503],");
    Path old = tmp.resolve("istio-1.23.json");
    Files.writeString(old, text);
    String out = compare(old).out();
    assertTrue(out.contains("route 9080 reviews.default.svc.cluster.local:9080 route[0]"
        + " retry_policy.retriable_status_codes: meshsim [], real [503]\n"), out);
    assertTrue(out.contains("\n4 differences in what meshsim models\n"), out);
  }

  @Test
  void aFileThatIsNotAConfigDumpIsBadInput() throws Exception {
    Path notJson = tmp.resolve("broken.json");
    Files.writeString(notJson, "{\n  \"configs\": [\n    oops\n");
    CliRun.Outcome broken = compare(notJson);
    assertEquals(2, broken.exit());
    assertTrue(broken.err().contains("broken.json:3:"), broken.err());
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"clusters\": []}");
    CliRun.Outcome wrong = compare(other);
    assertEquals(2, wrong.exit());
    assertTrue(wrong.err().contains("not an Envoy config_dump"), wrong.err());
  }
}
