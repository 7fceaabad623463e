package dev.meshsim.mesh.routing;

import java.util.List;

/**
 * An Envoy virtual host of an outbound route configuration: the routes for one service on one port,
 * tried in order, first match wins.
 *
 * @param name Istio's name for it, {@code <fqdn>:<port>}
 * @param routes in order
 * @param fromVirtualService whether a VirtualService built it (else Istio's default route)
 */
public record VirtualHost(String name, List<Route> routes, boolean fromVirtualService) {

  public VirtualHost {
    routes = List.copyOf(routes);
  }

  /** The first route matching {@code request}, or null: Envoy answers {@code 404 NR}. */
  public Route match(RequestAttributes request) {
    for (Route r : routes) {
      if (r.matches(request)) {
        return r;
      }
    }
    return null;
  }
}
