package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.upstream.ClusterSettings;
import dev.meshsim.mesh.upstream.HashPolicy;
import dev.meshsim.mesh.upstream.HashPolicy.Source;
import dev.meshsim.mesh.upstream.LbPolicy;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * istiod's translation of {@code consistentHash}: the cluster's balancer and hash policy
 * ({@code applyLoadBalancer}, {@code consistentHashToHashPolicy}) and the routes' retry host
 * predicate ({@code applyHTTPRouteDestination}, {@code retry.ConvertPolicy}).
 */
class ConsistentHashConfigTest {
  private static final String SCENARIO = """
      duration: 10s
      services:
        - name: reviews
          ports: [{name: http, port: 9080}]
          deployments:
            - {name: reviews-v1, labels: {app: reviews, version: v1}, serviceTime: 1ms}
            - {name: reviews-v2, labels: {app: reviews, version: v2}, serviceTime: 1ms}
        - name: ratings
          ports: [{name: http, port: 9080}]
          deployments: [{name: ratings-v1, serviceTime: 1ms}]
        - name: details
          ports: [{name: http, port: 9080}]
          deployments: [{name: details-v1, serviceTime: 1ms}]
      istio:
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: reviews}
          spec:
            host: reviews
            trafficPolicy:
              loadBalancer:
                consistentHash: {httpHeaderName: X-User, ringHash: {minimumRingSize: 2048}}
            subsets:
              - {name: v1, labels: {version: v1}}
              - name: v2
                labels: {version: v2}
                trafficPolicy:
                  loadBalancer:
                    consistentHash: {useSourceIp: true, maglev: {tableSize: 251}}
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: ratings}
          spec:
            host: ratings
            trafficPolicy:
              loadBalancer:
                consistentHash: {httpQueryParameterName: s, maglev: {tableSize: 65537}}
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: details}
          spec:
            host: details
            trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: reviews}
          spec:
            hosts: [reviews]
            http:
              - name: split
                match: [{headers: {x-split: {exact: "1"}}}]
                route:
                  - {destination: {host: reviews, subset: v1}, weight: 50}
                  - {destination: {host: reviews, subset: v2}, weight: 50}
              - name: explicit
                match: [{headers: {x-explicit: {exact: "1"}}}]
                retries: {attempts: 2, retryIgnorePreviousHosts: true}
                route: [{destination: {host: reviews, subset: v1}}]
              - name: retries-without-predicate-field
                match: [{headers: {x-retries: {exact: "1"}}}]
                retries: {attempts: 4}
                route: [{destination: {host: reviews, subset: v2}}]
              - name: hashed
                route: [{destination: {host: reviews, subset: v1}}]
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: details}
          spec:
            hosts: [details]
            http: [{name: plain, route: [{destination: {host: details}}]}]
      load:
        - {name: users, target: reviews, arrival: {poisson: 10/s}}
      """;

  private static ProxyConfig config;

  @BeforeAll
  static void generate(@TempDir Path dir) throws Exception {
    Scenario scenario = ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), SCENARIO)).scenario();
    ServiceRegistry registry = new ServiceRegistry();
    scenario.services().forEach(registry::addService);
    config = new ConfigGenerator(registry, scenario.istio(), IstioProfile.of(scenario.istioVersion()))
        .configFor(new ProxyIdentity("default", Map.of("app", "users")));
  }

  private static ClusterSettings cluster(String subset, String service) {
    return config.cluster("outbound|9080|" + subset + "|" + service + ".default.svc.cluster.local").settings();
  }

  private static Route route(String service, String name) {
    return config.routes().virtualHost(service + ".default.svc.cluster.local", 9080).routes().stream()
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void consistentHashSelectsTheHashingBalancerAndItsKey() {
    ClusterSettings reviews = cluster("", "reviews");
    assertEquals(LbPolicy.RING_HASH, reviews.lbPolicy());
    assertEquals(new HashPolicy(Source.HEADER, "x-user"), reviews.hashPolicy());
    assertEquals(2048, reviews.hashLbSize());
    assertEquals(reviews.hashPolicy(), cluster("v1", "reviews").hashPolicy(), "a subset inherits the rule's policy");

    ClusterSettings v2 = cluster("v2", "reviews");
    assertEquals(LbPolicy.MAGLEV, v2.lbPolicy());
    assertEquals(new HashPolicy(Source.SOURCE_IP, null), v2.hashPolicy());
    assertEquals(251, v2.hashLbSize());

    ClusterSettings ratings = cluster("", "ratings");
    assertEquals(LbPolicy.MAGLEV, ratings.lbPolicy());
    assertEquals(new HashPolicy(Source.QUERY_PARAMETER, "s"), ratings.hashPolicy());

    ClusterSettings details = cluster("", "details");
    assertEquals(LbPolicy.ROUND_ROBIN, details.lbPolicy());
    assertNull(details.hashPolicy());
  }

  @Test
  void aRouteToOneHashedDestinationDropsPreviousHosts() {
    assertFalse(route("reviews", "hashed").retryPolicy().previousHosts(), "DefaultConsistentHashPolicy");
    assertFalse(route("reviews", "retries-without-predicate-field").retryPolicy().previousHosts(),
        "retries without retryIgnorePreviousHosts keep the hash default");
    assertEquals(4, route("reviews", "retries-without-predicate-field").retryPolicy().numRetries());
  }

  @Test
  void previousHostsStaysWhereIstioKeepsIt() {
    assertTrue(route("reviews", "split").retryPolicy().previousHosts(), "weighted destinations");
    assertTrue(route("reviews", "explicit").retryPolicy().previousHosts(), "retryIgnorePreviousHosts: true");
    assertTrue(route("ratings", "default").retryPolicy().previousHosts(),
        "the route Istio builds without a VirtualService uses ConvertPolicy(policy, false)");
    assertTrue(route("details", "plain").retryPolicy().previousHosts(), "not hashed");
  }
}
