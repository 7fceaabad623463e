package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio's injection rules: the four webhooks' selectors (mutatingwebhook.yaml), then
 * {@code injectRequired} (inject.go). Each row: namespace labels, pod labels, pod annotations (as
 * {@code k=v;k=v}), hostNetwork, and whether the pod gets a sidecar.
 */
class SidecarInjectionTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "ns [{0}] pod labels [{1}] annotations [{2}] hostNetwork {3} -> {4}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "istio-injection=enabled   | -                              | -                               | false | true",
      "istio-injection=enabled   | sidecar.istio.io/inject=false  | -                               | false | false",
      "istio-injection=enabled   | -                              | sidecar.istio.io/inject=false   | false | false",
      "istio-injection=enabled   | sidecar.istio.io/inject=true   | sidecar.istio.io/inject=false   | false | true",
      "istio-injection=enabled   | sidecar.istio.io/inject=no     | -                               | false | false",
      "istio-injection=enabled   | -                              | -                               | true  | false",
      "istio-injection=disabled  | sidecar.istio.io/inject=true   | -                               | false | false",
      "istio-injection=yes       | -                              | -                               | false | false",
      "istio.io/rev=canary       | -                              | -                               | false | true",
      "istio.io/rev=canary       | sidecar.istio.io/inject=false  | -                               | false | false",
      "-                         | -                              | -                               | false | false",
      "-                         | -                              | sidecar.istio.io/inject=true    | false | false",
      "-                         | sidecar.istio.io/inject=true   | -                               | false | true",
      "-                         | sidecar.istio.io/inject=yes    | -                               | false | false",
      "-                         | istio.io/rev=stable            | -                               | false | true",
      "-                         | sidecar.istio.io/inject=ON     | -                               | false | false",
  })
  void decidesAsIstiosInjector(String ns, String pod, String annotations, boolean hostNetwork, boolean injected) {
    SidecarInjection.Decision d = SidecarInjection.decide("shop", labels(ns), labels(pod), labels(annotations),
        hostNetwork);
    assertEquals(injected, d.injected(), d.reason());
  }

  @Test
  void kubeSystemIsNeverInjected() {
    assertFalse(SidecarInjection.decide("kube-system", labels("istio-injection=enabled"), Map.of(), Map.of(), false)
        .injected());
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text != null) {
      for (String kv : text.split(";")) {
        m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    return m;
  }

  private static final String SCENARIO = """
      duration: 10s
      kubernetes:
      - {apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {%s}}}
      - {apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop}, spec: {selector: {app: web},
         ports: [{name: http, port: 80}]}}
      - {apiVersion: v1, kind: Pod, metadata: {name: web-a, namespace: shop, labels: {app: web}},
         spec: {containers: [{name: w, image: x}]}}
      - {apiVersion: v1, kind: Pod, metadata: {name: web-b, namespace: shop, labels: {app: web, %s}},
         spec: {containers: [{name: w, image: x}]}}
      workloads: {web-a: {serviceTime: 1ms}, web-b: {serviceTime: 1ms}}
      load: [{name: users, namespace: shop, target: web, arrival: {poisson: 10/s}}]
      """;

  @Test
  void aMeshWithoutInjectionRunsWithoutSidecars() throws Exception {
    LoadedScenario l = TestScenarios.load(tmp, SCENARIO.formatted("istio-injection: disabled", "tier: a"));
    assertFalse(l.scenario().mesh().sidecarEnabled());
    LoadedScenario on = TestScenarios.load(tmp, SCENARIO.formatted("istio-injection: enabled", "tier: a"));
    assertTrue(on.scenario().mesh().sidecarEnabled());
  }

  /** The injection decision of each Deployment of {@code l}, by name. */
  private static Map<String, Boolean> sidecars(LoadedScenario l) {
    Map<String, Boolean> out = new java.util.TreeMap<>();
    l.scenario().services().forEach(sv -> sv.deployments().forEach(d -> out.put(d.name(), d.sidecar())));
    return out;
  }

  @Test
  void aMixOfInjectedAndPlainPodsRunsEachAsIstioWouldInjectIt() throws Exception {
    LoadedScenario l = TestScenarios.load(tmp, SCENARIO.formatted("istio-injection: enabled",
        "sidecar.istio.io/inject: \"false\""));
    assertTrue(l.scenario().mesh().sidecarEnabled());
    assertEquals(Map.of("web-a", true, "web-b", false), sidecars(l));
  }

  private static final String PLAIN_SHOP = """
      kubernetes:
      - {apiVersion: v1, kind: Namespace, metadata: {name: shop, labels: {istio-injection: disabled}}}
      - {apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop}, spec: {selector: {app: web},
         ports: [{name: http, port: 80}]}}
      - {apiVersion: v1, kind: Pod, metadata: {name: web, namespace: shop, labels: {app: web}},
         spec: {containers: [{name: w, image: x}]}}
      workloads: {web: {serviceTime: 1ms}}
      """;

  @Test
  void plainManifestPodsNextToServicesPodsRunWithoutTheirSidecar() throws Exception {
    LoadedScenario mixed = TestScenarios.load(tmp, TestScenarios.MINIMAL + PLAIN_SHOP);
    assertTrue(mixed.scenario().mesh().sidecarEnabled(), "the services: pods keep theirs");
    assertEquals(false, sidecars(mixed).get("web"));
    LoadedScenario none = TestScenarios.load(tmp, TestScenarios.MINIMAL + PLAIN_SHOP
        + "mesh: {sidecar: {enabled: false}}\n");
    assertFalse(none.scenario().mesh().sidecarEnabled());
  }
}
