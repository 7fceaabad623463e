package dev.meshsim.e2e;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.inspect.Inspection;
import dev.meshsim.inspect.snapshot.Snapshot.ClusterState;
import dev.meshsim.inspect.snapshot.Snapshot.HostState;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Envoy's per-host connection counters in {@code admin POD /clusters}: in the mTLS trouble, the
 * client that sends ISTIO_MUTUAL to a pod without a sidecar fails every handshake, so its one
 * legacy host shows {@code cx_total} = {@code cx_connect_fail} + {@code cx_active} (those still
 * connecting) > 0 and no request; and for every proxy and
 * cluster, the hosts' {@code cx_total} add up to the proxy's {@code upstream_cx_total} and their
 * {@code cx_connect_fail} to its {@code upstream_cx_connect_fail} (which, as Envoy's, counts a connect
 * timeout too; no host leaves a cluster in this scenario).
 */
class InspectConnectionCountersTest {
  private static final String LEGACY = "outbound|9080||legacy.default.svc.cluster.local";

  @TempDir static Path tmp;
  private static Inspection at;

  @BeforeAll
  static void inspectTheMtlsTrouble() {
    Path dir = tmp.resolve("snap");
    assertEquals(0, meshsim("run", "scenarios/troubles/09-mtls.yaml", "--inspect-at", "10s", "--inspect-dir",
        dir.toString()).exit());
    at = Inspection.open(dir, null);
  }

  @Test
  void everyFailedHandshakeIsAConnectFailureOfTheLegacyHost() {
    HostState legacy = cluster(at.proxy("to-legacy"), LEGACY).hosts().get(0);
    assertTrue(legacy.cxTotal() > 100, "to-legacy's connections to legacy: " + legacy);
    // No connection ever completes its handshake: each one failed or is still connecting (Envoy's
    // cx_active counts a connection from its creation), and no request was ever attached.
    assertEquals(legacy.cxTotal(), legacy.cxConnectFail() + legacy.cxActive(), "every handshake fails: " + legacy);
    assertEquals(0, legacy.rqTotal(), "no request reached legacy: " + legacy);
    String p = LEGACY + "::" + legacy.address() + "::";
    String admin = at.answer(List.of("admin", "to-legacy", "/clusters"), new Inspection.Filters(null, null, null));
    assertTrue(admin.contains(p + "cx_active::" + legacy.cxActive() + "\n" + p + "cx_connect_fail::"
        + legacy.cxConnectFail() + "\n"
        + p + "cx_total::" + legacy.cxTotal() + "\n" + p + "rq_active::0\n"), "Envoy's order (by name): " + admin);
  }

  @Test
  void theHostsConnectionCountersAddUpToTheirProxysClusterCounters() {
    long connections = 0;
    for (Proxy proxy : at.snapshot().proxies()) {
      for (ClusterState c : proxy.clusters()) {
        long total = c.hosts().stream().mapToLong(HostState::cxTotal).sum();
        long failed = c.hosts().stream().mapToLong(HostState::cxConnectFail).sum();
        String s = "cluster." + c.name() + ".";
        assertEquals(stat(proxy, s + "upstream_cx_total"), total, proxy.name() + " " + c.name());
        assertEquals(stat(proxy, s + "upstream_cx_connect_fail"), failed, proxy.name() + " " + c.name());
        connections += total;
      }
    }
    assertTrue(connections > cluster(at.proxy("to-legacy"), LEGACY).hosts().get(0).cxTotal(),
        "other clients connected too: " + connections);
  }

  private static long stat(Proxy proxy, String name) {
    return proxy.stats().getOrDefault(name, 0L);
  }

  private static ClusterState cluster(Proxy proxy, String name) {
    return proxy.clusters().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
