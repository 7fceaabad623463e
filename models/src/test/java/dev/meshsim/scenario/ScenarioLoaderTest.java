package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.engine.random.Distribution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Happy paths: what a valid scenario becomes, defaults included. */
class ScenarioLoaderTest {

  @TempDir Path tmp;

  private static LoadedScenario bookinfo() throws ScenarioException {
    return ScenarioLoader.load(Path.of("src/test/resources/scenarios/good/bookinfo.yaml"));
  }

  @Test
  void topLevelFields() throws Exception {
    Scenario s = bookinfo().scenario();
    assertEquals("bookinfo", s.name());
    assertEquals(42, s.seed());
    assertEquals(90_000_000_000L, s.durationNanos());
    assertEquals(5_000_000_000L, s.warmupNanos());
    assertEquals(MeshBinder.DEFAULTS, s.mesh());
    assertEquals(List.of("productpage", "details", "reviews", "ratings"),
        s.services().stream().map(ServiceSpec::name).toList());
  }

  @Test
  void deploymentsWithTheirDefaults() throws Exception {
    ServiceSpec reviews = bookinfo().scenario().services().get(2);
    DeploymentSpec v1 = reviews.deployments().get(0);
    assertEquals(new DeploymentSpec("reviews-v1", Map.of("app", "reviews", "version", "v1"), 2, 1,
        new Distribution.Exponential(10_000_000), 0, List.of()), v1);
    DeploymentSpec details = bookinfo().scenario().services().get(1).deployments().get(0);
    assertEquals(new Distribution.Constant(1_000_000), details.serviceTime());
    assertEquals(0.01, reviews.deployments().get(2).errorRate());
  }

  @Test
  void callTargetsResolveAsKubernetesDnsDoes() throws Exception {
    List<ServiceSpec> services = bookinfo().scenario().services();
    List<CallStep> product = services.get(0).deployments().get(0).calls();
    assertEquals(new CallStep.Call(new HttpRequestSpec("details:9080", "details.default.svc.cluster.local", 9080,
        "GET", "/details/0", Map.of()), false), product.get(0));
    HttpRequestSpec toReviews = product.get(1).calls().get(0).request();
    assertEquals("reviews", toReviews.authority());
    assertEquals(9080, toReviews.port()); // the Service's only port
    assertEquals(Map.of("x-request-id", "abc"), toReviews.headers()); // names lower-cased

    CallStep.Parallel parallel = assertInstanceOf(CallStep.Parallel.class,
        services.get(2).deployments().get(1).calls().get(0));
    assertEquals("ratings.default.svc.cluster.local", parallel.calls().get(0).request().host());
    assertEquals("details.default.svc.cluster.local", parallel.calls().get(1).request().host());
    assertTrue(parallel.calls().get(1).ignoreErrors());
    HttpRequestSpec post = services.get(2).deployments().get(2).calls().get(0).calls().get(0).request();
    assertEquals("POST", post.method());
    assertEquals("ratings.default.svc.cluster.local", post.host());
  }

  @Test
  void loadsAndArrivals() throws Exception {
    List<LoadSpec> loads = bookinfo().scenario().loads();
    LoadSpec users = loads.get(0);
    assertEquals(new LoadSpec("users", "default", Map.of("app", "users"),
        new HttpRequestSpec("productpage.default.svc.cluster.local:9080", "productpage.default.svc.cluster.local",
            9080, "GET", "/productpage", Map.of("cookie", "user=jason")),
        new Arrival.Poisson(200), 0, true), users);
    LoadSpec fortio = loads.get(1);
    assertEquals(new Arrival.Connections(8, 50), fortio.arrival()); // qps 400 is the total over 8
    assertEquals(10_000, fortio.maxRequests());
    assertEquals("/", fortio.request().path());
    assertEquals(false, fortio.sidecar());
  }

  @Test
  void otherArrivals() throws Exception {
    String text = TestScenarios.MINIMAL.replace("arrival: {poisson: 10/s}", "arrival: {constant: 12000/m}")
        + "  - {name: closed, target: reviews, arrival: {connections: 4}}\n";
    List<LoadSpec> loads = TestScenarios.load(tmp, text).scenario().loads();
    assertEquals(new Arrival.Constant(200), loads.get(0).arrival());
    assertEquals(new Arrival.Connections(4, 0), loads.get(1).arrival());
  }

  @Test
  void defaultsOfAMinimalScenario() throws Exception {
    Scenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL).scenario();
    assertEquals("s", s.name()); // the file name without extension
    assertEquals(1, s.seed());
    assertEquals(0, s.warmupNanos());
    assertEquals(new MeshSettings(new Distribution.Constant(20_000), true, new Distribution.LogNormal(500_000, 0.3),
        new Distribution.Constant(200_000)), s.mesh());
    assertEquals("default", s.services().get(0).namespace());
    DeploymentSpec d = s.services().get(1).deployments().get(0);
    assertEquals(Map.of("app", "ratings"), d.labels());
    assertEquals(1, d.replicas());
    assertEquals(1, d.workers());
    assertEquals(List.of(), d.calls());
    assertEquals(List.of(), s.istio().virtualServices());
  }

  @Test
  void meshSettings() throws Exception {
    Scenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + """
        mesh:
          iptables: {hop: 0s}
          sidecar: {enabled: false}
          network: {latency: {distribution: uniform, min: 100us, max: 300us}}
        """).scenario();
    assertEquals(new MeshSettings(new Distribution.Constant(0), false, MeshBinder.DEFAULT_SIDECAR_PROCESSING,
        new Distribution.Uniform(100_000, 300_000)), s.mesh());
  }

  @Test
  void namespacesShapeTargetResolution() throws Exception {
    Scenario s = TestScenarios.load(tmp, """
        duration: 10s
        services:
          - {name: ratings, ports: [{name: http, port: 9080}, {name: grpc, port: 9090}], deployments: []}
          - name: cart
            namespace: shop
            ports: [{port: 80}]
            deployments: [{name: cart, serviceTime: 1ms, calls: [{target: ratings.default:9090}]}]
        load:
          - {name: a, namespace: shop, target: cart, arrival: {poisson: 1/s}}
          - {name: b, target: cart.shop.svc:80, arrival: {poisson: 1/s}}
        """).scenario();
    assertEquals("cart.shop.svc.cluster.local", s.loads().get(0).request().host());
    assertEquals(80, s.loads().get(0).request().port());
    assertEquals("cart.shop.svc.cluster.local", s.loads().get(1).request().host());
    HttpRequestSpec call = s.services().get(1).deployments().get(0).calls().get(0).calls().get(0).request();
    assertEquals("ratings.default.svc.cluster.local", call.host());
    assertEquals(9090, call.port());
    assertEquals(List.of(new PortSpec("", 80)), s.services().get(1).ports());
  }

  @Test
  void kubernetesDnsExpansion() {
    assertEquals("a.ns.svc.cluster.local", ServiceDirectory.kubernetesFqdn("a", "ns"));
    assertEquals("a.b.svc.cluster.local", ServiceDirectory.kubernetesFqdn("a.b", "ns"));
    assertEquals("a.b.svc.cluster.local", ServiceDirectory.kubernetesFqdn("a.b.svc", "ns"));
    assertEquals("a.b.svc.cluster.local", ServiceDirectory.kubernetesFqdn("a.b.svc.cluster.local", "ns"));
    assertEquals("a.b.svc.cluster.local", ServiceDirectory.kubernetesFqdn("A.B.svc.cluster.local.", "ns"));
    assertEquals("example.com.svc.cluster.local", ServiceDirectory.kubernetesFqdn("example.com", "ns"));
  }
}
