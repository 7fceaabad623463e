package dev.meshsim.istio;

import java.util.List;

/**
 * One {@code HTTPRoute}: match conditions and weighted destinations.
 *
 * @param name the route's name (may be empty)
 * @param match OR of AND-blocks; empty matches everything
 * @param route weighted destinations
 */
public record HttpRoute(String name, List<HttpMatchRequest> match, List<HttpRouteDestination> route) {

  public HttpRoute {
    match = List.copyOf(match);
    route = List.copyOf(route);
  }
}
