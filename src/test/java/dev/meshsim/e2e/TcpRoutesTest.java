package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VirtualService {@code tcp} routes on a TCP port, as istiod turns them into tcp_proxy filter
 * chains: the first route whose match blocks select the proxy and port wins; its weights are drawn
 * once per connection; http routes of the same VirtualService do not reach the port. And the
 * input istiod rejects, as positioned errors.
 */
class TcpRoutesTest {
  private static final String DB = "db.default.svc.cluster.local";

  @TempDir Path dir;

  private static String scenario(String arrival, String tcpRoutes) {
    return """
        name: tcp-routes
        seed: 3
        duration: 20s
        services:
          - name: db
            ports: [{name: tcp-db, port: 5432}]
            deployments:
              - {name: db-v1, labels: {app: db, version: v1}, replicas: 2, workers: 8, serviceTime: 1ms}
              - {name: db-v2, labels: {app: db, version: v2}, replicas: 2, workers: 8, serviceTime: 1ms}
        load:
          - {name: clients, target: "db:5432", arrival: %s}
        istio:
          - apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: db}
            spec:
              host: db
              subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
          - apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: db}
            spec:
              hosts: [db]
              http: [{route: [{destination: {host: db, subset: v1}}]}]
              tcp:
        %s
        """.formatted(arrival, tcpRoutes);
  }

  private static final String SPLIT_80_20 = """
              - match: [{port: 9999}]
                route: [{destination: {host: db, subset: v1}}]
              - match: [{port: 5432, sourceLabels: {app: nobody}}]
                route: [{destination: {host: db, subset: v1}}]
              - match: [{port: 5432}]
                route:
                  - {destination: {host: db, subset: v1}, weight: 80}
                  - {destination: {host: db, subset: v2}, weight: 20}
      """;

  private RunResult run(String text) throws Exception {
    Path file = Files.createTempFile(dir, "tcp-", ".yaml");
    Files.writeString(file, text);
    return Scenarios.run(ScenarioLoader.load(file).scenario());
  }

  private static String cluster(String subset) {
    return "outbound|5432|" + subset + "|" + DB;
  }

  /** One connection per request: the 80/20 of the first matching route holds per request too. */
  @Test
  void theFirstMatchingTcpRouteSplitsConnectionsByWeight() throws Exception {
    TrafficStats t = run(scenario("{poisson: 100/s}", SPLIT_80_20)).loads().get("clients");
    long n = t.requests();
    long v2 = t.clusters().getOrDefault(cluster("v2"), 0L);
    assertEquals(n, v2 + t.clusters().getOrDefault(cluster("v1"), 0L), "the http route never applies: "
        + t.clusters());
    assertTrue(Math.abs(v2 - 0.2 * n) < 4 * Math.sqrt(n * 0.2 * 0.8), "v2 " + v2 + " of " + n);
  }

  /** Kept-open connections: the draw is per connection, so 3 connections put whole thirds somewhere. */
  @Test
  void keptOpenConnectionsStayOnTheirClusterAndHost() throws Exception {
    RunResult r = run(scenario("{connections: 3, qps: 60}", SPLIT_80_20));
    TrafficStats t = r.loads().get("clients");
    long opened = r.clusterStats().values().stream().mapToLong(s -> s.counter("upstream_cx_total")).sum();
    assertEquals(3, opened, "three downstream connections, three upstream ones, for " + t.requests() + " requests");
    for (long perCluster : t.clusters().values()) {
      assertEquals(0, perCluster % (t.requests() / 3), "whole connections per cluster: " + t.clusters());
    }
  }

  /**
   * An app that refuses connections on a TCP port: its sidecar's inbound tcp_proxy cannot reach it
   * and closes the connection, which the client's tcp_proxy passes on as a plain close (code 0, no
   * flag), where an HTTP inbound would have answered 503; an app's reset crosses as a reset (UR).
   */
  @Test
  void anUnreachableAppClosesTheConnectionAndAResetIsPassedOn() throws Exception {
    String toV1 = "      - route: [{destination: {host: db, subset: v1}}]\n";
    TrafficStats refused = run(scenario("{poisson: 50/s}", toV1).replace(
        "replicas: 2, workers: 8, serviceTime: 1ms}", "replicas: 2, workers: 8, serviceTime: 1ms, refuseConnections: true}"))
        .loads().get("clients");
    assertEquals(Map.of(0, refused.requests()), refused.codes());
    assertEquals(Map.of("-", refused.requests()), refused.flags());
    TrafficStats reset = run(scenario("{poisson: 50/s}", toV1).replace(
        "replicas: 2, workers: 8, serviceTime: 1ms}", "replicas: 2, workers: 8, serviceTime: 1ms, resetRate: 1}"))
        .loads().get("clients");
    assertEquals(Map.of("UR", reset.requests()), reset.flags());
  }

  private String error(String text) throws Exception {
    Path file = Files.createTempFile(dir, "bad-", ".yaml");
    Files.writeString(file, text);
    return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)).getMessage();
  }

  @Test
  void routeErrorsAreWhereIstiodWouldRejectThem() throws Exception {
    assertTrue(error(scenario("{poisson: 1/s}", "      - match: [{port: 5432}]\n"))
        .matches("(?s).*bad-\\d+\\.yaml:\\d+:\\d+: istio\\[1\\]\\.spec\\.tcp\\[0\\]: TCP route is required.*"));
    assertTrue(error(scenario("{poisson: 1/s}", "      - route: [{destination: {host: db}, weight: -1}]\n"))
        .matches("(?s).*\\.yaml:\\d+:\\d+: istio\\[1\\]\\.spec\\.tcp\\[0\\]\\.route\\[0\\]\\.weight: .*"));
    assertTrue(error(scenario("{poisson: 1/s}", "      - match: [{destinationSubnets: [10.0.0.0/40]}]\n"
        + "        route: [{destination: {host: db}}]\n"))
        .matches("(?s).*:\\d+:\\d+: istio\\[1\\]\\.spec\\.tcp\\[0\\]\\.match\\[0\\]\\.destinationSubnets\\[0\\]: .*CIDR.*"));
    String tls = scenario("{poisson: 1/s}", "      - route: [{destination: {host: db}}]\n").replace("      tcp:\n",
        "      tls:\n");
    assertTrue(error(tls).matches("(?s).*:\\d+:\\d+: istio\\[1\\]\\.spec\\.tls\\[0\\]: a TLS route must have at least"
        + " one match.*"));
    String foreignSni = scenario("{poisson: 1/s}", "      - match: [{sniHosts: [api.example.com]}]\n"
        + "        route: [{destination: {host: db}}]\n").replace("      tcp:\n", "      tls:\n");
    assertTrue(error(foreignSni).matches("(?s).*:\\d+:\\d+: istio\\[1\\]\\.spec\\.tls\\[0\\]\\.match\\[0\\]\\.sniHosts\\[0\\]:"
        + " SNI host \"api\\.example\\.com\" is not a compatible subset.*"), error(foreignSni));
  }

  @Test
  void protocolSettingsErrorsArePositioned() throws Exception {
    String base = scenario("{poisson: 1/s}", "      - route: [{destination: {host: db}}]\n");
    String mapped = base.replace("istio:\n", "istio:\n  meshConfig: {protocolDetectionTimeout: 500us}\n  resources:\n");
    assertTrue(error(mapped).matches("(?s).*:\\d+:\\d+: istio\\.meshConfig\\.protocolDetectionTimeout: .*at least 1ms.*"),
        error(mapped));
    String env = base.replace("istio:\n",
        "istio:\n  pilot: {env: {PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND: maybe}}\n  resources:\n");
    assertTrue(error(env).matches("(?s).*:\\d+:\\d+: istio\\.pilot\\.env\\.PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND: .*true"
        + " or false.*"), error(env));
    String entry = base.replace("  - apiVersion: networking.istio.io/v1\n    kind: DestinationRule",
        "  - apiVersion: networking.istio.io/v1\n    kind: ServiceEntry\n    metadata: {name: x}\n"
        + "    spec: {hosts: [x.example.com], ports: [{number: 1, name: x, protocol: QUIC}]}\n"
        + "  - apiVersion: networking.istio.io/v1\n    kind: DestinationRule");
    assertTrue(error(entry).matches("(?s).*:\\d+:\\d+: istio\\[0\\]\\.spec\\.ports\\[0\\]\\.protocol: unrecognized protocol"
        + " \"QUIC\".*"), error(entry));
    String empty = base.replace("      http: [{route: [{destination: {host: db, subset: v1}}]}]\n      tcp:\n"
        + "      - route: [{destination: {host: db}}]\n", "");
    assertTrue(!empty.equals(base));
    assertTrue(error(empty).matches("(?s).*:\\d+:\\d+: istio\\[1\\]\\.spec: http, tcp or tls must be provided.*"),
        error(empty));
  }
}
