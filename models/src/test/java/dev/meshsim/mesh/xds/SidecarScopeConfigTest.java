package dev.meshsim.mesh.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Sidecar resource leaves in one proxy's config, and what istiod's push then costs: the
 * large mesh (300 services) with a namespace-wide Sidecar importing svc-000 gives each proxy 1
 * cluster and 1 virtual host instead of 300 and 300; a VirtualService's destinations stay as
 * clusters; gateways ignore Sidecars.
 */
class SidecarScopeConfigTest {
  @TempDir Path dir;

  private Scenario largeMesh(boolean sidecar) throws Exception {
    String text = Files.readString(Path.of("../scenarios/large-mesh.yaml"));
    return ScenarioLoader.load(Files.writeString(dir.resolve("lm-" + sidecar + ".yaml"),
        sidecar ? text.replaceAll("(?m)^#> ", "") : text)).scenario();
  }

  private static PushContext context(Scenario s) {
    ServiceRegistry registry = new ServiceRegistry();
    s.services().forEach(registry::addService);
    return PushContext.full(1, s.istio(), registry, IstioProfile.of(s.istioVersion()), new PushContext.ClusterInterner());
  }

  @Test
  void aNamespaceSidecarShrinksEachProxysConfigAndPush() throws Exception {
    ProxyIdentity proxy = new ProxyIdentity("default", Map.of("app", "svc-123"));
    PushContext all = context(largeMesh(false));
    PushContext scoped = context(largeMesh(true));
    assertEquals(300, all.configFor(proxy).clusters().size());
    assertEquals(600, all.proxyResources(proxy, true), "300 clusters + 300 virtual hosts");
    assertEquals(List.of("outbound|8080||svc-000.default.svc.cluster.local"),
        scoped.configFor(proxy).clusters().keySet().stream().filter(n -> n.startsWith("outbound")).toList());
    assertEquals(2, scoped.proxyResources(proxy, true), "1 cluster + 1 virtual host");
    assertEquals(1, scoped.proxyResources(proxy, false), "an EDS push: the cluster");
    assertEquals(all.contextResources() + 1, scoped.contextResources(), "the Sidecar is one more resource");
  }

  @Test
  void anImportedVirtualServiceKeepsTheClustersItRoutesToButNotTheirVirtualHosts() throws Exception {
    String text = """
        duration: 1s
        services:
          - {name: a, ports: [{name: http, port: 80}], deployments: [{name: a, serviceTime: 1ms}]}
          - {name: b, namespace: other, ports: [{name: http, port: 80}], deployments: [{name: b, serviceTime: 1ms}]}
          - {name: c, namespace: other, ports: [{name: http, port: 80}], deployments: [{name: c, serviceTime: 1ms}]}
        istio:
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: a}
            spec: {hosts: [a], http: [{route: [{destination: {host: b.other.svc.cluster.local}}]}]}
          - apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: {name: default, namespace: default}
            spec: {egress: [{hosts: ["./*"]}]}
        load:
          - {name: users, target: a, arrival: {poisson: 1/s}}
        """;
    Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("vs.yaml"), text)).scenario();
    ProxyConfig config = context(s).configFor(new ProxyIdentity("default", Map.of()));
    assertTrue(config.clusters().containsKey("outbound|80||b.other.svc.cluster.local"), "inferred from the route");
    assertTrue(!config.clusters().containsKey("outbound|80||c.other.svc.cluster.local"));
    assertEquals("allow_any|b.other.svc.cluster.local:80",
        config.routes().virtualHost("b.other.svc.cluster.local", 80).name(), "calls to b itself pass through");
    assertEquals("allow_any|c.other.svc.cluster.local:80", config.routes().virtualHost("c.other.svc.cluster.local", 80)
        .name());
  }
}
