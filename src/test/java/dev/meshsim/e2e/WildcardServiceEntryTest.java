package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.ProxyLogEntry;
import dev.meshsim.result.ProxyLogListener;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioException;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServiceEntries with a wildcard host (issue 10; the Istio docs' "Egress using Wildcard Hosts"):
 * {@code *.wikipedia.org} with resolution NONE is one ORIGINAL_DST cluster whose hosts are the
 * destinations the apps dialled, one host (and its pools) per distinct destination; an exact host
 * wins over the wildcard; REGISTRY_ONLY still blocks what the wildcard does not cover; a
 * DestinationRule on the wildcard host applies to the cluster, its breakers shared by the hosts.
 * Before, the wildcard was dropped with a warning and every call got REGISTRY_ONLY's 502.
 */
class WildcardServiceEntryTest {
  private static final String BASE = "src/test/resources/scenarios/egress/wildcard.yaml";
  private static final String WILDCARD = "outbound|80||*.wikipedia.org";
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  private Path edited(String from, String to) throws Exception {
    String text = Files.readString(Path.of(BASE));
    assertTrue(text.contains(from), from);
    Path file = dir.resolve("wildcard-" + Math.abs((from + to).hashCode()) + ".yaml");
    Files.writeString(file, text.replace(from, to));
    return file;
  }

  /** The base scenario with a DestinationRule on the wildcard host setting {@code connectionPool}. */
  private Path withWikipediaPool(String connectionPool) throws Exception {
    return edited("  resources:\n", resource("""
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: wikipedia}
          spec:
            host: "*.wikipedia.org"
            trafficPolicy: {connectionPool: %s}
        """.formatted(connectionPool)));
  }

  private static String resource(String yaml) {
    return "  resources:\n" + yaml.stripIndent().lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
  }

  /** {@code what} of the entries, by the authority they were sent to. */
  private static <T> Map<String, Set<T>> byAuthority(List<ProxyLogEntry> log, Function<ProxyLogEntry, T> what) {
    Map<String, Set<T>> out = new TreeMap<>();
    log.forEach(e -> out.computeIfAbsent(e.authority(), k -> new TreeSet<>()).add(what.apply(e)));
    return out;
  }

  /** Runs {@code file}, keeping the outbound access-log entries of the web pod. */
  private static RunResult run(Path file, List<ProxyLogEntry> webOutbound) throws Exception {
    MeshSimulation simulation = new MeshSimulation(ScenarioLoader.load(file).scenario());
    simulation.observeAccessLog(new ProxyLogListener() {
      @Override
      public boolean wants(long requestId) {
        return true;
      }

      @Override
      public void logged(ProxyLogEntry entry) {
        if (!entry.inbound() && entry.pod().startsWith("web-")) {
          webOutbound.add(entry);
        }
      }
    });
    return simulation.run();
  }

  @Test
  void matchingHostsGoThroughOneOriginalDstClusterWithAHostAndPoolPerDestination() throws Exception {
    List<ProxyLogEntry> log = new ArrayList<>();
    RunResult r = run(Path.of(BASE), log);
    TrafficStats web = r.loads().get("to-web");
    assertTrue(web.requests() > 150, "requests: " + web.requests());
    assertEquals(Map.of(200, web.requests()), web.codes());
    ClusterStats wildcard = r.clusterStats().get(WILDCARD);
    assertEquals(2 * web.requests(), wildcard.counter(ClusterStats.Stat.UPSTREAM_RQ_TOTAL),
        "both calls of every request on the wildcard's cluster: " + r.clusterStats().keySet());
    Map<String, TreeSet<String>> hostsByAuthority = new TreeMap<>();
    Map<String, Set<String>> localAddressesByHost = new TreeMap<>();
    for (ProxyLogEntry e : log) {
      assertEquals(WILDCARD, e.upstreamCluster(), e.toString());
      hostsByAuthority.computeIfAbsent(e.authority(), k -> new TreeSet<>()).add(e.upstreamHost());
      localAddressesByHost.computeIfAbsent(e.upstreamHost(), k -> new TreeSet<>()).add(e.upstreamLocalAddress());
    }
    assertEquals(Set.of("en.wikipedia.org:80", "de.wikipedia.org:80"), hostsByAuthority.keySet());
    hostsByAuthority.values().forEach(hosts -> assertEquals(1, hosts.size(), "one host per destination: " + hosts));
    String en = hostsByAuthority.get("en.wikipedia.org:80").first();
    String de = hostsByAuthority.get("de.wikipedia.org:80").first();
    assertTrue(!en.equals(de) && en.endsWith(":80") && de.endsWith(":80"), en + " " + de);
    Set<String> shared = new TreeSet<>(localAddressesByHost.get(en));
    shared.retainAll(localAddressesByHost.get(de));
    assertEquals(Set.of(), shared, "no connection carries requests to both hosts: each has its own pool");
  }

  @Test
  void eachDestinationAnswersWithItsOwnServersLatency() throws Exception {
    Path file = edited("  - {name: to-google, target: www.google.com:80, arrival: {poisson: 10/s}}",
        "  - {name: to-en, target: en.wikipedia.org:80, arrival: {poisson: 10/s}}\n"
            + "  - {name: to-de, target: de.wikipedia.org:80, arrival: {poisson: 10/s}}");
    RunResult r = run(file, new ArrayList<>());
    long en = r.loads().get("to-en").latency().getValueAtPercentile(50);
    long de = r.loads().get("to-de").latency().getValueAtPercentile(50);
    assertTrue(en >= 30 * MS && en < 33 * MS, "en's 30 ms: " + en);
    assertTrue(de >= 50 * MS && de < 53 * MS, "de's 50 ms: " + de);
  }

  /** A wildcard {@code external} entry stands for every server under it that a call names, each its own. */
  @Test
  void aWildcardExternalEntryMakesAServerPerNameItCovers() throws Exception {
    Path file = edited("  - {host: en.wikipedia.org, ports: [80], latency: 30ms}\n  - {host: de.wikipedia.org, ports: [80], latency: 50ms}\n",
        "  - {host: \"*.wikipedia.org\", ports: [80], latency: 40ms}\n");
    List<ProxyLogEntry> log = new ArrayList<>();
    RunResult r = run(file, log);
    assertEquals(Map.of(200, r.loads().get("to-web").requests()), r.loads().get("to-web").codes());
    Map<String, Set<String>> hostsByAuthority = byAuthority(log, ProxyLogEntry::upstreamHost);
    assertEquals(2, hostsByAuthority.size(), hostsByAuthority.toString());
    assertTrue(!hostsByAuthority.get("en.wikipedia.org:80").equals(hostsByAuthority.get("de.wikipedia.org:80")),
        "each name its own server: " + hostsByAuthority);
    for (ProxyLogEntry e : log) {
      long took = e.endNanos() - e.startNanos();
      assertTrue(took >= 40 * MS && took < 43 * MS, "each call at the template's 40 ms: " + e);
    }
    Path unknown = edited("{target: de.wikipedia.org:80,", "{target: de.wikipedia.com:80,");
    String text = Files.readString(unknown).replace("  - {host: en.wikipedia.org, ports: [80], latency: 30ms}\n"
        + "  - {host: de.wikipedia.org, ports: [80], latency: 50ms}\n", "  - {host: \"*.wikipedia.org\", latency: 40ms}\n");
    Files.writeString(unknown, text);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(unknown));
    assertTrue(e.getMessage().contains("no service \"de.wikipedia.com\""), e.getMessage());
  }

  @Test
  void anExactServiceEntryHostWinsOverTheWildcard() throws Exception {
    Path file = edited("  resources:\n", resource("""
        - apiVersion: networking.istio.io/v1
          kind: ServiceEntry
          metadata: {name: en}
          spec:
            hosts: [en.wikipedia.org]
            ports: [{number: 80, name: http, protocol: HTTP}]
            resolution: DNS
        """));
    List<ProxyLogEntry> log = new ArrayList<>();
    run(file, log);
    Map<String, Set<String>> clustersByAuthority = byAuthority(log, ProxyLogEntry::upstreamCluster);
    assertEquals(Map.of("en.wikipedia.org:80", Set.of("outbound|80||en.wikipedia.org"),
        "de.wikipedia.org:80", Set.of(WILDCARD)), clustersByAuthority);
  }

  @Test
  void aVirtualServiceForTheWildcardHostRoutesEveryHostItCovers() throws Exception {
    Path file = edited("  resources:\n", resource("""
        - apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: wikipedia}
          spec:
            hosts: ["*.wikipedia.org"]
            http:
              - match: [{uri: {prefix: /wiki/Main_Page}}]
                fault: {abort: {httpStatus: 418, percentage: {value: 100}}}
                route: [{destination: {host: "*.wikipedia.org"}}]
              - route: [{destination: {host: "*.wikipedia.org"}}]
        """));
    LoadedScenario loaded = ScenarioLoader.load(file);
    assertEquals(List.of(), loaded.warnings(), "the wildcard names the entry's host: no 'not simulated' warning");
    List<ProxyLogEntry> log = new ArrayList<>();
    run(file, log);
    Map<String, Set<Integer>> codesByAuthority = byAuthority(log, ProxyLogEntry::code);
    assertEquals(Map.of("en.wikipedia.org:80", Set.of(418), "de.wikipedia.org:80", Set.of(200)), codesByAuthority,
        "en's path matches the fault; de's takes the second route, through the wildcard's cluster");
  }

  @Test
  void registryOnlyStillBlocksAHostTheWildcardDoesNotCover() throws Exception {
    TrafficStats google = Scenarios.run(Scenarios.load(BASE)).loads().get("to-google");
    assertTrue(google.requests() > 50, "requests: " + google.requests());
    assertEquals(Map.of(502, google.requests()), google.codes(), "block_all on the HTTP listener of port 80");
    assertEquals(Map.of("-", google.requests()), google.flags());
  }

  @Test
  void underAllowAnyTheWildcardStillTakesItsHostsAndPassthroughTheRest() throws Exception {
    RunResult r = run(edited("{mode: REGISTRY_ONLY}", "{mode: ALLOW_ANY}"), new ArrayList<>());
    assertEquals(2 * r.loads().get("to-web").requests(), r.clusterStats().get(WILDCARD).counter(ClusterStats.Stat.UPSTREAM_RQ_TOTAL));
    assertEquals(Map.of("PassthroughCluster|www.google.com:80", r.loads().get("to-google").requests()),
        r.loads().get("to-google").clusters());
  }

  /**
   * istiod's {@code convertResolution}: "Gateways cannot use passthrough clusters", so on the egress
   * gateway the wildcard's cluster is EDS without endpoints ({@code 503 UH} there, a plain 503 to the
   * sidecar); the task therefore routes the gateway to one host with DNS resolution.
   */
  @Test
  void theEgressGatewayCannotUseTheWildcardsClusterAndTheTasksDnsHostFixesIt() throws Exception {
    String base = "src/test/resources/scenarios/egress/wildcard-gateway.yaml";
    RunResult wildcard = Scenarios.run(Scenarios.load(base));
    TrafficStats sleep = wildcard.loads().get("sleep");
    assertEquals(Map.of(503, sleep.requests()), sleep.codes());
    assertEquals(Map.of("UH", sleep.requests()), wildcard.clusterStats().get(WILDCARD).responseFlags());
    String text = Files.readString(Path.of(base))
        .replace("route: [{destination: {host: \"*.wikipedia.org\", port: {number: 80}}}]",
            "route: [{destination: {host: www.wikipedia.org, port: {number: 80}}}]")
        .replace("  - apiVersion: networking.istio.io/v1\n    kind: Gateway\n",
            "  - apiVersion: networking.istio.io/v1\n    kind: ServiceEntry\n    metadata: {name: www-wikipedia}\n"
                + "    spec: {hosts: [www.wikipedia.org], ports: [{number: 80, name: http, protocol: HTTP}], resolution: DNS}\n"
                + "  - apiVersion: networking.istio.io/v1\n    kind: Gateway\n");
    Path file = dir.resolve("gateway-dns.yaml");
    Files.writeString(file, text);
    RunResult dns = Scenarios.run(ScenarioLoader.load(file).scenario());
    assertEquals(Map.of(200, dns.loads().get("sleep").requests()), dns.loads().get("sleep").codes());
    assertEquals(Map.of(200, dns.loads().get("sleep").requests()),
        dns.clusterStats().get("outbound|80||www.wikipedia.org").responseCodes());
  }

  @Test
  void theShippedTaskRoutesEveryWikipediaHostOverTlsAndBlackHolesTheRest() {
    RunResult r = Scenarios.run(Scenarios.load("scenarios/egress/wildcard-hosts.yaml"));
    TrafficStats curl = r.loads().get("curl");
    assertEquals(Map.of(200, curl.requests()), curl.codes());
    assertEquals(2 * curl.requests(), r.clusterStats().get("outbound|443||*.wikipedia.org").responseCodes().get(200));
    assertTrue(curl.latency().getValueAtPercentile(50) > 60 * MS, "each page waits for the slower host, de");
    TrafficStats google = r.loads().get("google");
    assertEquals(Map.of(0, google.requests()), google.codes());
    assertEquals(Map.of("UH", google.requests()), google.flags());
    assertEquals(Map.of("BlackHoleCluster", google.requests()), google.clusters());
  }

  /**
   * A DestinationRule on {@code *.wikipedia.org} limits the wildcard's cluster. With one worker,
   * {@code maxConnections: 1} and {@code http1MaxPendingRequests: 1}, one destination is an M/D/1/2
   * loss system: one request on the connection, one waiting, the next refused with {@code 503 UO}.
   * Its blocking probability is {@code 1 - 1/(e^-x + x)} for {@code x = lambda * D} (the M/G/1/K
   * embedded chain at departures, K = 2: each departure leaves one behind unless no arrival came
   * during the service, probability e^-x); lambda 50/s and D 20 ms give 26.9%.
   */
  @Test
  void aConnectionPoolLimitOnTheWildcardHostOverflowsAsAnMD12QueuePredicts() throws Exception {
    Path file = withWikipediaPool("{tcp: {maxConnections: 1}, http: {http1MaxPendingRequests: 1}}");
    String text = Files.readString(file)
        .replace("duration: 10s", "duration: 60s")
        .replace("{host: en.wikipedia.org, ports: [80], latency: 30ms}", "{host: en.wikipedia.org, ports: [80], latency: 20ms}")
        .replace("  - {name: to-web, target: web:80, arrival: {poisson: 20/s}}\n", "")
        .replace("{name: to-google, target: www.google.com:80, arrival: {poisson: 10/s}}",
            "{name: to-en, target: en.wikipedia.org:80, arrival: {poisson: 50/s}}");
    Files.writeString(file, text);
    TrafficStats en = Scenarios.run(ScenarioLoader.load(file).scenario()).loads().get("to-en");
    double x = 50 * 0.020;
    double predicted = 1 - 1 / (Math.exp(-x) + x);
    double measured = en.flags().getOrDefault("UO", 0L) / (double) en.requests();
    double sigma = Math.sqrt(predicted * (1 - predicted) / en.requests());
    assertTrue(Math.abs(measured - predicted) < 3 * sigma + 0.005,
        "UO share " + measured + ", M/D/1/2 predicts " + predicted + " (n=" + en.requests() + ")");
    assertEquals(en.flags().getOrDefault("UO", 0L), en.codes().get(503), "every 503 is an overflow");
  }

  /**
   * The breaker is the cluster's, the pools the hosts': with {@code maxConnections: 1} each of the
   * two destinations still opens its one connection, since Envoy lets a pool with no connection at
   * all open one whatever the limit; a single host would have one connection in all.
   */
  @Test
  void maxConnectionsIsPerClusterButEachDestinationsPoolMayOpenItsFirstConnection() throws Exception {
    Path file = withWikipediaPool("{tcp: {maxConnections: 1}}");
    ClusterStats wildcard = Scenarios.run(ScenarioLoader.load(file).scenario()).clusterStats().get(WILDCARD);
    assertEquals(2, wildcard.counter(ClusterStats.Stat.UPSTREAM_CX_TOTAL), "one connection per destination");
    assertTrue(wildcard.counter(ClusterStats.Stat.UPSTREAM_CX_OVERFLOW) > 0, "a second connection to a host is refused");
    assertEquals(0, wildcard.responseCodes().getOrDefault(503, 0L), "no pending limit: requests wait, none overflows");
  }

  /** istiod's validateExportTo lets a ServiceEntry be exported to no namespace ("~"): then nobody routes it. */
  @Test
  void anEntryExportedToNoNamespaceIsSeenByNoProxy() throws Exception {
    Path file = edited("        ports: [{number: 80, name: http, protocol: HTTP}]\n",
        "        ports: [{number: 80, name: http, protocol: HTTP}]\n        exportTo: [\"~\"]\n");
    TrafficStats web = Scenarios.run(ScenarioLoader.load(file).scenario()).loads().get("to-web");
    assertEquals(Map.of(500, web.requests()), web.codes(), "REGISTRY_ONLY's 502 to web's calls; web answers 500");
  }

  @Test
  void aWildcardHostWithDnsResolutionAndNoEndpointsIsAPositionedError() throws Exception {
    Path file = edited("        ports: [{number: 80, name: http, protocol: HTTP}]\n",
        "        ports: [{number: 80, name: http, protocol: HTTP}]\n        resolution: DNS\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertTrue(e.getMessage().matches("(?s).*wildcard-\\d+\\.yaml:\\d+:\\d+: istio\\.resources\\[0\\]\\.spec\\.hosts\\[0\\]:"
        + " hosts must be FQDN if no endpoints are provided for resolution mode DNS.*"), e.getMessage());
  }

  @Test
  void endpointsWithResolutionNoneAreAnErrorAndAPartialWildcardAWarning() throws Exception {
    Path none = edited("        ports: [{number: 80, name: http, protocol: HTTP}]\n",
        "        ports: [{number: 80, name: http, protocol: HTTP}]\n        endpoints: [{address: 203.0.113.7}]\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(none));
    assertTrue(e.getMessage().contains("spec.endpoints: no endpoints should be provided for resolution type NONE"),
        e.getMessage());
    LoadedScenario partial = ScenarioLoader.load(edited("hosts: [\"*.wikipedia.org\"]", "hosts: [\"wiki*.wikipedia.org\"]"));
    assertTrue(partial.warnings().stream().anyMatch(w -> w.contains("spec.hosts[0]: partial wildcard")),
        partial.warnings().toString());
  }
}
