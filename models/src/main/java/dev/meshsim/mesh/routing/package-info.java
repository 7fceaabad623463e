/**
 * Envoy's route model as a sidecar holds it after RDS: {@link
 * dev.meshsim.mesh.routing.RouteConfiguration}, virtual hosts, routes with their matchers ({@code
 * RouteMatcher}, {@code StringMatcher}, {@code HeaderMatcher}, {@code QueryParameterMatcher}: Envoy's
 * {@code RouteMatch} and its parts), weighted clusters, retry, fault and mirror policies, direct
 * replies (redirect, direct response), the {@code tcp_proxy} of TCP and TLS ports ({@link
 * dev.meshsim.mesh.routing.TcpProxyRoute}), and the request attributes a match reads.
 *
 * <p>Envoy's own records, never Istio's: istiod translates a VirtualService into them at the xDS
 * boundary ({@code mesh.xds}, {@code RouteMatchTranslation}), as the real istiod does. May use the
 * engine's random streams, the app's request records ({@code dev.meshsim.app}) and re2j; not {@code
 * dev.meshsim.istio}, the scenario or the xDS layer, which {@code PackageCyclesTest} checks. Used by
 * the xDS layer (which builds it) and the data path (which matches on it).
 */
package dev.meshsim.mesh.routing;
