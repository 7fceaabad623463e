package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The TLS handshake costs time on a new connection only: keep-alive pays it once, a pool with
 * {@code maxRequestsPerConnection: 1} on every request, and plaintext never (it also saves the TLS
 * round trip). Every hop of the scenario is constant, so the differences are exact up to the
 * latency histogram's precision (3 significant digits).
 */
class MtlsHandshakeTest {
  private static final String FILE = "src/test/resources/scenarios/mtls/handshake.yaml";
  private static final String CLUSTER = "outbound|8080||echo.default.svc.cluster.local";
  private static final long HANDSHAKE = 5_000_000L;
  /** One round trip: 200 µs each way. */
  private static final long ROUND_TRIP = 400_000L;

  private static RunResult run(boolean handshake, boolean keepAlive, String tls) {
    return Scenarios.run(SiblingVariants.load(FILE,
        "tls: {handshake: 0}", handshake ? "tls: {handshake: 5ms}" : "tls: {handshake: 0}",
        "http: {maxRequestsPerConnection: 0}", "http: {maxRequestsPerConnection: " + (keepAlive ? 0 : 1) + "}"
            + (tls == null ? "" : "\n        tls: {mode: " + tls + "}")));
  }

  private static void assertNear(long expected, long actual, String what) {
    assertTrue(Math.abs(expected - actual) <= Math.max(20_000, expected / 500), what + ": " + actual + " vs " + expected);
  }

  @Test
  void keepAlivePaysTheHandshakeOnceAndOneRequestPerConnectionPaysItEachTime() {
    RunResult keepAlive = run(true, true, null);
    RunResult keepAliveFree = run(false, true, null);
    TrafficStats ka = keepAlive.loads().get("client");
    assertEquals(200, ka.requests());
    assertEquals(1, keepAlive.clusterStats().get(CLUSTER).counter("upstream_cx_total"));
    TrafficStats free = keepAliveFree.loads().get("client");
    assertNear(free.latency().getValueAtPercentile(50), ka.latency().getValueAtPercentile(50),
        "later requests reuse the connection");
    assertNear(free.latency().getMaxValue() + HANDSHAKE, ka.latency().getMaxValue(), "the first pays the handshake");

    RunResult perRequest = run(true, false, null);
    RunResult perRequestFree = run(false, false, null);
    assertEquals(200, perRequest.clusterStats().get(CLUSTER).counter("upstream_cx_total"));
    TrafficStats pr = perRequest.loads().get("client");
    TrafficStats prFree = perRequestFree.loads().get("client");
    assertNear(prFree.latency().getMinValue() + HANDSHAKE, pr.latency().getMinValue(), "every request pays it");
    assertNear(free.latency().getMinValue() + 2 * ROUND_TRIP, prFree.latency().getMinValue(),
        "a new connection costs the TCP and the TLS round trip");
  }

  @Test
  void plaintextPaysNeitherTheHandshakeNorItsRoundTrip() {
    TrafficStats plain = run(true, false, "DISABLE").loads().get("client");
    TrafficStats mtlsFree = run(false, false, "ISTIO_MUTUAL").loads().get("client");
    assertEquals(200, plain.codes().get(200));
    assertNear(mtlsFree.latency().getMinValue() - ROUND_TRIP, plain.latency().getMinValue(),
        "one round trip less than mTLS without its CPU cost");
  }

  /** echo's PeerAuthentication, as a resource appended to the scenario's istio list. */
  private static String policy(String mode, String portLevel) {
    return "\n  - apiVersion: security.istio.io/v1\n    kind: PeerAuthentication\n    metadata: {name: echo}\n"
        + "    spec:\n      selector: {matchLabels: {app: echo}}\n      mtls: {mode: " + mode + "}\n"
        + (portLevel == null ? "" : "      portLevelMtls: {8080: {mode: " + portLevel + "}}\n");
  }

  private static TrafficStats outcome(String tls, String mode, String portLevel) {
    String text = "http: {maxRequestsPerConnection: 0}";
    return Scenarios.run(SiblingVariants.load(FILE, text, text + (tls == null ? "" : "\n        tls: {mode: " + tls + "}")
        + policy(mode, portLevel))).loads().get("client");
  }

  private static void assertAll(TrafficStats t, int code, String flags) {
    assertEquals(Map.of(code, t.requests()), t.codes());
    assertEquals(Map.of(flags, t.requests()), t.flags());
  }

  @Test
  void theServerTakesWhatItsPeerAuthenticationAllows() {
    assertAll(outcome(null, "STRICT", null), 200, "-");               // auto mTLS into STRICT
    assertAll(outcome(null, "DISABLE", null), 200, "-");              // auto sends plaintext to DISABLE
    assertAll(outcome(null, "STRICT", "DISABLE"), 200, "-");          // ... and to a DISABLEd port
    assertAll(outcome("ISTIO_MUTUAL", "DISABLE", null), 503, "UF,URX"); // forced mTLS into DISABLE
    assertAll(outcome("ISTIO_MUTUAL", "STRICT", "DISABLE"), 503, "UF,URX");
    assertAll(outcome("DISABLE", "STRICT", null), 503, "UC");         // plaintext into STRICT
    assertAll(outcome("DISABLE", "DISABLE", "STRICT"), 503, "UC");    // port-level STRICT
    assertAll(outcome("DISABLE", "PERMISSIVE", null), 200, "-");
    assertAll(outcome("SIMPLE", "PERMISSIVE", null), 503, "UF,URX");  // not the mesh's certificate
  }
}
