package dev.meshsim.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** istiod's choice of a proxy's Sidecar and what its egress hosts import ({@code sidecar.go}). */
class SidecarScopeRulesTest {
  private static int order;

  private static Sidecar sidecar(String namespace, Map<String, String> selector, String... hosts) {
    return new Sidecar(new ObjectMeta("s" + order, namespace, order++), selector,
        List.of(new Sidecar.EgressListener(0, List.of(hosts))), null);
  }

  @Test
  void aMatchingSelectorBeatsTheNamespaceDefaultWhichBeatsTheRootDefault() {
    Sidecar root = sidecar("istio-system", Map.of(), "./*");
    Sidecar web = sidecar("web", Map.of(), "./*");
    Sidecar front = sidecar("web", Map.of("app", "front"), "*/*");
    List<Sidecar> all = List.of(root, web, front);
    assertEquals(front, SidecarScope.choose(all, "web", Map.of("app", "front", "v", "1")));
    assertEquals(web, SidecarScope.choose(all, "web", Map.of("app", "back")));
    assertEquals(root, SidecarScope.choose(all, "data", Map.of()));
    assertEquals(root, SidecarScope.choose(List.of(root, front), "web", Map.of("app", "back")),
        "a namespace whose only Sidecar does not select the pod falls back to the root default");
    assertNull(SidecarScope.choose(List.of(web, front), "data", Map.of()));
    assertNull(SidecarScope.choose(List.of(sidecar("istio-system", Map.of("app", "x"), "*/*")), "data", Map.of()),
        "a root Sidecar with a selector is no mesh default");
  }

  @Test
  void theOldestOfTwoNamespaceDefaultsWins() {
    Sidecar first = sidecar("web", Map.of(), "./*");
    Sidecar second = sidecar("web", Map.of(), "*/*");
    assertEquals(first, SidecarScope.choose(List.of(first, second), "web", Map.of()));
  }

  @Test
  void hostsImportByNamespaceAndNameAndTheWildcardNamespaceIsOnlyAFallback() {
    SidecarScope s = SidecarScope.of(List.of(sidecar("web", Map.of(), "./*", "data/backend.data.svc.cluster.local",
        "*/*.example.com")), "web", Map.of());
    assertTrue(s.imports("frontend.web.svc.cluster.local", "web", 80), "./* is the proxy's namespace");
    assertTrue(s.imports("backend.data.svc.cluster.local", "data", 80));
    assertFalse(s.imports("other.data.svc.cluster.local", "data", 80));
    assertFalse(s.imports("api.example.com", "data", 80), "data is named, so */ entries do not apply to it");
    assertTrue(s.imports("api.example.com", "egress", 80), "no entry names egress: */*.example.com");
    assertFalse(s.imports("example.com", "egress", 80), "*.example.com does not cover example.com");
  }

  @Test
  void aRootDefaultsDotIsTheProxysNamespaceAndTildeImportsNothing() {
    Sidecar root = sidecar("istio-system", Map.of(), "./*");
    SidecarScope inWeb = SidecarScope.of(List.of(root), "web", Map.of());
    assertTrue(inWeb.imports("a.web.svc.cluster.local", "web", 80));
    assertFalse(inWeb.imports("a.istio-system.svc.cluster.local", "istio-system", 80));
    SidecarScope none = SidecarScope.of(List.of(sidecar("web", Map.of(), "~/*")), "web", Map.of());
    assertFalse(none.imports("a.web.svc.cluster.local", "web", 80));
  }

  @Test
  void aListenerPortImportsThatPortOnly() {
    Sidecar s = new Sidecar(new ObjectMeta("p", "web", 0), Map.of(),
        List.of(new Sidecar.EgressListener(9080, List.of("*/*"))), OutboundTrafficPolicy.REGISTRY_ONLY);
    SidecarScope scope = SidecarScope.of(List.of(s), "web", Map.of());
    assertTrue(scope.imports("r.web.svc.cluster.local", "web", 9080));
    assertFalse(scope.imports("r.web.svc.cluster.local", "web", 9090));
    assertEquals(OutboundTrafficPolicy.REGISTRY_ONLY, scope.outboundPolicy(OutboundTrafficPolicy.ALLOW_ANY));
    assertEquals(OutboundTrafficPolicy.ALLOW_ANY, SidecarScope.DEFAULT.outboundPolicy(OutboundTrafficPolicy.ALLOW_ANY));
  }

  @Test
  void virtualServicesAreImportedByTheirNamespaceWhenAHostMatchesEitherWay() {
    SidecarScope s = SidecarScope.of(List.of(sidecar("web", Map.of(), "./*", "*/*.example.com")), "web", Map.of());
    assertTrue(s.importsVirtualService("web", List.of("a.web.svc.cluster.local")));
    assertFalse(s.importsVirtualService("data", List.of("b.data.svc.cluster.local")));
    assertTrue(s.importsVirtualService("data", List.of("api.example.com")), "*/… applies to any VS namespace");
    assertTrue(s.importsVirtualService("data", List.of("*.example.com")));
  }
}
