package dev.meshsim.scenario;

import dev.meshsim.istio.Destination;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.ObjectMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The ReferenceGrant check of an HTTPRoute attached to a Gateway, as istiod makes it (istio {@code
 * pilot/pkg/config/kube/gateway/conversion.go}, {@code buildDestination}): a backendRef to a
 * Service of another namespace that no ReferenceGrant there allows is invalid — the route's {@code
 * ResolvedRefs} condition is False with reason {@code RefNotPermitted} — and istiod keeps it as an
 * empty destination with its weight ({@code buildHTTPDestination}: "gracefully drop invalid
 * backends"), which becomes Envoy's cluster {@code UnknownService} ({@code route.go}, {@code
 * GetDestinationCluster}). No proxy has that cluster, and routes of Gateway API semantics answer a
 * missing cluster with 500 ({@code applyHTTPRouteDestination}: {@code cluster_not_found_response_code:
 * INTERNAL_SERVER_ERROR}), so exactly that backend's share of the rule's traffic gets {@code 500 NC}.
 *
 * <p>istiod enforces grants only for Gateway parents ({@code route_collections.go} converts with
 * {@code enforceRefGrant = !mesh}); a mesh (GAMMA) route's backendRefs are not checked.
 */
final class BackendGrantCheck {

  private final ReferenceGrants grants;
  private final Warnings warnings;
  /** The backendRefs already warned about: a route attached to several Gateways is said once. */
  private final Set<Object> warned = Collections.newSetFromMap(new IdentityHashMap<>());

  BackendGrantCheck(ReferenceGrants grants, Warnings warnings) {
    this.grants = grants;
    this.warnings = warnings;
  }

  /**
   * {@code rules} of the HTTPRoute {@code route} with each backend it may not refer to replaced by
   * Istio's empty destination (weight kept); each such backendRef warned about where it is written.
   *
   * @param refs the route's backendRefs with where each is written, in the order the rules list them
   */
  List<HttpRoute> enforce(ObjectMeta route, List<HttpRoute> rules, List<VirtualServiceBinder.DestinationRef> refs) {
    for (VirtualServiceBinder.DestinationRef ref : refs) {
      if (!permitted(route, ref.destination()) && warned.add(ref.node())) {
        String[] target = serviceAndNamespace(ref.destination().host());
        warnings.add(ref.node(), "HTTPRoute " + route.namespace() + "/" + route.name() + ": backendRef to Service "
            + target[0] + " in namespace " + target[1] + " is not permitted: no ReferenceGrant in " + target[1]
            + " allows HTTPRoutes from namespace " + route.namespace() + " to refer to it (istiod: ResolvedRefs"
            + " False, reason RefNotPermitted); its share of the rule's traffic gets 500 NC at the gateway");
      }
    }
    List<HttpRoute> out = new ArrayList<>(rules.size());
    for (HttpRoute r : rules) {
      out.add(withRefusedBackends(route, r));
    }
    return out;
  }

  private HttpRoute withRefusedBackends(ObjectMeta route, HttpRoute r) {
    boolean changed = false;
    List<HttpRouteDestination> backends = new ArrayList<>(r.route().size());
    for (HttpRouteDestination d : r.route()) {
      if (permitted(route, d.destination())) {
        backends.add(d);
      } else {
        // istio buildDestination: &istio.Destination{} — no host, no port; the weight stays.
        backends.add(new HttpRouteDestination(new Destination("", null, null), d.weight(), d.headers()));
        changed = true;
      }
    }
    if (!changed) {
      return r;
    }
    return new HttpRoute(r.name(), r.match(), backends, r.timeoutNanos(), r.retries(), r.fault(), r.directReply(),
        r.mirrors(), r.delegate(), r.rewrite(), r.headers());
  }

  private boolean permitted(ObjectMeta route, Destination d) {
    if (d.host().isEmpty()) {
      return true; // already refused
    }
    String[] target = serviceAndNamespace(d.host());
    return grants.allowsHttpRouteToService(route.namespace(), target[0], target[1]);
  }

  /** {@code <name>.<namespace>.svc.cluster.local}, as {@link HttpRouteBinder} writes a backendRef's host. */
  private static String[] serviceAndNamespace(String fqdn) {
    String[] parts = fqdn.split("\\.", 3);
    return new String[] {parts[0], parts[1]};
  }
}
