package dev.meshsim.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.meshsim.istio.PeerAuthentication.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of istiod's composition over generated sets of PeerAuthentications: the result is
 * never UNSET; it does not depend on the order the policies are listed in (only on their creation
 * order); policies of other namespaces never matter; the oldest workload policy that sets a mode
 * decides the workload's mode when it is the oldest workload policy.
 */
class PeerAuthenticationProperties {
  private static final Map<String, String> POD = Map.of("app", "reviews", "version", "v1");
  private static final List<Map<String, String>> SELECTORS = List.of(Map.of(), Map.of("app", "reviews"),
      Map.of("version", "v1"), Map.of("app", "ratings"), Map.of("app", "reviews", "version", "v2"));

  @Provide
  Arbitrary<List<PeerAuthentication>> policies() {
    Arbitrary<PeerAuthentication> one = Combinators.combine(
        Arbitraries.of("default", "istio-system", "prod"),
        Arbitraries.of(SELECTORS),
        Arbitraries.of(Mode.class),
        Arbitraries.of(Mode.class).optional(),
        Arbitraries.integers().between(0, 1000))
        .as((ns, selector, mode, port, order) -> new PeerAuthentication(new ObjectMeta("pa" + order, ns, order),
            selector, mode, selector.isEmpty() || port.isEmpty() ? Map.of() : Map.of(9080, port.get())));
    return one.list().ofMaxSize(8);
  }

  private static PeerAuthenticationPolicy resolve(List<PeerAuthentication> all) {
    return PeerAuthenticationPolicy.resolve(new MtlsSettings(all, true, "istio-system"), "default", POD);
  }

  @Property(tries = 300)
  void neverUnsetAndIndependentOfListOrderAndOfOtherNamespaces(@ForAll("policies") List<PeerAuthentication> all) {
    PeerAuthenticationPolicy p = resolve(all);
    assertNotEquals(Mode.UNSET, p.modeFor(9080));
    assertNotEquals(Mode.UNSET, p.modeFor(8080));
    assertNotEquals(Mode.UNSET, p.namespaceMode());
    List<PeerAuthentication> reversed = new ArrayList<>(all);
    Collections.reverse(reversed);
    if (distinctOrders(all)) {
      assertEquals(p, resolve(reversed));
    }
    List<PeerAuthentication> here = all.stream().filter(pa -> !pa.meta().namespace().equals("prod")).toList();
    assertEquals(p, resolve(here));
  }

  @Property(tries = 300)
  void theOldestMatchingWorkloadPolicyWithAModeDecidesTheWorkload(@ForAll("policies") List<PeerAuthentication> all) {
    if (!distinctOrders(all)) {
      return;
    }
    PeerAuthentication oldest = all.stream()
        .filter(pa -> pa.meta().namespace().equals("default") && pa.hasSelector()
            && PeerAuthenticationPolicy.selects(pa, POD))
        .min(java.util.Comparator.comparingInt(pa -> pa.meta().order())).orElse(null);
    if (oldest != null && oldest.mode() != Mode.UNSET) {
      assertEquals(oldest.mode(), resolve(all).mode());
    }
  }

  private static boolean distinctOrders(List<PeerAuthentication> all) {
    return all.stream().map(pa -> pa.meta().order()).distinct().count() == all.size();
  }
}
