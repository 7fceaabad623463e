package dev.meshsim.scenario;

import dev.meshsim.istio.Destination;
import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.Subset;
import java.util.List;

/**
 * Routing mistakes that Istio accepts but that fail at run time, reported as warnings: a route to
 * a host that is no Service, or to a subset no DestinationRule defines. Both make Envoy find no
 * cluster and answer 503 with flag NC (500 on an HTTPRoute's routes).
 */
final class IstioChecks {

  private IstioChecks() {}

  static void warnUnresolved(List<VirtualServiceBinder.DestinationRef> refs, List<DestinationRule> rules,
      ServiceDirectory services, Warnings warnings) {
    for (VirtualServiceBinder.DestinationRef ref : refs) {
      Destination d = ref.destination();
      String fqdn = istioFqdn(d.host(), ref.namespace());
      if (d.host().contains("*")) {
        continue; // wildcards are not Service names; nothing to check
      }
      if (!services.contains(fqdn)) {
        String expanded = fqdn.equals(d.host()) ? "" : " (" + fqdn + ")";
        warnings.add(ref.node(), "host " + d.host() + expanded + " is no service of this scenario"
            + dotHint(d.host()) + "; requests routed here will get " + missingClusterAnswer(ref));
      } else if (d.subset() != null && !subsetDefined(rules, fqdn, d.subset())) {
        warnings.add(ref.node(), "no DestinationRule for " + fqdn + " defines subset " + d.subset()
            + "; requests routed here will get " + missingClusterAnswer(ref));
      }
    }
  }

  /**
   * What Envoy answers a route to a cluster it lacks: 503, or 500 for an HTTPRoute's backendRef (istio
   * {@code applyHTTPRouteDestination} sets {@code cluster_not_found_response_code} on routes of Gateway
   * API semantics); HTTPRoute backendRefs are the references written under a {@code backendRefs} key.
   */
  private static String missingClusterAnswer(VirtualServiceBinder.DestinationRef ref) {
    return ref.node().path().contains("backendRefs[") ? "500 NC" : "503 NC";
  }

  /**
   * Istio expands only names without a dot ({@code reviews} in namespace {@code default} becomes
   * {@code reviews.default.svc.cluster.local}); any name with a dot is taken as a full host name.
   */
  static String istioFqdn(String host, String namespace) {
    return host.contains(".") ? host : host + "." + namespace + ".svc.cluster.local";
  }

  private static String dotHint(String host) {
    long dots = host.chars().filter(c -> c == '.').count();
    return dots == 1 || dots == 2
        ? " (Istio does not expand partly qualified names; write the short name or the FQDN)"
        : "";
  }

  /**
   * Approximates Istio's DR lookup (client, service, root namespace) by "any DR whose host, or
   * wildcard host, matches"; which clients do not see a rule is {@link RuleVisibilityChecks}' part.
   */
  private static boolean subsetDefined(List<DestinationRule> rules, String fqdn, String subset) {
    return rules.stream()
        .filter(r -> DestinationRuleLookup.matches(DestinationRuleLookup.resolvedHost(r), fqdn))
        .flatMap(r -> r.subsets().stream())
        .map(Subset::name)
        .anyMatch(subset::equals);
  }
}
