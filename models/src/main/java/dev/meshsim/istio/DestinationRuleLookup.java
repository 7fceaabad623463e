package dev.meshsim.istio;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which DestinationRules a proxy sees for a service, as istiod chooses them (istio
 * {@code pilot/pkg/model/push_context.go} {@code destinationRule}, {@code SetDestinationRules},
 * {@code getExportedDestinationRuleFromNamespace}; {@code MostSpecificHostMatch}):
 *
 * <ol>
 *   <li>the rules of the proxy's own namespace that are visible there (all but those exported only
 *       to other namespaces); for a proxy in the root namespace, its private rules;
 *   <li>else the service namespace's exported rules whose {@code exportTo} includes the proxy's
 *       namespace ({@code *}, empty = the mesh default {@code *}, or its name);
 *   <li>else the root namespace's ({@code istio-system}) exported rules, likewise.
 * </ol>
 *
 * In each namespace the host match is the most specific one: the exact FQDN, else the longest
 * wildcard ({@code *.default.svc.cluster.local} before {@code *.local} before {@code *}). Rules of one
 * namespace for the chosen host are returned in creation order, for the caller to merge (first
 * traffic policy, first definition of each subset). A short host resolves in the rule's namespace.
 */
public final class DestinationRuleLookup {

  public static final String ROOT_NAMESPACE = "istio-system";
  private static final String PUBLIC = "*";
  private static final String PRIVATE = ".";

  private DestinationRuleLookup() {}

  /** The rules for {@code fqdn} (a Service of {@code serviceNamespace}) seen by a proxy in {@code proxyNamespace}. */
  public static List<DestinationRule> rulesFor(List<DestinationRule> rules, String fqdn, String serviceNamespace,
      String proxyNamespace) {
    List<DestinationRule> local = proxyNamespace.equals(ROOT_NAMESPACE)
        ? mostSpecific(rules, fqdn, ROOT_NAMESPACE, r -> privateOnly(r))
        : mostSpecific(rules, fqdn, proxyNamespace, r -> visibleInOwnNamespace(r));
    if (!local.isEmpty()) {
      return local;
    }
    List<DestinationRule> fromService = exportedTo(rules, fqdn, serviceNamespace, proxyNamespace);
    return !fromService.isEmpty() ? fromService : exportedTo(rules, fqdn, ROOT_NAMESPACE, proxyNamespace);
  }

  /** The host a rule names, as istiod resolves it: a name without a dot is short for its namespace's FQDN. */
  public static String resolvedHost(DestinationRule rule) {
    String host = rule.host();
    return host.contains(".") || host.equals(PUBLIC) ? host : host + "." + rule.meta().namespace() + ".svc.cluster.local";
  }

  /** Whether a rule for {@code pattern} (an FQDN or a {@code *} wildcard) applies to {@code fqdn}. */
  public static boolean matches(String pattern, String fqdn) {
    if (pattern.equals(PUBLIC)) {
      return true;
    }
    return pattern.startsWith("*") ? fqdn.endsWith(pattern.substring(1)) : pattern.equals(fqdn);
  }

  /**
   * The exported rules of {@code owner} for the most specific host matching {@code fqdn}, kept if
   * exported to {@code client}; empty if none (the lookup then moves on, even when a less specific
   * host of the same namespace would have been visible, as istiod does).
   */
  private static List<DestinationRule> exportedTo(List<DestinationRule> rules, String fqdn, String owner,
      String client) {
    List<DestinationRule> out = new ArrayList<>();
    for (DestinationRule r : mostSpecific(rules, fqdn, owner, rule -> !privateOnly(rule))) {
      Set<String> to = Set.copyOf(r.exportTo());
      if (to.isEmpty() || to.contains(PUBLIC) || to.contains(client)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The rules of {@code namespace} admitted by {@code index} for the most specific host matching {@code fqdn}. */
  private static List<DestinationRule> mostSpecific(List<DestinationRule> rules, String fqdn, String namespace,
      java.util.function.Predicate<DestinationRule> index) {
    String best = null;
    for (DestinationRule r : rules) {
      String host = resolvedHost(r);
      if (r.meta().namespace().equals(namespace) && index.test(r) && matches(host, fqdn)
          && (best == null || moreSpecific(host, best))) {
        best = host;
      }
    }
    List<DestinationRule> out = new ArrayList<>();
    for (DestinationRule r : rules) {
      if (best != null && r.meta().namespace().equals(namespace) && index.test(r) && resolvedHost(r).equals(best)) {
        out.add(r);
      }
    }
    return out;
  }

  /** An exact host beats any wildcard; between wildcards, the longer suffix is the more specific. */
  private static boolean moreSpecific(String a, String b) {
    boolean aWild = a.startsWith("*");
    boolean bWild = b.startsWith("*");
    if (aWild != bWild) {
      return !aWild;
    }
    return a.length() > b.length();
  }

  /** In the namespace-local index: exported to every namespace, to its own, or by default. */
  private static boolean visibleInOwnNamespace(DestinationRule r) {
    Set<String> to = Set.copyOf(r.exportTo());
    return to.isEmpty() || to.contains(PUBLIC) || to.contains(PRIVATE) || to.contains(r.meta().namespace());
  }

  /** Exported to its own namespace only ({@code .} or its name, alone). */
  private static boolean privateOnly(DestinationRule r) {
    Set<String> to = Set.copyOf(r.exportTo());
    return to.size() == 1 && (to.contains(PRIVATE) || to.contains(r.meta().namespace()));
  }
}
