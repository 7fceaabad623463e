package dev.meshsim.istio;

import java.util.List;

/**
 * A {@code tcp} or {@code tls} route of a VirtualService ({@code TCPRoute}, {@code TLSRoute}): the
 * first route whose match blocks select the connection sends it to one of its destinations, drawn
 * by weight once per connection (Envoy's {@code tcp_proxy} {@code weighted_clusters}).
 *
 * @param match the match blocks; empty matches every connection (tcp only: a tls route needs one)
 * @param route the destinations with their weights ({@code RouteDestination}: the shape of an
 *     http route's, without headers)
 */
public record L4Route(List<L4Match> match, List<HttpRouteDestination> route) {

  public L4Route {
    match = List.copyOf(match);
    route = List.copyOf(route);
  }
}
