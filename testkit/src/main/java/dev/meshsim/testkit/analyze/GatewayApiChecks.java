package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.testkit.analyze.Finding.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MSH0005: an HTTPRoute rule with a backendRef istiod found invalid — a Service of another namespace
 * that no ReferenceGrant lets the route refer to, for which the route's status says {@code
 * ResolvedRefs: False}, reason {@code RefNotPermitted}. istioctl analyze has no message for it (it is
 * route status, not an analyzer); istiod keeps the backend as an empty destination (istio {@code
 * conversion.go}, {@code buildDestination}), which is how it shows in the translated VirtualService.
 */
final class GatewayApiChecks {
  private GatewayApiChecks() {}

  /** @param predict false leaves out the impact, as for every check under {@code --no-impact} */
  static List<Finding> run(List<VirtualService> virtualServices, boolean predict) {
    List<Finding> out = new ArrayList<>();
    Set<String> said = new LinkedHashSet<>(); // one finding per rule, however many Gateways it attaches to
    for (VirtualService vs : virtualServices) {
      if (!vs.fromGatewayApi()) {
        continue;
      }
      String route = vs.meta().name().substring(0, vs.meta().name().indexOf('~'));
      for (HttpRoute rule : vs.http()) {
        long refused = 0;
        long total = 0;
        for (HttpRouteDestination d : rule.route()) {
          total += d.weight();
          refused += d.destination().host().isEmpty() ? d.weight() : 0;
        }
        boolean any = rule.route().stream().anyMatch(d -> d.destination().host().isEmpty());
        if (!any || !said.add(vs.meta().namespace() + "/" + route + "/" + rule.name())) {
          continue;
        }
        String share = rule.route().size() == 1 ? "every request of the rule"
            : refused + " of " + total + " weight (" + Math.round(100.0 * refused / total) + "%) of the rule's requests";
        out.add(new Finding(Level.Warning, "MSH0005", "HTTPRoute", vs.meta().namespace(), route,
            "Rule " + rule.name() + " has a backendRef not accessible to an HTTPRoute in namespace "
                + vs.meta().namespace() + " (missing a ReferenceGrant?): ResolvedRefs False, reason RefNotPermitted",
            predict ? share + " get 500 NC at the gateway" : null));
      }
    }
    return out;
  }
}
