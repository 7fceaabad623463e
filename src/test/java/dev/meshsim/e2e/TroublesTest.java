package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * scenarios/troubles/: each of seed 001's troubles that meshsim shows, with the config as the seed
 * describes it (the symptom) and with the fix. Troubles 2 and 4 live in scenarios/ (symptom and fix
 * in one file) and are checked by {@link TimelineScenarioFilesTest}; trouble 8 by {@link
 * AppSideCallsTest}. docs/troubles.md has the table.
 */
class TroublesTest {
  private static final String DIR = "scenarios/troubles/";
  private static final String REVIEWS = "reviews.default.svc.cluster.local";

  private static String cluster(String subset, String fqdn) {
    return "outbound|9080|" + subset + "|" + fqdn;
  }

  private static Map<String, Long> only(String key, long count) {
    return Map.of(key, count);
  }

  @Test
  void everyTroubleScenarioSaysTheTroubleWhatToLookAtAndTheFix() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(DIR))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 4, files.toString());
    for (Path f : files) {
      String text = Files.readString(f);
      assertTrue(text.startsWith("# Trouble "), f + " opens with the trouble");
      assertTrue(text.contains("# What to look at:") && text.contains("# The fix"), f + " says what to look at and the fix");
      assertTrue(Scenarios.run(Scenarios.load(f.toString()).withDuration(1_000_000_000L)).total().requests() > 0, f.toString());
    }
  }

  private static final String PORT_NAMING = DIR + "01-port-naming.yaml";

  /**
   * The seed's config (Istio 1.5, sniffing off as the seed advises, port named web): the port is
   * TCP, so the VirtualService's 90/10 never applies; fortio's 4 connections each hold one upstream
   * connection for the whole run, to the service's cluster over all pods (per-connection balance).
   */
  @Test
  void trouble1APortNamedWithoutItsProtocolIsTcpAndTheHttpSplitDoesNotApply() {
    RunResult r = Scenarios.run(Scenarios.load(PORT_NAMING));
    TrafficStats users = r.loads().get("users");
    assertTrue(users.requests() > 500, "requests: " + users.requests());
    assertEquals(Map.of(cluster("", REVIEWS), users.requests()), users.clusters(), "no subset cluster at all");
    assertEquals(Map.of(200, users.requests()), users.codes());
    var stats = r.clusterStats().get(cluster("", REVIEWS));
    assertEquals(4, stats.counter("upstream_cx_total"), "one upstream connection per fortio connection");
    assertEquals(4, stats.counter("upstream_rq_total"), "tcp_proxy holds one pool stream per connection");

    // The same port named tcp-web is TCP on every release, sniffing or not.
    RunResult tcpNamed = Scenarios.run(SiblingVariants.load(PORT_NAMING, "{name: web, port: 9080}",
        "{name: tcp-web, port: 9080}", "  version: \"1.5\"\n", "  version: \"1.30\"\n",
        "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND: \"false\"", "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND: \"true\""));
    assertEquals(Set.of(cluster("", REVIEWS)), tcpNamed.loads().get("users").clusters().keySet());
  }

  /**
   * The seed's way to find it: the filter type in the port's LDS. The listener for 9080 is a
   * tcp_proxy to the service's cluster, not an HTTP connection manager with route table 9080.
   */
  @Test
  void trouble1TheListenerOfThePortIsATcpProxy(@org.junit.jupiter.api.io.TempDir Path tmp) {
    Path snaps = tmp.resolve("snaps");
    assertEquals(0, CliRun.meshsim("run", PORT_NAMING, "--duration", "2s", "--inspect-at", "1s", "--inspect-dir",
        snaps.toString()).exit());
    var at = dev.meshsim.inspect.Inspection.open(snaps, "1s");
    String listeners = at.answer(List.of("proxy-config", "listeners", "users"),
        new dev.meshsim.inspect.Inspection.Filters(null, null, null));
    String json = at.answer(List.of("proxy-config", "listeners", "users"),
        new dev.meshsim.inspect.Inspection.Filters(null, null, "json"));
    assertTrue(json.contains("\"envoy.filters.network.tcp_proxy\"") && json.contains("\"cluster\": \"outbound|9080||"
        + REVIEWS + "\""), json);
    assertTrue(!json.contains("\"0.0.0.0_9080\""), "no HTTP listener for 9080");
    assertTrue(listeners.lines().anyMatch(l -> l.matches(REVIEWS.replace(".", "\\.")
        + " +9080 +ALL +Cluster: outbound\\|9080\\|\\|" + REVIEWS.replace(".", "\\.") + " *")), listeners);
    assertTrue(listeners.lines().noneMatch(l -> l.contains("Route: 9080")), listeners);
  }

  /** The fix (http-web), and web with sniffing on: each request is split, 90/10 within 4 sigma. */
  @Test
  void trouble1NamingThePortHttpOrSniffingItAppliesTheSplitPerRequest() {
    RunResult fixed = Scenarios.run(Scenarios.load(DIR + "01-port-naming-fixed.yaml"));
    assertSplitNinetyTen(fixed.loads().get("users"));
    assertEquals(fixed.loads().get("users").requests(),
        fixed.clusterStats().get(cluster("v1", REVIEWS)).counter("upstream_rq_total")
            + fixed.clusterStats().get(cluster("v2", REVIEWS)).counter("upstream_rq_total"));
    RunResult sniffed = Scenarios.run(SiblingVariants.load(PORT_NAMING,
        "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND: \"false\"", "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND: \"true\""));
    assertSplitNinetyTen(sniffed.loads().get("users"));
    // appProtocol on a release whose docs describe it (1.10's; 1.5's name ports only).
    RunResult byAppProtocol = Scenarios.run(SiblingVariants.load(PORT_NAMING,
        "{name: web, port: 9080}", "{name: web, port: 9080, appProtocol: http}", "  version: \"1.5\"\n",
        "  version: \"1.10\"\n"));
    assertSplitNinetyTen(byAppProtocol.loads().get("users"));
  }

  /**
   * A server-first app on a port named without its protocol: on Istio 1.6 each new connection waits
   * protocolDetectionTimeout (100 ms) in the listener, then goes on as TCP; since 1.8 (no timeout)
   * it never goes on; named tcp-db it is proxied at once.
   */
  @Test
  void trouble1AServerFirstAppWaitsForTheDetectionTimeoutOrForEver() {
    String file = DIR + "01-port-naming-server-first.yaml";
    long ms = 1_000_000L;
    TrafficStats sniffed = Scenarios.run(Scenarios.load(file)).loads().get("orders");
    assertTrue(sniffed.requests() > 100, "requests: " + sniffed.requests());
    long p50 = sniffed.latency().getValueAtPercentile(50);
    assertTrue(p50 >= 100 * ms && p50 < 110 * ms, "p50 " + p50);

    RunResult noTimeout = Scenarios.run(SiblingVariants.load(file, "version: \"1.6\"", "version: \"1.8\""));
    assertEquals(0, noTimeout.loads().get("orders").requests(), "nothing ever answers");
    assertTrue(noTimeout.unfinished() > 100, "unfinished: " + noTimeout.unfinished());

    TrafficStats named = Scenarios.run(SiblingVariants.load(file, "{name: db, port: 3307",
        "{name: tcp-db, port: 3307")).loads().get("orders");
    assertTrue(named.latency().getValueAtPercentile(50) < 20 * ms, "no wait on a TCP-named port");
    assertEquals(Map.of(200, named.requests()), named.codes());
  }

  private static void assertSplitNinetyTen(TrafficStats t) {
    long n = t.requests();
    long v2 = t.clusters().getOrDefault(cluster("v2", REVIEWS), 0L);
    assertEquals(n, v2 + t.clusters().getOrDefault(cluster("v1", REVIEWS), 0L), t.clusters().toString());
    double sigma = Math.sqrt(n * 0.1 * 0.9);
    assertTrue(Math.abs(v2 - 0.1 * n) < 4 * sigma, "v2 " + v2 + " of " + n);
  }

  @Test
  void trouble3EachFlagTellsWhereTheRequestBroke() {
    RunResult r = Scenarios.run(Scenarios.load(DIR + "03-request-interruption.yaml"));
    assertFailsOnlyWith(r.loads().get("to-details"), 503, "UH");
    assertFailsOnlyWith(r.loads().get("to-reviews"), 503, "NC");
    assertFailsOnlyWith(r.loads().get("to-search"), 404, "NR");
    assertFailsOnlyWith(r.loads().get("to-ratings"), 503, "-");
    assertFailsOnlyWith(r.loads().get("to-legacy"), 503, "-");
    assertEquals(r.loads().get("to-ratings").requests(),
        r.clusterStats().get(cluster("", "ratings.default.svc.cluster.local")).counter("upstream_rq_503"),
        "ratings' own 503s came from upstream");
    assertEquals(0, r.clusterStats().get(cluster("v3", REVIEWS)).counter("upstream_rq_total"),
        "NC never leaves the client's sidecar");

    RunResult fixed = Scenarios.run(SiblingVariants.load(DIR + "03-request-interruption.yaml",
        "{name: details-v1, replicas: 0,", "{name: details-v1, replicas: 1,",
        "        - {name: v1, labels: {version: v1}}\n", "        - {name: v1, labels: {version: v1}}\n"
            + "        - {name: v3, labels: {version: v3}}\n"));
    assertFailsOnlyWith(fixed.loads().get("to-details"), 200, "-");
    assertFailsOnlyWith(fixed.loads().get("to-reviews"), 200, "-");
  }

  private static void assertFailsOnlyWith(TrafficStats t, int code, String flag) {
    assertTrue(t.requests() > 50, "requests: " + t.requests());
    assertEquals(only(String.valueOf(code), t.requests()).toString(), t.codes().toString());
    assertEquals(only(flag, t.requests()), t.flags());
  }

  @Test
  void trouble6AVirtualServiceBoundToAGatewayOnlyNoLongerAppliesToSidecars() {
    String file = DIR + "06-virtualservice-scope.yaml";
    TrafficStats pages = Scenarios.run(Scenarios.load(file)).loads().get("pages");
    assertEquals(only(cluster("", REVIEWS), pages.requests()), pages.clusters(), "the v2 rule is ignored");
    TrafficStats fixed = Scenarios.run(SiblingVariants.load(file,
        "gateways: [bookinfo-gateway]", "gateways: [bookinfo-gateway, mesh]")).loads().get("pages");
    assertEquals(only(cluster("v2", REVIEWS), fixed.requests()), fixed.clusters());
  }

  @Test
  void trouble7OnlyTheOldestVirtualServiceOfAHostAppliesOnSidecars() {
    String file = DIR + "07-host-fragments.yaml";
    RunResult r = Scenarios.run(Scenarios.load(file));
    TrafficStats api = r.loads().get("v3-api");
    assertEquals(only(cluster("v1", REVIEWS), api.requests()), api.clusters(), "team B's route never applies");
    TrafficStats testers = r.loads().get("testers");
    assertEquals(only(cluster("v2", REVIEWS), testers.requests()), testers.clusters());

    // The fix: team B's route moved into the one VirtualService, ahead of the catch-all.
    RunResult merged = Scenarios.run(SiblingVariants.load(file,
        "          route: [{destination: {host: reviews, subset: v2}}]\n        - route:",
        "          route: [{destination: {host: reviews, subset: v2}}]\n"
            + "        - match: [{uri: {prefix: /api/v3/}}]\n"
            + "          route: [{destination: {host: reviews, subset: v3}}]\n        - route:"));
    TrafficStats fixed = merged.loads().get("v3-api");
    assertEquals(only(cluster("v3", REVIEWS), fixed.requests()), fixed.clusters());
  }

  @Test
  void trouble7DelegationGivesTeamBsPrefixToItsOwnVirtualService() {
    RunResult r = Scenarios.run(Scenarios.load(DIR + "07-delegate.yaml"));
    TrafficStats api = r.loads().get("v3-api");
    assertEquals(only(cluster("v3", REVIEWS), api.requests()), api.clusters(), "the child's route, merged");
    TrafficStats other = r.loads().get("v3-other");
    assertEquals(only(cluster("v1", REVIEWS), other.requests()), other.clusters(),
        "no child route matches: the merged routes replace the delegating one, so the root's catch-all");
    TrafficStats testers = r.loads().get("testers");
    assertEquals(only(cluster("v2", REVIEWS), testers.requests()), testers.clusters());
  }

  @Test
  void trouble10AnAppBoundToOneAddressIsReachedOrNotAsTheIstioReleaseForwards() {
    String file = DIR + "10-listen-address.yaml";
    RunResult v15 = Scenarios.run(Scenarios.load(file));
    assertFailsOnlyWith(v15.loads().get("to-inventory"), 503, "URX"); // bound to the pod IP
    assertFailsOnlyWith(v15.loads().get("to-admin"), 200, "-");       // bound to 127.0.0.1
    assertFailsOnlyWith(v15.loads().get("to-catalog"), 200, "-");     // 0.0.0.0: the fix
    assertEquals(3 * v15.loads().get("to-inventory").requests(),
        v15.clusterStats().get("outbound|8080||inventory.default.svc.cluster.local").counter("upstream_rq_503"),
        "each request tried three times (Istio 1.5 retries 503)");

    RunResult v110 = Scenarios.run(SiblingVariants.load(file, "version: \"1.5\"", "version: \"1.10\""));
    assertFailsOnlyWith(v110.loads().get("to-inventory"), 200, "-");
    assertFailsOnlyWith(v110.loads().get("to-admin"), 503, "URX");
    assertFailsOnlyWith(v110.loads().get("to-catalog"), 200, "-");
    RunResult current = Scenarios.run(SiblingVariants.load(file, "  version: \"1.5\"\n", ""));
    assertFailsOnlyWith(current.loads().get("to-admin"), 503, "-"); // 1.24+: 503 is not retried
  }
  @Test
  void trouble9MtlsMismatchesEndAsEnvoyEndsThemAndTheFixAnswers() {
    RunResult r = Scenarios.run(Scenarios.load(DIR + "09-mtls.yaml"));
    assertFailsOnlyWith(r.loads().get("to-reviews"), 503, "UC");   // plaintext into STRICT
    assertFailsOnlyWith(r.loads().get("from-legacy"), 503, "-");   // no sidecar, reset by STRICT
    assertFailsOnlyWith(r.loads().get("to-legacy"), 503, "UF,URX"); // mTLS to a plain pod
    assertFailsOnlyWith(r.loads().get("to-details"), 200, "-");    // *.local ISTIO_MUTUAL
    var reviews = r.clusterStats().get(cluster("", REVIEWS));
    assertEquals(r.loads().get("to-reviews").requests(), reviews.counter("upstream_rq_total"), "one try each: never retried");
    assertEquals(0, reviews.counter("upstream_cx_connect_fail"), "the TCP connect succeeded");
    long tries = 3 * r.loads().get("to-legacy").requests();
    long failedHandshakes =
        r.clusterStats().get(cluster("", "legacy.default.svc.cluster.local")).counter("upstream_cx_connect_fail");
    // Each try's handshake fails; a failed connect fails every try waiting in its pool, so a few share one.
    assertTrue(failedHandshakes > tries * 9 / 10 && failedHandshakes <= tries, failedHandshakes + " of " + tries);

    RunResult fixed = Scenarios.run(Scenarios.load(DIR + "09-mtls-fix.yaml"));
    for (String load : List.of("to-reviews", "from-legacy", "to-legacy", "to-details")) {
      assertFailsOnlyWith(fixed.loads().get(load), 200, "-");
    }
    // With auto mTLS (Istio's default) the reviews rule without tls no longer turns mTLS off, but
    // the explicit *.local ISTIO_MUTUAL still fails against the plain pod, and DISABLE against STRICT
    // still ends in connection termination.
    String autoOn = "  meshConfig:\n    enableAutoMtls: false\n";
    RunResult auto = Scenarios.run(SiblingVariants.load(DIR + "09-mtls.yaml", autoOn, ""));
    assertFailsOnlyWith(auto.loads().get("to-reviews"), 200, "-");
    assertFailsOnlyWith(auto.loads().get("to-legacy"), 503, "UF,URX");
    RunResult disabled = Scenarios.run(SiblingVariants.load(DIR + "09-mtls.yaml", autoOn, "",
        "          - {name: v1, labels: {version: v1}}\n",
        "          - {name: v1, labels: {version: v1}}\n        trafficPolicy:\n          tls: {mode: DISABLE}\n"));
    assertFailsOnlyWith(disabled.loads().get("to-reviews"), 503, "UC");
  }
}
