package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.istio.ClientTls;
import dev.meshsim.istio.PeerAuthentication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PeerAuthentication and DestinationRule tls as read, and the bad input around them. */
class PeerAuthenticationBindingTest {
  @TempDir Path tmp;

  private static String with(String resources) {
    return TestScenarios.MINIMAL + "istio:\n" + resources.indent(2);
  }

  private static final String STRICT_REVIEWS = """
      - apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: reviews}
        spec:
          selector: {matchLabels: {app: reviews}}
          mtls: {mode: STRICT}
          portLevelMtls:
            9080: {mode: PERMISSIVE}
            9443: {}
      """;

  @Test
  void aPolicyIsReadWithItsSelectorModeAndPorts() throws Exception {
    LoadedScenario l = TestScenarios.load(tmp, with(STRICT_REVIEWS));
    List<PeerAuthentication> all = l.scenario().istio().mtls().peerAuthentications();
    assertEquals(1, all.size());
    PeerAuthentication pa = all.get(0);
    assertEquals(Map.of("app", "reviews"), pa.selector());
    assertEquals(PeerAuthentication.Mode.STRICT, pa.mode());
    assertEquals(Map.of(9080, PeerAuthentication.Mode.PERMISSIVE, 9443, PeerAuthentication.Mode.UNSET), pa.portLevel());
    assertTrue(l.scenario().istio().mtls().autoMtls());
    assertEquals("istio-system", l.scenario().istio().mtls().rootNamespace());
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).contains("portLevelMtls[\"9443\"]: port 9443 is no port of the pods"
        + " PeerAuthentication default/reviews selects (they serve [9080]); this entry has no effect"),
        l.warnings().get(0));
  }

  @Test
  void aSelectorThatSelectsNoPodIsWarnedAbout() throws Exception {
    LoadedScenario l = TestScenarios.load(tmp, with(STRICT_REVIEWS.replace("app: reviews", "app: reveiws")
        .replace("            9443: {}\n", "")));
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).contains("istio[0].spec.selector: PeerAuthentication default/reviews selects no"
        + " pod in namespace default (labels {app=reveiws}); it has no effect"), l.warnings().get(0));
  }

  @Test
  void anUnknownModeIsAPositionedError() {
    String m = TestScenarios.error(tmp, with(STRICT_REVIEWS.replace("mode: STRICT", "mode: STRICTLY")))
        .getMessage();
    assertTrue(m.contains("istio[0].spec.mtls.mode: expected one of UNSET, DISABLE, PERMISSIVE, STRICT, got"), m);
    assertTrue(m.contains("did you mean \"STRICT\"?"), m);
  }

  @Test
  void portLevelMtlsNeedsASelectorAndRealPorts() {
    String noSelector = TestScenarios.error(tmp, with(STRICT_REVIEWS.replace(
        "    selector: {matchLabels: {app: reviews}}\n", ""))).getMessage();
    assertTrue(noSelector.contains("istio[0].spec.portLevelMtls: a mesh-wide or namespace-wide PeerAuthentication"
        + " (no selector) cannot have portLevelMtls"), noSelector);
    String zero = TestScenarios.error(tmp, with(STRICT_REVIEWS.replace("9443: {}", "0: {}"))).getMessage();
    assertTrue(zero.contains("istio[0].spec.portLevelMtls[\"0\"]: port must be between 1 and 65535"), zero);
    String api = TestScenarios.error(tmp, with(STRICT_REVIEWS.replace("security.istio.io/v1beta1",
        "networking.istio.io/v1"))).getMessage();
    assertTrue(api.contains("istio[0].apiVersion: expected security.istio.io/v1 or v1beta1"), api);
  }

  private static final String RULE = """
      - apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews}
        spec:
          host: reviews
          trafficPolicy:
            tls: %s
      """;

  @Test
  void destinationRuleTlsIsReadAndCheckedAsIstiodChecksIt() throws Exception {
    assertEquals(new ClientTls(ClientTls.Mode.DISABLE), tls("{sni: reviews}"), "the proto's default mode");
    assertEquals(new ClientTls(ClientTls.Mode.ISTIO_MUTUAL), tls("{mode: ISTIO_MUTUAL}"));
    assertEquals(new ClientTls(ClientTls.Mode.MUTUAL), tls("{mode: MUTUAL, credentialName: reviews-cert}"));
    String mutual = TestScenarios.error(tmp, with(RULE.formatted("{mode: MUTUAL, privateKey: /k.pem}"))).getMessage();
    assertTrue(mutual.contains("istio[0].spec.trafficPolicy.tls: client certificate required for mutual tls"), mutual);
    String istio = TestScenarios.error(tmp, with(RULE.formatted("{mode: ISTIO_MUTUAL, caCertificates: /ca.pem}")))
        .getMessage();
    assertTrue(istio.contains("tls.caCertificates: cannot specify caCertificates when tls mode is ISTIO_MUTUAL"), istio);
    String unknown = TestScenarios.error(tmp, with(RULE.formatted("{mode: MTLS}"))).getMessage();
    assertTrue(unknown.contains("tls.mode: expected one of DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL"), unknown);
  }

  private ClientTls tls(String block) throws Exception {
    LoadedScenario l = TestScenarios.load(tmp, with(RULE.formatted(block)));
    assertEquals(List.of(), l.warnings());
    return l.scenario().istio().destinationRules().get(0).trafficPolicy().tls();
  }

  @Test
  void autoMtlsAndTheRootNamespaceComeFromMeshConfig() throws Exception {
    LoadedScenario l = TestScenarios.load(tmp, TestScenarios.MINIMAL
        + "istio: {meshConfig: {enableAutoMtls: false, rootNamespace: mesh-root}, resources: []}\n");
    assertEquals(false, l.scenario().istio().mtls().autoMtls());
    assertEquals("mesh-root", l.scenario().istio().mtls().rootNamespace());
    assertNull(l.scenario().istio().destinationRules().stream().findFirst().orElse(null));
  }

  @Test
  void aPeerAuthenticationInATimelineApplyIsAnError() {
    String m = TestScenarios.error(tmp, TestScenarios.MINIMAL + "timeline:\n  - at: 1s\n    apply:\n"
        + STRICT_REVIEWS.indent(6)).getMessage();
    assertTrue(m.contains("timeline[0].apply: a PeerAuthentication in a timeline apply is not modelled yet"), m);
  }

  @Test
  void aRuleTheServersWillRefuseIsWarnedAboutAsIst0113() throws Exception {
    String strict = """
        - apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata: {name: default, namespace: istio-system}
          spec: {mtls: {mode: STRICT}}
        """;
    LoadedScenario disable = TestScenarios.load(tmp, with(strict + RULE.formatted("{mode: DISABLE}")));
    assertEquals(1, disable.warnings().size(), disable.warnings().toString());
    assertTrue(disable.warnings().get(0).contains("istio[1].metadata.name: IST0113 (MTLSPolicyConflict):"
        + " DestinationRule default/reviews for reviews.default.svc.cluster.local:9080 specifies that mTLS must be"
        + " false (tls DISABLE) but PeerAuthentication makes reviews-v1, reviews-v2 STRICT: requests end 503 UC"),
        disable.warnings().get(0));
    String plain = TestScenarios.MINIMAL.replace("{name: ratings-v1, serviceTime: 1ms}",
        "{name: ratings-v1, serviceTime: 1ms, sidecar: false}") + "istio:\n" + """
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: ratings}
          spec: {host: ratings, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
        """.indent(2);
    LoadedScenario mutual = TestScenarios.load(tmp, plain);
    assertEquals(1, mutual.warnings().size(), mutual.warnings().toString()); // one per rule, host and problem
    assertTrue(mutual.warnings().get(0).contains("specifies ISTIO_MUTUAL but ratings-v1 runs without a sidecar: the TLS"
        + " handshake fails, 503 UF"), mutual.warnings().get(0));
    LoadedScenario fine = TestScenarios.load(tmp, with(strict + RULE.formatted("{mode: ISTIO_MUTUAL}")));
    assertEquals(List.of(), fine.warnings());
  }

  @Test
  void aSecondSelectorlessPolicyInANamespaceIsWarnedAbout() throws Exception {
    String two = """
        - apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata: {name: first}
          spec: {mtls: {mode: PERMISSIVE}}
        - apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata: {name: second}
          spec: {mtls: {mode: STRICT}}
        """;
    LoadedScenario l = TestScenarios.load(tmp, with(two));
    assertEquals(1, l.warnings().size(), l.warnings().toString());
    assertTrue(l.warnings().get(0).contains("istio[1].spec: PeerAuthentication default/second has no selector, like"
        + " default/first, which is older: istiod uses the oldest"), l.warnings().get(0));
  }
}
