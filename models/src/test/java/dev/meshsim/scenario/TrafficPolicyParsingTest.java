package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.ConnectionPoolSettings;
import dev.meshsim.istio.ConnectionPoolSettings.H2UpgradePolicy;
import dev.meshsim.istio.ConsistentHashLb;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.LoadBalancerSettings;
import dev.meshsim.istio.LoadBalancerSettings.Simple;
import dev.meshsim.istio.OutlierDetection;
import dev.meshsim.istio.PortTrafficPolicy;
import dev.meshsim.istio.TrafficPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DestinationRule traffic policies: every field, unset versus 0, port-level and subset policies. */
class TrafficPolicyParsingTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @TempDir Path tmp;

  /** A DestinationRule for reviews whose spec continues with {@code specLines} (indented by 6). */
  private static String dr(String specLines) {
    return TestScenarios.MINIMAL + """
        istio:
          - apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews}
            spec:
              host: reviews
        """ + specLines.indent(6);
  }

  private LoadedScenario load(String specLines) throws ScenarioException {
    return TestScenarios.load(tmp, dr(specLines));
  }

  private DestinationRule rule(String specLines) throws ScenarioException {
    return load(specLines).scenario().istio().destinationRules().get(0);
  }

  private TrafficPolicy policy(String policyYaml) throws ScenarioException {
    return rule("trafficPolicy: " + policyYaml).trafficPolicy();
  }

  private void assertProblem(String specLines, String path, String problemStart) {
    ScenarioException e = TestScenarios.error(tmp, dr(specLines));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.problem().startsWith(problemStart), e.getMessage());
  }

  @Test
  void everyConnectionPoolField() throws Exception {
    ConnectionPoolSettings pool = policy("""
        {connectionPool: {
          tcp: {maxConnections: 100, connectTimeout: 30ms, maxConnectionDuration: 1h, idleTimeout: 0s},
          http: {http1MaxPendingRequests: 10, http2MaxRequests: 1000, maxRequestsPerConnection: 1, maxRetries: 3,
                 idleTimeout: 90s, h2UpgradePolicy: DO_NOT_UPGRADE, useClientProtocol: true,
                 maxConcurrentStreams: 50}}}
        """).connectionPool();
    assertEquals(new ConnectionPoolSettings.Tcp(100, 30 * MS, 3600 * S, 0L), pool.tcp());
    assertEquals(new ConnectionPoolSettings.Http(10, 1000, 1, 3, 90 * S, H2UpgradePolicy.DO_NOT_UPGRADE, true, 50),
        pool.http());
  }

  @Test
  void connectionPoolZeroMeansUnsetAsInIstio() throws Exception {
    ConnectionPoolSettings pool = policy("""
        {connectionPool: {tcp: {maxConnections: 0}, http: {http1MaxPendingRequests: 0, http2MaxRequests: 0,
          maxRequestsPerConnection: 0, maxRetries: 0, maxConcurrentStreams: 0}}}
        """).connectionPool();
    assertEquals(new ConnectionPoolSettings.Tcp(null, null, null, null), pool.tcp());
    assertEquals(new ConnectionPoolSettings.Http(null, null, null, null, null, H2UpgradePolicy.DEFAULT, false, null),
        pool.http());
    assertNull(policy("{connectionPool: {http: {maxRetries: 1}}}").connectionPool().tcp());
  }

  @Test
  void everyOutlierDetectionField() throws Exception {
    OutlierDetection od = policy("""
        {outlierDetection: {consecutive5xxErrors: 7, consecutiveGatewayErrors: 3, consecutiveLocalOriginFailures: 2,
          splitExternalLocalOriginErrors: true, interval: 5m, baseEjectionTime: 15m, maxEjectionPercent: 100,
          minHealthPercent: 50}}
        """).outlierDetection();
    assertEquals(new OutlierDetection(7, 3, 2, true, 300 * S, 900 * S, 100, 50), od);
  }

  @Test
  void outlierDetectionKeepsExplicitZeroApartFromUnset() throws Exception {
    assertEquals(new OutlierDetection(null, null, null, false, null, null, null, null),
        policy("{outlierDetection: {}}").outlierDetection());
    // consecutive5xxErrors is a UInt32Value: 0 disables; maxEjectionPercent is sent only when > 0.
    assertEquals(new OutlierDetection(0, 0, null, false, null, null, null, 0),
        policy("{outlierDetection: {consecutive5xxErrors: 0, consecutiveGatewayErrors: 0, maxEjectionPercent: 0,"
            + " minHealthPercent: 0}}").outlierDetection());
  }

  @Test
  void loadBalancerSimpleAndConsistentHash() throws Exception {
    assertEquals(new LoadBalancerSettings(Simple.ROUND_ROBIN, null),
        policy("{loadBalancer: {simple: ROUND_ROBIN}}").loadBalancer());
    assertEquals(new LoadBalancerSettings(Simple.UNSPECIFIED, new ConsistentHashLb("x-user", null, false, null,
        ConsistentHashLb.Algorithm.RING_HASH, 2048L, null)),
        policy("{loadBalancer: {consistentHash: {httpHeaderName: x-user, ringHash: {minimumRingSize: 2048}}}}")
            .loadBalancer());
    assertEquals(new ConsistentHashLb(null, new ConsistentHashLb.HttpCookie("user", "/", 0L), false, null,
        ConsistentHashLb.Algorithm.MAGLEV, null, 65537L),
        policy("{loadBalancer: {consistentHash: {httpCookie: {name: user, path: /, ttl: 0s},"
            + " maglev: {tableSize: 65537}}}}").loadBalancer().consistentHash());
    assertEquals(new ConsistentHashLb(null, null, true, null, ConsistentHashLb.Algorithm.RING_HASH, null, null),
        policy("{loadBalancer: {consistentHash: {useSourceIp: true}}}").loadBalancer().consistentHash());
    assertEquals("v", policy("{loadBalancer: {consistentHash: {httpQueryParameterName: v}}}").loadBalancer()
        .consistentHash().httpQueryParameterName());
  }

  @Test
  void portLevelSettingsReplaceTheDestinationLevelWholesale() throws Exception {
    TrafficPolicy p = policy("""
        {loadBalancer: {simple: RANDOM}, connectionPool: {tcp: {maxConnections: 10}},
         portLevelSettings: [{port: {number: 9080}, outlierDetection: {consecutive5xxErrors: 1}}]}
        """);
    PortTrafficPolicy port = new PortTrafficPolicy(9080, null, null,
        new OutlierDetection(1, null, null, false, null, null, null, null));
    assertEquals(List.of(port), p.portLevelSettings());
    assertEquals(port, p.forPort(9080));
    assertNull(p.forPort(9090));
    TrafficPolicy at9080 = TrafficPolicy.effective(p, null, 9080);
    assertNull(at9080.loadBalancer()); // not inherited from the destination level
    assertNull(at9080.connectionPool());
    assertEquals(port.outlierDetection(), at9080.outlierDetection());
    assertEquals(Simple.RANDOM, TrafficPolicy.effective(p, null, 9090).loadBalancer().simple());
  }

  @Test
  void subsetPoliciesOverrideComponentByComponent() throws Exception {
    DestinationRule r = rule("""
        trafficPolicy: {loadBalancer: {simple: RANDOM}, connectionPool: {tcp: {maxConnections: 10}}}
        subsets:
          - {name: v1, labels: {version: v1}, trafficPolicy: {connectionPool: {http: {maxRetries: 1}}}}
          - name: v2
            labels: {version: v2}
            trafficPolicy: {portLevelSettings: [{port: {number: 9080}, loadBalancer: {simple: ROUND_ROBIN}}]}
          - {name: v3, labels: {version: v3}}
        """);
    TrafficPolicy v1 = TrafficPolicy.effective(r.trafficPolicy(), r.subsets().get(0).trafficPolicy(), 9080);
    assertEquals(Simple.RANDOM, v1.loadBalancer().simple());
    assertEquals(1, v1.connectionPool().http().maxRetries());
    assertNull(v1.connectionPool().tcp()); // the subset's connectionPool replaces the whole component
    // A subset port-level entry replaces every component, even those it leaves out.
    TrafficPolicy v2 = TrafficPolicy.effective(r.trafficPolicy(), r.subsets().get(1).trafficPolicy(), 9080);
    assertEquals(new TrafficPolicy(new LoadBalancerSettings(Simple.ROUND_ROBIN, null), null, null, List.of()), v2);
    assertNull(r.subsets().get(2).trafficPolicy());
    assertEquals(r.trafficPolicy().connectionPool(), TrafficPolicy.effective(r.trafficPolicy(), null, 9080)
        .connectionPool());
    assertNull(TrafficPolicy.effective(null, null, 9080));
  }

  @Test
  void unmodelledPartsWarn() throws Exception {
    List<String> w = load("""
        trafficPolicy:
          tls: {mode: ISTIO_MUTUAL}
          loadBalancer: {simple: LEAST_REQUEST, localityLbSetting: {enabled: true}, warmup: {duration: 30s}}
          connectionPool: {tcp: {tcpKeepalive: {time: 7200s}}}
          outlierDetection: {consecutiveErrors: 5}
          portLevelSettings: [{port: {number: 9080}, loadBalancer: {consistentHash: {minimumRingSize: 512}}}]
        """).warnings();
    assertEquals(5, w.size(), w.toString()); // tls is modelled (docs/security.md): no warning
    assertTrue(w.get(0).endsWith("loadBalancer.localityLbSetting: localityLbSetting is not modelled yet; ignored"));
    assertTrue(w.get(1).endsWith("loadBalancer.warmup: warmup is not modelled yet; ignored"), w.get(1));
    assertTrue(w.get(2).endsWith("tcp.tcpKeepalive: tcpKeepalive is not modelled yet; ignored"), w.get(2));
    assertTrue(w.get(3).endsWith("outlierDetection.consecutiveErrors: consecutiveErrors is deprecated and ignored"
        + " by Istio since 1.7; use consecutive5xxErrors or consecutiveGatewayErrors; ignored"), w.get(3));
    assertTrue(w.get(4).contains("consistentHash.minimumRingSize: minimumRingSize is deprecated"), w.get(4));
    assertEquals(512L, rule("trafficPolicy: {loadBalancer: {consistentHash: {minimumRingSize: 512}}}")
        .trafficPolicy().loadBalancer().consistentHash().minimumRingSize());
  }

  @Test
  void consecutiveErrorsWarningFollowsTheIstioVersion() throws Exception {
    String text = dr("trafficPolicy: {outlierDetection: {consecutiveErrors: 5}}")
        .replace("istio:\n", "istio:\n  version: \"1.6\"\n  resources:\n");
    List<String> w = TestScenarios.load(tmp, text).warnings();
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).contains("Istio 1.6 reads N as consecutiveGatewayErrors: N with consecutive5xxErrors: 0"),
        w.get(0));
  }

  @Test
  void invalidPoliciesArePositioned() {
    String tp = "istio[0].spec.trafficPolicy";
    assertProblem("trafficPolicy: {connectionPool: {tcp: {maxConnections: -1}}}",
        tp + ".connectionPool.tcp.maxConnections", "expected a whole number >= 0, got -1");
    assertProblem("trafficPolicy: {connectionPool: {http: {h2UpgradePolicy: UPGRAD}}}",
        tp + ".connectionPool.http.h2UpgradePolicy",
        "expected one of DEFAULT, DO_NOT_UPGRADE, UPGRADE, got \"UPGRAD\"; did you mean \"UPGRADE\"?");
    assertProblem("trafficPolicy: {connectionPool: {http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}}}",
        tp + ".connectionPool.http.useClientProtocol", "useClientProtocol must not be true when h2UpgradePolicy");
    assertProblem("trafficPolicy: {connectionPool: {tcp: {connectTimeout: 500us}}}",
        tp + ".connectionPool.tcp.connectTimeout", "duration must be at least 1ms (istiod rejects shorter ones)");
    assertProblem("trafficPolicy: {connectionPool: {}}", tp + ".connectionPool",
        "connection pool must have at least one of tcp and http");
    assertProblem("trafficPolicy: {}", tp, "traffic policy must have at least one field");
    assertProblem("trafficPolicy: {loadBalancer: {simple: FASTEST}}", tp + ".loadBalancer.simple",
        "expected one of UNSPECIFIED, LEAST_CONN, RANDOM, PASSTHROUGH, ROUND_ROBIN, LEAST_REQUEST, got \"FASTEST\"");
    assertProblem("trafficPolicy: {loadBalancer: {simple: RANDOM, consistentHash: {useSourceIp: true}}}",
        tp + ".loadBalancer.consistentHash", "consistentHash cannot be set together with simple");
    assertProblem("trafficPolicy: {loadBalancer: {consistentHash: {httpHeaderName: a, useSourceIp: true}}}",
        tp + ".loadBalancer.consistentHash.useSourceIp", "useSourceIp cannot be set together with httpHeaderName");
    assertProblem("trafficPolicy: {loadBalancer: {consistentHash: {maglev: {tableSize: 65536}}}}",
        tp + ".loadBalancer.consistentHash.maglev.tableSize", "tableSize must be a prime number for maglev");
    assertProblem("trafficPolicy: {loadBalancer: {consistentHash: {httpCookie: {ttl: 1s}}}}",
        tp + ".loadBalancer.consistentHash.httpCookie", "missing required key \"name\"");
    assertProblem("trafficPolicy: {outlierDetection: {consecutiveLocalOriginFailures: 3}}",
        tp + ".outlierDetection.consecutiveLocalOriginFailures", "consecutiveLocalOriginFailures is set but");
    assertProblem("trafficPolicy: {outlierDetection: {maxEjectionPercent: 101}}",
        tp + ".outlierDetection.maxEjectionPercent", "expected a whole number in [0, 100], got 101");
    assertProblem("trafficPolicy: {portLevelSettings: [{loadBalancer: {simple: RANDOM}}]}",
        tp + ".portLevelSettings[0]", "missing required key \"port\"");
    assertProblem("trafficPolicy: {portLevelSettings: [{port: {number: 9080}}]}",
        tp + ".portLevelSettings[0]", "port traffic policy must have at least one field");
    assertProblem("subsets: [{name: v1, trafficPolicy: {loadBalancr: {}}}]",
        "istio[0].spec.subsets[0].trafficPolicy.loadBalancr", "unknown key \"loadBalancr\"; did you mean");
  }

  @Test
  void aSecondPortLevelEntryForAPortWarns() throws Exception {
    List<String> w = load("""
        trafficPolicy:
          portLevelSettings:
            - {port: {number: 9080}, loadBalancer: {simple: RANDOM}}
            - {port: {number: 9080}, loadBalancer: {simple: ROUND_ROBIN}}
        """).warnings();
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).contains("portLevelSettings[1].port: port 9080 already has port-level settings"), w.get(0));
  }

  @Test
  void primesAsEnvoyCountsThem() {
    assertTrue(TrafficPolicyBinder.isPrime(65537));
    assertTrue(TrafficPolicyBinder.isPrime(2));
    assertTrue(!TrafficPolicyBinder.isPrime(9));
    assertTrue(!TrafficPolicyBinder.isPrime(0));
  }
}
