package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingress through a Gateway API {@code Gateway} of class istio: Istio's automated deployment
 * ({@code bookinfo-gateway-istio} in the Gateway's namespace) serves the HTTPRoutes attached to its
 * listeners, by hostname, path and weight. Before, the Gateway kind was warned about and ignored,
 * its routes too, and a load could not target the deployment at all.
 */
class KubernetesGatewayTest {
  private static final String SCENARIO = "src/test/resources/scenarios/gateway-api/gateway.yaml";
  private static final String V1 = "outbound|9080||reviews-v1.default.svc.cluster.local";
  private static final String V2 = "outbound|9080||reviews-v2.default.svc.cluster.local";

  @TempDir Path dir;

  @Test
  void routesAttachedToTheListenerServeTheirHostsAndPaths() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of(SCENARIO));
    assertEquals(List.of(), loaded.warnings());
    RunResult r = Scenarios.run(loaded.scenario());
    TrafficStats page = r.loads().get("internet");
    assertEquals(Map.of(200, page.requests()), page.codes(), "the hostname-less route takes any host");
    TrafficStats other = r.loads().get("wrong-host");
    assertEquals(Map.of(404, other.requests()), other.codes(), "no route for /reviews on other hosts");
    TrafficStats reviews = r.loads().get("reviews");
    assertEquals(Map.of(200, reviews.requests()), reviews.codes());
    long v2 = r.clusterStats().get(V2).counter("upstream_rq_total");
    long n = r.clusterStats().get(V1).counter("upstream_rq_total") + v2;
    assertEquals(reviews.requests(), n);
    double sigma = Math.sqrt(0.1 * 0.9 / n);
    assertTrue(Math.abs(v2 / (double) n - 0.1) < 4 * sigma, v2 + " of " + n);
  }

  @Test
  void bookinfoFromItsManifestsIsReachedThroughTheGatewayApi() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios/bookinfo/scenario-gateway-api.yaml"));
    assertEquals(List.of(), loaded.warnings());
    RunResult r = Scenarios.run(loaded.scenario().withDuration(5_000_000_000L));
    TrafficStats page = r.loads().get("internet");
    assertEquals(Map.of(200, page.requests()), page.codes());
    assertEquals(page.requests(), r.clusterStats().get("outbound|9080||productpage.default.svc.cluster.local")
        .counter("upstream_rq_total"), "every page through the gateway's route to productpage");
    TrafficStats other = r.loads().get("not-a-page");
    assertEquals(Map.of(404, other.requests()), other.codes());
  }

  @Test
  void aRouteFromAnotherNamespaceNeedsAllowedRoutesAll() throws Exception {
    String text = Files.readString(Path.of(SCENARIO)).replace("metadata: {name: reviews}",
        "metadata: {name: reviews, namespace: shop}").replace("parentRefs: [{name: bookinfo-gateway, sectionName: http}]",
        "parentRefs: [{name: bookinfo-gateway, namespace: default, sectionName: http}]")
        .replace("{name: reviews-v1, port: 9080", "{name: reviews-v1, namespace: default, port: 9080")
        .replace("{name: reviews-v2, port: 9080", "{name: reviews-v2, namespace: default, port: 9080");
    LoadedScenario same = ScenarioLoader.load(Files.writeString(dir.resolve("same.yaml"), text));
    assertEquals(1, same.warnings().size(), same.warnings().toString());
    assertTrue(same.warnings().get(0).contains("HTTPRoute shop/reviews attaches to no HTTP listener of Gateway"
        + " default/bookinfo-gateway"), same.warnings().get(0));
    TrafficStats refused = Scenarios.run(same.scenario()).loads().get("reviews");
    assertEquals(Map.of(404, refused.requests()), refused.codes());
    // The backends are in default, the route in shop: a ReferenceGrant in default must allow it.
    String grant = "  - apiVersion: gateway.networking.k8s.io/v1beta1\n    kind: ReferenceGrant\n"
        + "    metadata: {name: shop-routes, namespace: default}\n    spec:\n"
        + "      from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]\n"
        + "      to: [{group: \"\", kind: Service}]\nload:\n";
    LoadedScenario all = ScenarioLoader.load(Files.writeString(dir.resolve("all.yaml"),
        text.replace("from: Same", "from: All").replace("load:\n", grant)));
    assertEquals(List.of(), all.warnings());
    TrafficStats allowed = Scenarios.run(all.scenario()).loads().get("reviews");
    assertEquals(Map.of(200, allowed.requests()), allowed.codes());
  }

  @Test
  void otherClassesAreWarnedAboutAndABadListenerIsExitTwo() throws Exception {
    String text = Files.readString(Path.of(SCENARIO));
    LoadedScenario other = ScenarioLoader.load(Files.writeString(dir.resolve("class.yaml"),
        text.replace("gatewayClassName: istio", "gatewayClassName: nginx").replace(
            "target: bookinfo-gateway-istio.default:80", "target: productpage:9080")));
    assertTrue(other.warnings().stream().anyMatch(w -> w.contains("spec.gatewayClassName: gatewayClassName nginx is"
        + " not modelled")), other.warnings().toString());
    Outcome bad = meshsim("run", Files.writeString(dir.resolve("bad.yaml"), text.replace("protocol: HTTP,",
        "protocol: QUIC,")).toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("istio[2].spec.listeners[0].protocol: expected HTTP, HTTPS, TLS, TCP or UDP"),
        bad.err());
  }
}
