package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCP and TLS egress (issue 10): an unknown host on a port without an HTTP listener meets the
 * virtual outbound listener's catch-all tcp_proxy, BlackHoleCluster under REGISTRY_ONLY (no host:
 * Envoy closes the connection with {@code UH}) and PassthroughCluster under ALLOW_ANY; a
 * ServiceEntry with a TLS or TCP port makes the host a cluster of its own, balanced per connection.
 */
class EgressTcpTest {
  private static final String BASE = "src/test/resources/scenarios/egress/egress-tcp.yaml";
  private static final long MS = 1_000_000L;
  private static final String ENTRIES = """
        - apiVersion: networking.istio.io/v1
          kind: ServiceEntry
          metadata: {name: api}
          spec:
            hosts: [api.example.com]
            ports:
              - {number: 443, name: tls, protocol: TLS}
              - {number: 5432, name: tcp-postgres, protocol: TCP}
            resolution: DNS
      """;

  @TempDir Path dir;

  private RunResult run(String mode, String resources) throws Exception {
    String text = Files.readString(Path.of(BASE)).replace("{mode: ALLOW_ANY}", "{mode: " + mode + "}")
        .replace("  resources: []\n", resources.isEmpty() ? "  resources: []\n" : "  resources:\n" + resources);
    Path file = dir.resolve("egress-tcp-" + mode + "-" + resources.length() + ".yaml");
    Files.writeString(file, text);
    return Scenarios.run(Scenarios.load(file.toString()));
  }

  @Test
  void registryOnlySendsAnUnknownTcpHostToTheBlackHoleClusterWhichClosesTheConnectionWithUh() throws Exception {
    TrafficStats tls = run("REGISTRY_ONLY", "").loads().get("to-tls");
    assertTrue(tls.requests() > 300, "requests: " + tls.requests());
    assertEquals(Map.of(0, tls.requests()), tls.codes(), "no HTTP answer: the connection is closed");
    assertEquals(Map.of("UH", tls.requests()), tls.flags());
    assertEquals(Map.of("BlackHoleCluster", tls.requests()), tls.clusters());
    assertTrue(tls.latency().getValueAtPercentile(99) < 5 * MS, "closed by the client's own sidecar");
  }

  @Test
  void allowAnyPassesTheConnectionThroughToTheExternalServer() throws Exception {
    RunResult r = run("ALLOW_ANY", "");
    TrafficStats tls = r.loads().get("to-tls");
    assertEquals(Map.of(200, tls.requests()), tls.codes());
    assertEquals(Map.of("PassthroughCluster|api.example.com:443", tls.requests()), tls.clusters());
    assertTrue(tls.latency().getValueAtPercentile(50) >= 30 * MS, "the external latency is paid");
    assertEquals(2, r.clusterStats().get("PassthroughCluster|api.example.com:5432").counter("upstream_cx_total"),
        "fortio's two connections are proxied as two upstream connections, each kept");
  }

  @Test
  void aServiceEntryWithTlsAndTcpPortsMakesTheHostRoutableUnderRegistryOnly() throws Exception {
    RunResult r = run("REGISTRY_ONLY", ENTRIES);
    TrafficStats tls = r.loads().get("to-tls");
    assertEquals(Map.of(200, tls.requests()), tls.codes());
    assertEquals(Map.of("outbound|443||api.example.com", tls.requests()), tls.clusters(), "matched by SNI");
    TrafficStats db = r.loads().get("to-db");
    assertEquals(Map.of(200, db.requests()), db.codes());
    assertEquals(Map.of("outbound|5432||api.example.com", db.requests()), db.clusters());
    assertEquals(2, r.clusterStats().get("outbound|5432||api.example.com").counter("upstream_cx_total"));
  }

  /**
   * tcp_proxy checks {@code max_connections} itself and strictly (no "first connection" leeway): the
   * first fortio connection holds the only one for the run, so every request of the second (paced
   * like the first) is closed with {@code UO}, and fortio's reconnects keep failing: half of all.
   */
  @Test
  void aDestinationRuleMaxConnectionsOverflowsTheSecondConnectionWithUo() throws Exception {
    String rule = ENTRIES + """
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: api}
          spec:
            host: api.example.com
            trafficPolicy: {connectionPool: {tcp: {maxConnections: 1}}}
      """;
    RunResult r = run("REGISTRY_ONLY", rule);
    TrafficStats db = r.loads().get("to-db");
    long uo = db.flags().getOrDefault("UO", 0L);
    assertEquals(db.requests(), uo + db.codes().getOrDefault(200, 0L), db.flags().toString());
    assertTrue(Math.abs(uo - db.requests() / 2.0) <= 2, "one connection of two overflows throughout: " + db.flags());
    assertEquals(1, r.clusterStats().get("outbound|5432||api.example.com").counter("upstream_cx_total"));
  }

  /**
   * A TLS port whose only filter chain matches another SNI has no chain for this one: Envoy closes
   * the connection with NR (istiod adds the default chain only when no tls block selects the port).
   */
  @Test
  void aTlsPortWhoseChainsNameOtherSnisClosesTheConnectionWithNr() throws Exception {
    String routed = ENTRIES.replace("hosts: [api.example.com]", "hosts: [api.example.com, www.example.com]") + """
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: api}
          spec:
            hosts: [api.example.com, www.example.com]
            tls:
              - match: [{sniHosts: [www.example.com], port: 443}]
                route: [{destination: {host: www.example.com, port: {number: 443}}}]
      """;
    TrafficStats tls = run("REGISTRY_ONLY", routed).loads().get("to-tls");
    assertEquals(Map.of(0, tls.requests()), tls.codes());
    assertEquals(Map.of("NR", tls.requests()), tls.flags());
    TrafficStats otherPort = run("REGISTRY_ONLY", routed.replace("port: 443}]", "port: 8443}]")).loads().get("to-tls");
    assertEquals(Map.of("outbound|443||api.example.com", otherPort.requests()), otherPort.clusters(),
        "no tls block selects port 443: the default chain");
  }

  /**
   * A tcp_proxy connection in the access log as Envoy writes it with Istio's TEXT format: no request
   * line, code 0, the flags, the upstream host and cluster, no route name.
   */
  @Test
  void theAccessLogHasTcpLines() throws Exception {
    Path log = dir.resolve("tcp.log");
    Path file = dir.resolve("registry-only.yaml");
    Files.writeString(file, Files.readString(Path.of(BASE)).replace("{mode: ALLOW_ANY}", "{mode: REGISTRY_ONLY}"));
    assertEquals(0, CliRun.meshsim("run", file.toString(), "--duration", "2s", "--access-log", log.toString()).exit());
    java.util.List<String> lines = Files.readAllLines(log);
    assertTrue(lines.size() > 50, "lines: " + lines.size());
    for (String line : lines) {
      assertTrue(line.matches("\\[[^]]+] \"- - -\" 0 UH - - \"-\" 0 0 \\d+ - \"-\" \"-\" \"-\" \"-\" \"-\""
          + " BlackHoleCluster - - - - -"), line);
    }
  }

  /** A tls route matching the SNI sends the host's connections where its destination says. */
  @Test
  void aTlsRouteMatchedBySniHostRoutesTheConnection() throws Exception {
    String routed = ENTRIES.replace("hosts: [api.example.com]", "hosts: [api.example.com, mirror.example.com]") + """
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: api}
          spec:
            hosts: [api.example.com]
            tls:
              - match: [{sniHosts: [api.example.com], port: 443}]
                route: [{destination: {host: mirror.example.com, port: {number: 443}}}]
      """;
    TrafficStats tls = run("REGISTRY_ONLY", routed).loads().get("to-tls");
    assertEquals(Map.of("outbound|443||mirror.example.com", tls.requests()), tls.clusters());
    assertEquals(Map.of(0, tls.requests()), tls.codes(), "mirror.example.com has no external server: UH");
    assertEquals(Map.of("UH", tls.requests()), tls.flags());
  }
}
