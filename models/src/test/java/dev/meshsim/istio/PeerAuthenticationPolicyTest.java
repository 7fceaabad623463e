package dev.meshsim.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.istio.PeerAuthentication.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * istiod's precedence ({@code ComposePeerAuthentication}): workload over namespace over mesh, UNSET
 * inheriting from the scope above, PERMISSIVE when nothing sets a mode, port-level from the
 * workload policy only, the oldest policy of a scope winning.
 */
class PeerAuthenticationPolicyTest {
  private static final Map<String, String> REVIEWS = Map.of("app", "reviews", "version", "v1");
  private int order;

  private PeerAuthentication pa(String namespace, Map<String, String> selector, Mode mode, Map<Integer, Mode> ports) {
    return new PeerAuthentication(new ObjectMeta("pa" + order, namespace, order++), selector, mode, ports);
  }

  private static Mode mode(String text) {
    return text.equals("-") ? null : Mode.valueOf(text);
  }

  /** mesh, namespace, workload (- for none), port-level UNSET/mode on 9080 (- for none); expected 9080 and 8080. */
  @ParameterizedTest(name = "mesh {0}, namespace {1}, workload {2}, port 9080 {3} -> 9080 {4}, 8080 {5}")
  @CsvSource({
      "-, -, -, -, PERMISSIVE, PERMISSIVE",
      "STRICT, -, -, -, STRICT, STRICT",
      "STRICT, PERMISSIVE, -, -, PERMISSIVE, PERMISSIVE",
      "STRICT, UNSET, -, -, STRICT, STRICT",
      "DISABLE, STRICT, -, -, STRICT, STRICT",
      "STRICT, PERMISSIVE, DISABLE, -, DISABLE, DISABLE",
      "STRICT, -, UNSET, -, STRICT, STRICT",
      "STRICT, DISABLE, UNSET, DISABLE, DISABLE, DISABLE",
      "STRICT, -, PERMISSIVE, STRICT, STRICT, PERMISSIVE",
      "STRICT, -, UNSET, UNSET, STRICT, STRICT",
      "-, -, STRICT, DISABLE, DISABLE, STRICT",
      "UNSET, UNSET, UNSET, -, PERMISSIVE, PERMISSIVE",
  })
  void scopesOverrideInOrderAndUnsetInherits(String mesh, String namespace, String workload, String port9080,
      String expected9080, String expected8080) {
    List<PeerAuthentication> all = new ArrayList<>();
    if (mode(mesh) != null) {
      all.add(pa("istio-system", Map.of(), mode(mesh), Map.of()));
    }
    if (mode(namespace) != null) {
      all.add(pa("default", Map.of(), mode(namespace), Map.of()));
    }
    if (mode(workload) != null) {
      all.add(pa("default", Map.of("app", "reviews"), mode(workload),
          mode(port9080) == null ? Map.of() : Map.of(9080, mode(port9080))));
    }
    PeerAuthenticationPolicy p = resolve(all);
    assertEquals(Mode.valueOf(expected9080), p.modeFor(9080));
    assertEquals(Mode.valueOf(expected8080), p.modeFor(8080));
  }

  private static PeerAuthenticationPolicy resolve(List<PeerAuthentication> all) {
    return PeerAuthenticationPolicy.resolve(new MtlsSettings(all, true, "istio-system"), "default", REVIEWS);
  }

  @Test
  void theOldestPolicyOfAScopeWins() {
    List<PeerAuthentication> all = List.of(
        pa("default", Map.of("app", "reviews"), Mode.DISABLE, Map.of()),
        pa("default", Map.of("version", "v1"), Mode.STRICT, Map.of()),
        pa("default", Map.of(), Mode.STRICT, Map.of()),
        pa("default", Map.of(), Mode.PERMISSIVE, Map.of()));
    PeerAuthenticationPolicy p = resolve(all);
    assertEquals(Mode.DISABLE, p.mode(), "the first workload policy");
    assertEquals(Mode.STRICT, p.namespaceMode(), "the first namespace policy");
  }

  @Test
  void policiesThatDoNotSelectTheWorkloadOrLiveElsewhereDoNotApply() {
    List<PeerAuthentication> all = List.of(
        pa("default", Map.of("app", "ratings"), Mode.DISABLE, Map.of()),
        pa("prod", Map.of(), Mode.DISABLE, Map.of()),
        pa("istio-system", Map.of("app", "reviews"), Mode.DISABLE, Map.of()), // selector in root: ignored
        pa("istio-system", Map.of(), Mode.STRICT, Map.of()));
    PeerAuthenticationPolicy p = resolve(all);
    assertEquals(Mode.STRICT, p.mode());
    assertEquals(Map.of(), p.perPort());
  }

  @Test
  void theRootNamespaceIsTheMeshConfigs() {
    List<PeerAuthentication> all = List.of(pa("mesh-root", Map.of(), Mode.STRICT, Map.of()),
        pa("istio-system", Map.of(), Mode.DISABLE, Map.of()));
    PeerAuthenticationPolicy p = PeerAuthenticationPolicy.resolve(new MtlsSettings(all, true, "mesh-root"),
        "default", REVIEWS);
    assertEquals(Mode.STRICT, p.mode(), "istio-system is an ordinary namespace when the root is mesh-root");
  }
}
