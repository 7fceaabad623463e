package dev.meshsim.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** istiod's DestinationRule choice: namespaces in order, exportTo, the most specific host. */
class DestinationRuleLookupTest {

  private static final String REVIEWS = "reviews.default.svc.cluster.local";
  private int order;

  private DestinationRule rule(String name, String namespace, String host, String... exportTo) {
    return new DestinationRule(new ObjectMeta(name, namespace, order++), host, null, List.of(), List.of(exportTo));
  }

  private static List<String> names(List<DestinationRule> rules) {
    return rules.stream().map(r -> r.meta().namespace() + "/" + r.meta().name()).toList();
  }

  private static List<String> seen(List<DestinationRule> rules, String fqdn, String svcNs, String proxyNs) {
    return names(DestinationRuleLookup.rulesFor(rules, fqdn, svcNs, proxyNs));
  }

  @Test
  void theMostSpecificHostWinsWildcardsIncluded() {
    List<DestinationRule> rules = List.of(rule("all", "default", "*"), rule("local", "default", "*.local"),
        rule("ns", "default", "*.default.svc.cluster.local"), rule("exact", "default", "reviews"));
    assertEquals(List.of("default/exact"), seen(rules, REVIEWS, "default", "default"));
    assertEquals(List.of("default/ns"), seen(rules, "ratings.default.svc.cluster.local", "default", "default"));
    assertEquals(List.of("default/local"), seen(rules, "ratings.prod.svc.cluster.local", "prod", "default"));
    assertEquals(List.of("default/all"), seen(rules, "httpbin.org", "default", "default"));
  }

  @Test
  void theRootNamespacesWildcardAppliesWhenNothingCloserDoes() {
    List<DestinationRule> rules = List.of(rule("mesh-wide", "istio-system", "*.local"),
        rule("reviews", "default", "reviews"));
    assertEquals(List.of("default/reviews"), seen(rules, REVIEWS, "default", "prod"));
    assertEquals(List.of("istio-system/mesh-wide"), seen(rules, "ratings.default.svc.cluster.local", "default", "prod"));
  }

  @Test
  void exportToHidesARuleFromOtherNamespaces() {
    List<DestinationRule> rules = List.of(rule("private", "default", "reviews", "."));
    assertEquals(List.of("default/private"), seen(rules, REVIEWS, "default", "default"));
    assertEquals(List.of(), seen(rules, REVIEWS, "default", "prod"));
    List<DestinationRule> toProd = List.of(rule("to-prod", "default", "reviews", "prod"));
    assertEquals(List.of("default/to-prod"), seen(toProd, REVIEWS, "default", "prod"));
    assertEquals(List.of(), seen(toProd, REVIEWS, "default", "staging"));
    assertEquals(List.of(), seen(toProd, REVIEWS, "default", "default"), "exported to prod only, not to its own");
  }

  @Test
  void aRuleInAThirdNamespaceIsNeverConsulted() {
    List<DestinationRule> rules = List.of(rule("elsewhere", "tools", "reviews.default.svc.cluster.local"));
    assertEquals(List.of(), seen(rules, REVIEWS, "default", "prod"));
    assertEquals(List.of("tools/elsewhere"), seen(rules, REVIEWS, "default", "tools"));
  }

  @Test
  void theClientsNamespaceComesFirstAndRulesOfOneHostMergeInCreationOrder() {
    List<DestinationRule> rules = List.of(rule("svc", "default", "reviews"),
        rule("mine-a", "prod", "reviews.default.svc.cluster.local"),
        rule("mine-b", "prod", "reviews.default.svc.cluster.local"));
    assertEquals(List.of("prod/mine-a", "prod/mine-b"), seen(rules, REVIEWS, "default", "prod"));
    assertEquals(List.of("default/svc"), seen(rules, REVIEWS, "default", "staging"));
  }

  @Test
  void anInvisibleMostSpecificHostDoesNotFallBackToAWildcardOfTheSameNamespace() {
    List<DestinationRule> rules = List.of(rule("wide", "default", "*.default.svc.cluster.local"),
        rule("narrow", "default", "reviews", "staging"), rule("root", "istio-system", "*.local"));
    assertEquals(List.of("istio-system/root"), seen(rules, REVIEWS, "default", "prod"),
        "narrow is the exported match, and it is not exported to prod");
    List<DestinationRule> privateNarrow = List.of(rule("wide", "default", "*.default.svc.cluster.local"),
        rule("narrow", "default", "reviews", "."));
    assertEquals(List.of("default/wide"), seen(privateNarrow, REVIEWS, "default", "prod"),
        "a private rule is not in the exported index at all, so the wildcard is the match there");
  }

  @Test
  void aRootNamespaceProxyTakesRootPrivateRulesFirst() {
    List<DestinationRule> rules = List.of(rule("svc", "default", "reviews"),
        rule("root-private", "istio-system", "*.local", "."));
    assertEquals(List.of("istio-system/root-private"), seen(rules, REVIEWS, "default", "istio-system"));
    assertEquals(List.of("default/svc"), seen(rules, REVIEWS, "default", "prod"));
  }
}
