package dev.meshsim.testkit.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.testkit.MeshPolicies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysisTest {
  static final Path BROKEN = Path.of("testkit/src/test/resources/scenarios/broken.yaml");
  static final long FIVE_S = Analysis.DEFAULT_IMPACT_NANOS;
  /** How far the 5s prediction may be from the full run's figure, in share (4 percentage points). */
  static final double TOLERANCE = 0.04;

  final MeshPolicies broken = MeshPolicies.load(BROKEN);
  final List<Finding> findings = Analysis.run(broken, FIVE_S, true);

  @Test
  void findsEachListedProblemOnTheScenarioMadeToHaveIt() {
    Set<String> codes = findings.stream().map(f -> f.code() + " " + f.origin()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of(
        "IST0101 VirtualService default/reviews", "IST0101 VirtualService default/ratings",
        "IST0109 VirtualService default/details-a", "IST0109 VirtualService default/details-b",
        "IST0112 VirtualService default/details-a", "IST0118 Service default/details",
        "IST0130 VirtualService default/reviews", "IST0131 VirtualService default/reviews",
        "KIA0203 DestinationRule default/reviews", "MSH0003 VirtualService default/slow",
        "MSH0004 VirtualService default/slow")), codes);
    assertTrue(Analysis.hasErrors(findings));
  }

  @Test
  void messagesAreIstioctlsLines() {
    List<String> lines = findings.stream().map(Finding::line).toList();
    assertTrue(lines.contains("Error [IST0101] (VirtualService default/reviews) Referenced host+subset in "
        + "destinationrule not found: \"reviews+v4\""), lines.toString());
    assertTrue(lines.contains("Error [IST0101] (VirtualService default/ratings) Referenced host not found: \"ratingz\""));
    assertTrue(lines.contains("Warning [IST0130] (VirtualService default/reviews) VirtualService rule "
        + "\"jason-reviews\" not used (all matches used by prior rules)."));
    assertTrue(lines.contains("Info [IST0131] (VirtualService default/reviews) VirtualService rule \"jason-reviews\" "
        + "match #0 is not used (duplicate/overlapping match in rule \"jason\")."));
    assertTrue(lines.contains("Error [IST0112] (VirtualService default/details-a) This VirtualService routes to a "
        + "service \"details\" that exposes multiple ports [9080 9090]. Specifying a port in the destination is "
        + "required to disambiguate."));
  }

  @Test
  void predictedNoClusterShareIsWithinToleranceOfTheFullRun() {
    String reviews = "reviews.default.svc.cluster.local";
    double predicted = ImpactRun.staticConfig(broken, FIVE_S).serviceFlagShare(reviews, "NC");
    double full = ImpactRun.withTimeline(broken).serviceFlagShare(reviews, "NC");
    // users (200/s) split 50/50 onto the missing v4; jason (20/s) goes to v3: 100/220 of reviews' requests
    assertEquals(100.0 / 220, full, TOLERANCE);
    assertEquals(full, predicted, TOLERANCE);
    Finding f = findings.stream().filter(x -> x.line().contains("reviews+v4")).findFirst().orElseThrow();
    assertTrue(f.impact().startsWith(ImpactRun.percent(predicted) + " of requests to reviews end 503 NC"), f.impact());
  }

  @Test
  void predictedNoHealthyUpstreamOfAnEmptySubsetMatchesTheFullRun() {
    String reviews = "reviews.default.svc.cluster.local";
    double predicted = ImpactRun.staticConfig(broken, FIVE_S).serviceFlagShare(reviews, "UH");
    double full = ImpactRun.withTimeline(broken).serviceFlagShare(reviews, "UH");
    assertEquals(20.0 / 220, full, TOLERANCE);
    assertEquals(full, predicted, TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reviews-canary", "canary-rollout", "pod-kill", "reference", "large-mesh",
      "app-before-sidecar", "bench-chain"})
  void findsNothingOnTheShippedGoodScenarios(String name) {
    List<Finding> none = Analysis.run(MeshPolicies.load(Path.of("scenarios/" + name + ".yaml")), 2_000_000_000L, true);
    assertEquals(List.of(), none);
  }

  @Test
  void findsTheOneStepRolloutOfOutOfOrderApply() {
    List<Finding> f = Analysis.run(MeshPolicies.load(Path.of("scenarios/out-of-order-apply.yaml")), FIVE_S, true);
    assertEquals(List.of("MSH0001 VirtualService default/reviews"), f.stream().map(x -> x.code() + " " + x.origin()).toList());
    assertTrue(f.get(0).impact().matches("[1-9][0-9]* requests end 503 NC/NR .*"), f.get(0).impact());
  }

  @Test
  void findsTheCircuitBreakingTasksOverflowWithinToleranceOfTheFullRun() {
    MeshPolicies cb = MeshPolicies.load(Path.of("scenarios/circuit-breaking.yaml"));
    List<Finding> f = Analysis.run(cb, FIVE_S, true);
    assertEquals(List.of("MSH0002 DestinationRule default/httpbin"), f.stream().map(x -> x.code() + " " + x.origin()).toList());
    String httpbin = "httpbin.default.svc.cluster.local";
    assertEquals(ImpactRun.withTimeline(cb).serviceFlagShare(httpbin, "UO"),
        ImpactRun.staticConfig(cb, FIVE_S).serviceFlagShare(httpbin, "UO"), TOLERANCE);
  }

  @Test
  void sameScenarioGivesByteIdenticalOutput() {
    List<Finding> again = Analysis.run(MeshPolicies.load(BROKEN), FIVE_S, true);
    var v = broken.scenario().istioVersion();
    assertEquals(FindingFormat.json(findings, v), FindingFormat.json(again, v));
    assertEquals(FindingFormat.text(findings, "broken"), FindingFormat.text(again, "broken"));
  }

  @Test
  void jsonHasIstioctlsKeys() throws Exception {
    JsonNode list = new ObjectMapper().readTree(FindingFormat.json(findings, broken.scenario().istioVersion()));
    assertEquals(findings.size(), list.size());
    JsonNode kiali = byCode(list, "KIA0203");
    assertEquals(List.of("code", "impact", "level", "message", "origin"), fieldNames(kiali)); // KIA: no istio.io URL
    JsonNode ist = byCode(list, "IST0118");
    assertEquals("https://istio.io/v1.30/docs/reference/config/analysis/ist0118/?ref=istioctl-analyze",
        ist.get("documentationUrl").asText());
    assertEquals("Error", list.get(0).get("level").asText(), "istioctl's order: errors first");
  }

  private static JsonNode byCode(JsonNode list, String code) {
    for (JsonNode n : list) {
      if (n.get("code").asText().equals(code)) {
        return n;
      }
    }
    throw new AssertionError("no " + code + " in " + list);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aGatewayThatNoGatewayResourceDefinesIsReferencedResourceNotFound(@TempDir Path tmp) throws Exception {
    Path bound = Path.of("scenarios/troubles/05-gateway-port.yaml"); // defines the Gateway it binds to
    assertTrue(Analysis.run(MeshPolicies.load(bound), FIVE_S, false).stream()
        .noneMatch(f -> f.message().startsWith("Referenced gateway")), "the shipped gateway exists");
    Path typo = tmp.resolve("typo.yaml");
    Files.writeString(typo, Files.readString(bound).replace("gateways: [bookinfo-gateway]", "gateways: [bookinfo-gatway]"));
    List<Finding> found = Analysis.run(MeshPolicies.load(typo), FIVE_S, true).stream()
        .filter(f -> f.message().startsWith("Referenced gateway")).toList();
    assertEquals(1, found.size(), found.toString());
    assertEquals("Error [IST0101] (VirtualService default/bookinfo) Referenced gateway not found: \"bookinfo-gatway\"",
        found.get(0).line());
    assertTrue(found.get(0).impact().contains("sidecars ignore them too"), found.get(0).impact());
    // A short name resolves in the VirtualService's namespace; istio-system/... names another one.
    Files.writeString(typo, Files.readString(bound).replace("gateways: [bookinfo-gateway]",
        "gateways: [istio-system/bookinfo-gateway, mesh]"));
    List<Finding> other = Analysis.run(MeshPolicies.load(typo), FIVE_S, true).stream()
        .filter(f -> f.message().startsWith("Referenced gateway")).toList();
    assertEquals(1, other.size(), other.toString());
    assertTrue(other.get(0).impact().contains("sidecars still apply them"), other.get(0).impact());
  }
}
