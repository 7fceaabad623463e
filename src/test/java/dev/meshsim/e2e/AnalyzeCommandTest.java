package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code meshsim analyze}: istioctl analyze's exit codes and output formats. */
class AnalyzeCommandTest {
  static final String BROKEN = "testkit/src/test/resources/scenarios/broken.yaml";

  @Test
  void errorsFoundExit79WithIstioctlLinesAndPredictions() {
    var o = meshsim("analyze", BROKEN);
    assertEquals(79, o.exit(), o.err());
    assertTrue(o.out().contains("Error [IST0101] (VirtualService default/reviews) Referenced host+subset in "
        + "destinationrule not found: \"reviews+v4\"\n    predicted: "), o.out());
  }

  @Test
  void goodScenarioExits0() {
    var o = meshsim("analyze", "scenarios/reviews-canary.yaml");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().startsWith("\u2714 No validation issues found"), o.out());
  }

  @Test
  void outputFormatsAndBadInput() {
    var json = meshsim("analyze", BROKEN, "-o", "json", "--no-impact");
    assertEquals(79, json.exit());
    assertTrue(json.out().startsWith("[\n  {\n    \"code\": "), json.out());
    var yaml = meshsim("analyze", BROKEN, "--output", "yaml", "--no-impact");
    assertTrue(yaml.out().startsWith("- code: "), yaml.out());
    assertEquals(2, meshsim("analyze", BROKEN, "-o", "xml").exit());
    assertEquals(2, meshsim("analyze", "no/such.yaml").exit());
  }

  @Test
  void aDestinationRuleTheServersRefuseIsIst0113() {
    var o = meshsim("analyze", "scenarios/troubles/09-mtls.yaml", "--no-impact");
    assertEquals(79, o.exit(), o.err());
    assertTrue(o.out().contains("Error [IST0113] (DestinationRule default/reviews) A DestinationRule and"
        + " PeerAuthentication are in conflict with regards to mTLS for host reviews.default.svc.cluster.local:"
        + " DestinationRule default/reviews for reviews.default.svc.cluster.local:9080 specifies that mTLS must be"
        + " false (no tls, auto mTLS off) but PeerAuthentication makes reviews-v1 STRICT"), o.out());
    assertTrue(o.out().contains("Error [IST0113] (DestinationRule istio-system/default)"), o.out());
    assertTrue(!meshsim("analyze", "scenarios/troubles/09-mtls-fix.yaml", "--no-impact").out().contains("IST0113"));
  }
}
