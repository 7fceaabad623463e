package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A Service's visibility (issue 10): the {@code networking.istio.io/exportTo} annotation and
 * meshConfig {@code defaultServiceExportTo}, as istiod's {@code IsServiceVisible} applies them. A
 * namespace that does not see the Service has no cluster and no route for it: its calls take the
 * catch-all (PassthroughCluster under ALLOW_ANY, where the Service's own VirtualService does not
 * apply; BlackHoleCluster under REGISTRY_ONLY on a port no visible Service serves as HTTP), and a
 * route of another VirtualService to it gets 503 NC. Before, the annotation was ignored and the
 * mesh default warned about as not modelled.
 */
class ServiceExportToTest {
  private static final String BASE = "src/test/resources/scenarios/service-export-to.yaml";
  private static final String ANNOTATION = "      annotations: {networking.istio.io/exportTo: \".\"}\n";

  @TempDir Path dir;

  private LoadedScenario load(String from, String to) throws Exception {
    String text = Files.readString(Path.of(BASE));
    assertTrue(text.contains(from), from);
    Path file = dir.resolve("export-" + Math.abs((from + to).hashCode()) + ".yaml");
    Files.writeString(file, text.replace(from, to));
    return ScenarioLoader.load(file);
  }

  @Test
  void aNamespaceTheServiceIsNotExportedToPassesItsCallsThroughWithoutItsVirtualService() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(Path.of(BASE));
    RunResult r = Scenarios.run(loaded.scenario());
    TrafficStats prod = r.loads().get("from-prod");
    assertEquals(Map.of(418, prod.requests()), prod.codes(), "its own namespace sees it and its VirtualService");
    TrafficStats other = r.loads().get("from-default");
    assertTrue(other.requests() > 100, "requests: " + other.requests());
    assertEquals(Map.of(200, other.requests()), other.codes());
    assertEquals(Map.of("PassthroughCluster|ratings.prod.svc.cluster.local:9080", other.requests()), other.clusters());
    assertEquals(List.of("service-export-to.yaml:13:51: kubernetes[0].metadata.annotations[\"networking.istio.io/exportTo\"]:"
        + " Service ratings.prod is not exported to namespace default (exportTo [.]): proxies there get no cluster"
        + " and no route for it, so calls from default take PassthroughCluster (kube-proxy picks a pod; no"
        + " DestinationRule or VirtualService of it applies), and a VirtualService route to it from there gets"
        + " 503 NC"), loaded.warnings().stream().map(w -> w.substring(w.indexOf("service-export-to.yaml"))).toList());
  }

  @Test
  void underRegistryOnlyThoseCallsMeetTheBlackHole() throws Exception {
    RunResult r = Scenarios.run(load("{mode: ALLOW_ANY}", "{mode: REGISTRY_ONLY}").scenario());
    TrafficStats other = r.loads().get("from-default");
    assertEquals(Map.of(0, other.requests()), other.codes(), "no proxy there has a listener on 9080");
    assertEquals(Map.of("UH", other.requests()), other.flags());
    assertEquals(Map.of(418, r.loads().get("from-prod").requests()), r.loads().get("from-prod").codes());
  }

  @Test
  void aRouteToItFromANamespaceThatDoesNotSeeItIsNoClusterFound() throws Exception {
    String text = Files.readString(Path.of(BASE))
        .replace("istio:\n", """
            services:
              - name: web
                ports: [{name: http, port: 8080}]
                deployments: [{name: web, labels: {app: web}, workers: 8, serviceTime: 1ms}]
            istio:
            """)
        .replace("  resources:\n", """
              resources:
                - apiVersion: networking.istio.io/v1
                  kind: VirtualService
                  metadata: {name: web, namespace: default}
                  spec:
                    hosts: [web]
                    http: [{route: [{destination: {host: ratings.prod.svc.cluster.local, port: {number: 9080}}}]}]
            """)
        .replace("load:\n", "load:\n  - {name: to-web, namespace: default, target: web:8080, arrival: {poisson: 20/s}}\n");
    Path file = dir.resolve("route.yaml");
    Files.writeString(file, text);
    TrafficStats web = Scenarios.run(ScenarioLoader.load(file).scenario()).loads().get("to-web");
    assertTrue(web.requests() > 100, "requests: " + web.requests());
    assertEquals(Map.of(503, web.requests()), web.codes());
    assertEquals(Map.of("NC", web.requests()), web.flags());
  }

  @Test
  void theMeshDefaultHidesEveryServiceWithoutAnAnnotation() throws Exception {
    String text = Files.readString(Path.of(BASE)).replace(ANNOTATION, "")
        .replace("    outboundTrafficPolicy: {mode: ALLOW_ANY}\n",
            "    outboundTrafficPolicy: {mode: ALLOW_ANY}\n    defaultServiceExportTo: [\".\"]\n");
    Path file = dir.resolve("default.yaml");
    Files.writeString(file, text);
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(loaded.warnings().get(0).contains("istio.meshConfig.defaultServiceExportTo: Service ratings.prod"
        + " is not exported to namespace default"), loaded.warnings().get(0));
    RunResult r = Scenarios.run(loaded.scenario());
    TrafficStats other = r.loads().get("from-default");
    assertEquals(Map.of("PassthroughCluster|ratings.prod.svc.cluster.local:9080", other.requests()), other.clusters());
    assertEquals(Map.of(418, r.loads().get("from-prod").requests()), r.loads().get("from-prod").codes());
  }
}
