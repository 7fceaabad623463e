package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The {@code Sidecar} resource's egress scoping, as istiod computes a proxy's scope ({@code
 * pilot/pkg/model/sidecar.go}): a service the scope leaves out has no cluster and no route in the
 * proxy, so a call to it takes Istio's catch-all — PassthroughCluster (ALLOW_ANY), where the
 * VirtualService's fault on it no longer applies, or, under REGISTRY_ONLY, BlackHoleCluster (no 9080 listener in scope). Before, the
 * kind was warned about and ignored: every call kept the fault.
 */
class SidecarScopeTest {
  private static final String BASE = "src/test/resources/scenarios/sidecar/scope.yaml";
  private static final String EGRESS = "        - hosts: [\"./*\", \"istio-system/*\"]\n";
  private static final String PASSTHROUGH = "PassthroughCluster|backend.data.svc.cluster.local:9080";

  @TempDir Path dir;

  private LoadedScenario load(String from, String to) throws Exception {
    String text = Files.readString(Path.of(BASE));
    assertTrue(text.contains(from), from);
    Path file = dir.resolve("scope-" + Integer.toHexString((from + to).hashCode()) + ".yaml");
    Files.writeString(file, text.replace(from, to));
    return ScenarioLoader.load(file);
  }

  private static TrafficStats users(LoadedScenario s) {
    return Scenarios.run(s.scenario()).loads().get("users");
  }

  @Test
  void anOutOfScopeServiceIsReachedThroughPassthroughWithoutItsVirtualService() throws Exception {
    LoadedScenario scoped = ScenarioLoader.load(Path.of(BASE));
    TrafficStats s = users(scoped);
    assertEquals(Map.of(200, s.requests()), s.codes(), "the 418 fault of backend's VirtualService is not applied");
    RunResult r = Scenarios.run(scoped.scenario());
    assertTrue(r.clusterStats().containsKey(PASSTHROUGH), r.clusterStats().keySet().toString());
    assertFalse(r.clusterStats().containsKey("outbound|9080||backend.data.svc.cluster.local"));
    TrafficStats direct = r.loads().get("direct");
    assertEquals(Map.of(200, direct.requests()), direct.codes());
    assertEquals(Map.of(PASSTHROUGH, direct.requests()), direct.clusters());
    List<String> w = scoped.warnings();
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(1).contains("which load direct (namespace web) calls"), w.get(1));
    assertTrue(w.get(0).matches(".*scope\\.yaml:\\d+:\\d+: istio\\[1\\]\\.metadata\\.name: Sidecar web/default"
        + " does not import backend\\.data\\.svc\\.cluster\\.local:9080 .*workload frontend .*PassthroughCluster.*"),
        w.get(0));
  }

  @Test
  void withoutTheSidecarTheVirtualServiceApplies() throws Exception {
    String text = Files.readString(Path.of(BASE));
    Path file = dir.resolve("no-sidecar.yaml");
    Files.writeString(file, text.substring(0, text.indexOf("  - apiVersion: networking.istio.io/v1\n    kind: Sidecar"))
        + text.substring(text.indexOf("load:")));
    TrafficStats none = users(ScenarioLoader.load(file));
    assertEquals(Map.of(500, none.requests()), none.codes(), "frontend answers 500 after the 418 fault");
    TrafficStats direct = Scenarios.run(ScenarioLoader.load(file).scenario()).loads().get("direct");
    assertEquals(Map.of(418, direct.requests()), direct.codes());
    assertEquals(Map.of("FI", direct.requests()), direct.flags());
    TrafficStats everything = users(load(EGRESS, "        - hosts: [\"*/*\"]\n"));
    assertEquals(Map.of(500, everything.requests()), everything.codes(), "*/* imports the whole mesh");
  }

  @Test
  void importingTheHostBringsBackItsRoutes() throws Exception {
    TrafficStats s = users(load(EGRESS, "        - hosts: [\"./*\", \"data/backend.data.svc.cluster.local\"]\n"));
    assertEquals(Map.of(500, s.requests()), s.codes());
    TrafficStats wildcard = users(load(EGRESS, "        - hosts: [\"./*\", \"data/*.svc.cluster.local\"]\n"));
    assertEquals(Map.of(500, wildcard.requests()), wildcard.codes());
  }

  @Test
  void aVirtualServiceOfTheProxysNamespaceBringsItsHostAlong() throws Exception {
    String text = Files.readString(Path.of(BASE)).replace("metadata: {name: backend, namespace: data}\n    spec:\n"
        + "      hosts: [backend]", "metadata: {name: backend, namespace: web}\n    spec:\n"
        + "      hosts: [backend.data.svc.cluster.local]").replace("route: [{destination: {host: backend}}]",
        "route: [{destination: {host: backend.data.svc.cluster.local}}]");
    LoadedScenario s = ScenarioLoader.load(Files.writeString(dir.resolve("vs-in-web.yaml"), text));
    assertEquals(List.of(), s.warnings(), "imported by ./*, the VirtualService gives backend a virtual host");
    TrafficStats direct = Scenarios.run(s.scenario()).loads().get("direct");
    assertEquals(Map.of(418, direct.requests()), direct.codes(), "its fault applies again");
  }

  @Test
  void aSidecarAppliedByTheTimelineNarrowsTheScopeOnceItConverges() throws Exception {
    String text = Files.readString(Path.of(BASE));
    int at = text.indexOf("  - apiVersion: networking.istio.io/v1\n    kind: Sidecar");
    String sidecar = text.substring(at, text.indexOf("load:")).replace("\n  ", "\n      ").replaceFirst("^  ", "      ");
    Path file = dir.resolve("timeline.yaml");
    Files.writeString(file, text.substring(0, at) + "timeline:\n  - at: 2s\n    apply:\n" + sidecar
        + text.substring(text.indexOf("load:")).replace("backend.data:9080, arrival: {poisson: 20/s}",
            "backend.data:9080, arrival: {poisson: 400/s}"));
    RunResult r = Scenarios.run(ScenarioLoader.load(file).scenario());
    TrafficStats direct = r.loads().get("direct");
    long faulted = direct.codes().getOrDefault(418, 0L);
    long passed = direct.codes().getOrDefault(200, 0L);
    assertEquals(direct.requests(), faulted + passed, direct.codes().toString());
    double share = passed / (double) direct.requests();
    // From 2 s plus the debounce and the push (~0.1 s) to 4 s: about 0.475 of the calls, binomial 4σ.
    double expected = (4 - 2.1) / 4;
    double sigma = Math.sqrt(expected * (1 - expected) / direct.requests());
    assertTrue(Math.abs(share - expected) < 4 * sigma + 0.01, "calls passing through: " + share + " vs " + expected);
    assertTrue(direct.clusters().containsKey(PASSTHROUGH), direct.clusters().toString());
  }

  @Test
  void registryOnlyInTheSidecarBlocksWhatItLeavesOut() throws Exception {
    LoadedScenario s = load(EGRESS, EGRESS + "      outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n");
    RunResult r = Scenarios.run(s.scenario());
    TrafficStats users = r.loads().get("users");
    assertEquals(Map.of(500, users.requests()), users.codes(), "frontend fails its call");
    TrafficStats direct = r.loads().get("direct");
    // No service in web's scope has port 9080, so the proxy has no 9080 listener: the virtual
    // outbound listener's catch-all tcp_proxy to BlackHoleCluster closes the connection (UH), as
    // Envoy does; with an HTTP listener on the port it would be block_all's 502.
    assertEquals(Map.of(0, direct.requests()), direct.codes(), "the connection is closed");
    assertEquals(Map.of("UH", direct.requests()), direct.flags());
    assertEquals(Map.of("BlackHoleCluster", direct.requests()), direct.clusters());
    assertFalse(r.clusterStats().containsKey(PASSTHROUGH));
    assertTrue(s.warnings().get(0).contains("REGISTRY_ONLY"), s.warnings().toString());
  }

  @Test
  void aWorkloadSelectorBeatsTheNamespaceDefaultAndTheRootDefaultFillsIn() throws Exception {
    String selected = "  - apiVersion: networking.istio.io/v1\n    kind: Sidecar\n"
        + "    metadata: {name: frontend, namespace: web}\n    spec:\n"
        + "      workloadSelector: {labels: {app: frontend}}\n      egress: [{hosts: [\"*/*\"]}]\n";
    TrafficStats s = users(load("load:\n", selected + "load:\n"));
    assertEquals(Map.of(500, s.requests()), s.codes(), "frontend's own Sidecar imports everything");
    TrafficStats root = users(load("metadata: {name: default, namespace: web}", "metadata: {name: default,"
        + " namespace: istio-system}"));
    assertEquals(Map.of(200, root.requests()), root.codes(), "the root namespace's default applies to web");
  }

  @Test
  void inspectListsOnlyTheScopedClusters() throws Exception {
    Path snap = dir.resolve("snap");
    assertEquals(0, meshsim("run", BASE, "--duration", "2s", "--inspect-at", "1s", "--inspect-dir", snap.toString())
        .exit());
    Outcome clusters = meshsim("inspect", snap.toString(), "proxy-config", "clusters", "frontend-0");
    assertEquals(0, clusters.exit(), clusters.err());
    assertTrue(clusters.out().contains("frontend.web.svc.cluster.local"), clusters.out());
    assertFalse(clusters.out().contains("other.data.svc.cluster.local"), clusters.out());
    assertFalse(clusters.out().contains("outbound|9080||backend"), clusters.out());
    Outcome listeners = meshsim("inspect", snap.toString(), "proxy-config", "listeners", "frontend-0");
    assertTrue(listeners.out().contains("Route: 8080"), listeners.out());
    assertFalse(listeners.out().contains("9080"), "no HTTP listener for a port nothing in scope has: 15001 passes"
        + " the calls through\n" + listeners.out());
  }

  @Test
  void badHostsAreExitTwoWithTheirPosition() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, Files.readString(Path.of(BASE)).replace("\"./*\", ", "\"reviews\", "));
    Outcome bad = meshsim("run", file.toString());
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().matches("(?s).*bad\\.yaml:\\d+:\\d+: istio\\[1\\]\\.spec\\.egress\\[0\\]\\.hosts\\[0\\]:"
        + " expected namespace/dnsName.*"), bad.err());
    Files.writeString(file, Files.readString(Path.of(BASE)).replace(EGRESS, EGRESS
        + "        - {port: {number: 9080, protocol: HTTP, name: http}, hosts: [\"*/*\"]}\n"));
    Outcome order = meshsim("run", file.toString());
    assertEquals(2, order.exit(), order.err());
    assertTrue(order.err().contains("istio[1].spec.egress[0]: the egress listener without a port must be the last"),
        order.err());
  }
}
