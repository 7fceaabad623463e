package dev.meshsim.mesh.xds;

import dev.meshsim.istio.Destination;
import dev.meshsim.istio.HttpDelegate;
import dev.meshsim.istio.HttpMirror;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.kube.ServiceRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istiod's merge of delegate VirtualServices into their roots, done before any proxy's routes are
 * built (istio {@code pilot/pkg/model/virtualservice.go}, {@code mergeVirtualServicesIfNeeded}):
 * each root route with {@code delegate} is replaced, in place, by the delegate's routes merged with
 * it ({@link DelegateRouteMerge}); delegates themselves (no {@code hosts}) leave the list. A missing
 * delegate, or one not exported to the root's namespace, drops only that route, with a warning.
 */
final class VirtualServiceDelegation {
  private final List<VirtualService> merged = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** {@code virtualServices} in creation order; the merged list keeps that order. */
  VirtualServiceDelegation(List<VirtualService> virtualServices) {
    Map<String, VirtualService> delegates = new LinkedHashMap<>();
    for (VirtualService vs : virtualServices) {
      if (vs.isDelegate()) {
        delegates.put(vs.meta().namespace() + "/" + vs.meta().name(), vs);
      }
    }
    for (VirtualService vs : virtualServices) {
      if (!vs.isDelegate()) {
        merged.add(vs.http().stream().anyMatch(r -> r.delegate() != null) ? mergeRoot(vs, delegates) : vs);
      }
    }
  }

  private VirtualService mergeRoot(VirtualService root, Map<String, VirtualService> delegates) {
    List<HttpRoute> routes = new ArrayList<>();
    for (HttpRoute route : root.http()) {
      HttpDelegate ref = route.delegate();
      if (ref == null) {
        routes.add(route);
        continue;
      }
      String key = ref.namespaceOr(root.meta().namespace()) + "/" + ref.name();
      VirtualService child = delegates.get(key);
      if (child == null) {
        warnings.add("delegate VirtualService " + key + " of " + name(root) + " not found; istiod drops that route");
      } else if (!child.exportedTo(root.meta().namespace())) {
        warnings.add("delegate VirtualService " + key + " of " + name(root) + " is not exported to "
            + root.meta().namespace() + "; istiod drops that route");
      } else {
        for (HttpRoute childRoute : child.http()) {
          HttpRoute m = DelegateRouteMerge.merge(route, resolved(childRoute, child.meta().namespace()));
          if (m != null) {
            routes.add(m);
          }
        }
      }
    }
    return root.withHttp(routes);
  }

  /**
   * The delegate's destination short names resolved in the delegate's own namespace, as istiod
   * resolves every VirtualService's short names before merging ({@code resolveVirtualServiceShortnames}).
   */
  private static HttpRoute resolved(HttpRoute r, String namespace) {
    List<HttpRouteDestination> route = r.route().stream()
        .map(d -> new HttpRouteDestination(fqdn(d.destination(), namespace), d.weight())).toList();
    List<HttpMirror> mirrors = r.mirrors().stream()
        .map(m -> new HttpMirror(fqdn(m.destination(), namespace), m.percent())).toList();
    return new HttpRoute(r.name(), r.match(), route, r.timeoutNanos(), r.retries(), r.fault(), r.directReply(),
        mirrors, r.delegate());
  }

  private static Destination fqdn(Destination d, String namespace) {
    return new Destination(ServiceRegistry.resolveIstioHost(d.host(), namespace), d.subset(), d.port());
  }

  private static String name(VirtualService vs) {
    return vs.meta().namespace() + "/" + vs.meta().name();
  }

  /** The roots with their delegates merged in, and every VirtualService that delegates nothing. */
  List<VirtualService> merged() {
    return List.copyOf(merged);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
