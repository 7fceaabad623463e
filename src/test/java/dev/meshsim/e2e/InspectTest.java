package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.e2e.CliRun.Outcome;
import dev.meshsim.inspect.Inspection;
import dev.meshsim.inspect.ProxyStatusView;
import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import dev.meshsim.inspect.snapshot.Snapshot.RouteState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: during the out-of-order apply, between the two pushes, a client routes half
 * of reviews to {@code outbound|9080|v2|reviews…} while it has no such cluster (the 503 NC), and
 * after convergence every proxy is SYNCED and consistent; with independent streams and RDS faster
 * than CDS, proxy-status shows RDS ahead of CDS. Snapshots change no other output.
 */
class InspectTest {
  private static final String SCENARIO = "scenarios/out-of-order-apply.yaml";
  private static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";
  /** The VirtualService's push is dispatched at 10.4s, the DestinationRule's at 10.7s. */
  private static final String BETWEEN = "10.5s";
  private static final String AFTER = "12s";

  @TempDir static Path tmp;
  private static Path snapshots;
  private static byte[] jsonWith;
  private static byte[] jsonWithout;



  @BeforeAll
  static void runWithAndWithoutSnapshots() throws IOException {
    snapshots = tmp.resolve("snap");
    Path with = tmp.resolve("with.json");
    Path without = tmp.resolve("without.json");
    assertEquals(0, meshsim("run", SCENARIO, "--json", with.toString(), "--inspect-at", BETWEEN + "," + AFTER,
        "--inspect-dir", snapshots.toString()).exit());
    assertEquals(0, meshsim("run", SCENARIO, "--json", without.toString()).exit());
    jsonWith = Files.readAllBytes(with);
    jsonWithout = Files.readAllBytes(without);
  }

  @Test
  void snapshotsDoNotChangeTheRunsOutput() {
    assertArrayEquals(jsonWithout, jsonWith);
  }

  @Test
  void snapshotsAreDeterministic() throws IOException {
    Path again = tmp.resolve("again");
    assertEquals(0, meshsim("run", SCENARIO, "--inspect-at", BETWEEN + "," + AFTER, "--inspect-dir",
        again.toString()).exit());
    for (String f : List.of("meshsim-inspect.json", "snapshot-1.json", "snapshot-2.json")) {
      assertArrayEquals(Files.readAllBytes(snapshots.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
  }

  @Test
  void betweenThePushesTheClientRoutesToAClusterItDoesNotHave() {
    Inspection at = Inspection.open(snapshots, BETWEEN);
    Proxy client = at.proxy("to-reviews");
    List<RouteState> reviews = client.routes().stream()
        .filter(vh -> vh.name().equals("reviews.default.svc.cluster.local:9080"))
        .flatMap(vh -> vh.routes().stream()).toList();
    assertEquals(1, reviews.size());
    assertTrue(reviews.get(0).clusters().stream().anyMatch(c -> c.name().equals(V2) && c.weight() == 50),
        reviews.toString());
    assertTrue(client.clusters().stream().noneMatch(c -> c.name().equals(V2)));

    String routes = at.answer(List.of("proxy-config", "routes", "to-reviews"), noFilters());
    assertTrue(routes.contains("reviews.default.svc.cluster.local:9080"), routes);
    String clusters = at.answer(List.of("proxy-config", "clusters", "to-reviews"), noFilters());
    assertTrue(clusters.lines().anyMatch(l -> l.startsWith("reviews.default.svc.cluster.local") && l.contains(" v1 ")));
    assertFalse(clusters.lines().anyMatch(l -> l.contains(" v2 ")), clusters);
    // Over ADS the VirtualService's push arrived whole: every type is in sync, and yet broken.
    for (Proxy p : at.snapshot().proxies()) {
      for (String type : List.of("CDS", "LDS", "EDS", "RDS")) {
        assertEquals("SYNCED", ProxyStatusView.status(p.sync(type)), p.name() + " " + type);
      }
    }
  }

  @Test
  void afterConvergenceEveryProxyIsSyncedAndEveryRoutedClusterExists() {
    Inspection at = Inspection.open(snapshots, AFTER);
    String status = at.answer(List.of("proxy-status"), noFilters());
    assertEquals(11, status.lines().count(), status); // header + 10 proxies
    status.lines().skip(1).forEach(l -> assertFalse(l.contains("STALE") || l.contains("NOT SENT"), l));
    for (Proxy p : at.snapshot().proxies()) {
      Set<String> held = new HashSet<>();
      p.clusters().forEach(c -> held.add(c.name()));
      p.routes().forEach(vh -> vh.routes().forEach(r -> r.clusters().forEach(
          c -> assertTrue(held.contains(c.name()), p.name() + " routes to " + c.name() + " it lacks"))));
      assertTrue(p.warming().isEmpty());
    }
    String endpoints = at.answer(List.of("proxy-config", "endpoints", "to-reviews"),
        new Inspection.Filters(null, V2, null));
    assertEquals(3, endpoints.lines().count(), endpoints); // the two reviews-v2 pods
    assertTrue(endpoints.lines().skip(1).allMatch(l -> l.contains("HEALTHY") && l.contains(" OK ")));
  }

  @Test
  void withIndependentStreamsRdsRunsAheadOfCds() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("independent"));
    Path changes = Files.createDirectories(dir.resolve("changes"));
    try (Stream<Path> files = Files.list(Path.of("scenarios/changes"))) {
      for (Path f : files.toList()) {
        Files.copy(f, changes.resolve(f.getFileName()));
      }
    }
    String text = Files.readString(Path.of(SCENARIO)).replace("controlPlane:\n",
        "controlPlane:\n  delivery: {mode: independent, cds: 300ms, eds: 5ms, lds: 5ms, rds: 5ms}\n");
    Path scenario = dir.resolve("out-of-order-independent.yaml");
    Files.writeString(scenario, text);
    Path snap = dir.resolve("snap");
    assertEquals(0, meshsim("run", scenario.toString(), "--inspect-at", BETWEEN, "--inspect-dir", snap.toString())
        .exit());
    Snapshot s = Inspection.open(snap, null).snapshot();
    Proxy client = s.proxies().stream().filter(p -> p.pod().equals("to-reviews")).findFirst().orElseThrow();
    assertTrue(client.sync("RDS").applied() > client.sync("CDS").applied(), client.xds().toString());
    assertEquals("SYNCED", ProxyStatusView.status(client.sync("RDS")));
    assertTrue(ProxyStatusView.status(client.sync("CDS")).startsWith("STALE"));
    String line = meshsim("inspect", snap.toString(), "proxy-status").out().lines()
        .filter(l -> l.startsWith("to-reviews.default")).findFirst().orElseThrow();
    assertTrue(line.contains("STALE (applied 0, sent 1)") && line.contains("SYNCED"), line);
  }

  @Test
  void badInputIsExitTwoWithAMessage() throws IOException {
    Outcome late = meshsim("run", SCENARIO, "--inspect-at", "61s", "--inspect-dir", tmp.resolve("x").toString());
    assertEquals(2, late.exit());
    assertTrue(late.err().contains("61s is outside the run"), late.err());

    Outcome typo = meshsim("inspect", snapshots.toString(), "--at", AFTER, "admin", "to-reveiws", "/stats");
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("did you mean 'to-reviews'?"), typo.err());

    Outcome several = meshsim("inspect", snapshots.toString(), "proxy-status");
    assertEquals(2, several.exit());
    assertTrue(several.err().contains("choose one with --at"), several.err());

    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Outcome refuse = meshsim("run", SCENARIO, "--inspect-at", "1s", "--inspect-dir", foreign.toString());
    assertEquals(2, refuse.exit());
    assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));

    Path old = Files.createDirectories(tmp.resolve("old"));
    for (String f : List.of("meshsim-inspect.json", "snapshot-1.json", "snapshot-2.json")) {
      Files.copy(snapshots.resolve(f), old.resolve(f));
    }
    Path index = old.resolve("meshsim-inspect.json");
    Files.writeString(index, Files.readString(index).replace("\"0.1.0\"", "\"0.0.9\""));
    Outcome version = meshsim("inspect", old.toString(), "--at", AFTER, "proxy-status");
    assertEquals(2, version.exit());
    assertTrue(version.err().contains("meshsim 0.0.9"), version.err());
  }

  @Test
  void clustersFilterByFqdnAndAdminShowsThresholds() {
    Inspection at = Inspection.open(snapshots, AFTER);
    String clusters = at.answer(List.of("proxy-config", "clusters", "to-reviews"),
        new Inspection.Filters("ratings.default.svc.cluster.local", null, null));
    assertTrue(clusters.lines().skip(1).allMatch(l -> l.startsWith("ratings.default.svc.cluster.local ")), clusters);
    String admin = at.answer(List.of("admin", "to-reviews", "/clusters"), noFilters());
    assertTrue(admin.contains(V2 + "::default_priority::max_connections::4294967295"), admin);
    assertTrue(admin.contains("::health_flags::healthy"));
  }

  /**
   * Envoy counts per proxy: to-reviews never calls ratings, so its own ratings counters are absent
   * though to-ratings' are not; and a proxy's per-host {@code rq_total} in {@code /clusters} add
   * up to its cluster's {@code upstream_rq_total} in {@code /stats} (both charged when a request
   * is attached to a connection), successes to its {@code upstream_rq_200}.
   */
  @Test
  void countersArePerProxy_andPerHostCountersAddUpToTheClusters() {
    Inspection at = Inspection.open(snapshots, AFTER);
    String ratings = "cluster.outbound|9080|v1|ratings.default.svc.cluster.local.upstream_rq_total";
    assertFalse(at.proxy("to-reviews").stats().containsKey(ratings), "to-reviews never sent to ratings");
    assertTrue(at.proxy("to-ratings").stats().getOrDefault(ratings, 0L) > 1000, "to-ratings did");
    String reviews = "outbound|9080|v1|reviews.default.svc.cluster.local";
    Proxy client = at.proxy("to-reviews");
    Snapshot.ClusterState cluster = client.clusters().stream().filter(c -> c.name().equals(reviews)).findFirst()
        .orElseThrow();
    long hostsTotal = cluster.hosts().stream().mapToLong(Snapshot.HostState::rqTotal).sum();
    long hostsSuccess = cluster.hosts().stream().mapToLong(Snapshot.HostState::rqSuccess).sum();
    assertTrue(hostsTotal > 1000, "to-reviews' requests to reviews: " + hostsTotal);
    assertEquals(client.stats().get("cluster." + reviews + ".upstream_rq_total"), hostsTotal);
    assertEquals(client.stats().get("cluster." + reviews + ".upstream_rq_200"), hostsSuccess);
    String admin = at.answer(List.of("admin", "to-reviews", "/clusters"), noFilters());
    Snapshot.HostState first = cluster.hosts().get(0);
    assertTrue(admin.contains(reviews + "::" + first.address() + "::rq_total::" + first.rqTotal() + "\n"), admin);
    assertTrue(admin.contains(reviews + "::" + first.address() + "::rq_success::" + first.rqSuccess() + "\n"));
    for (Snapshot.HostState h : cluster.hosts()) {
      assertEquals(h.rqTotal(), h.rqSuccess() + h.rqError() + h.rqActive(), "sent = answered + in flight: " + h);
    }
  }

  private static Inspection.Filters noFilters() {
    return new Inspection.Filters(null, null, null);
  }
}
