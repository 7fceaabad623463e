/**
 * Envoy's route model as a sidecar holds it after RDS: {@link
 * dev.meshsim.mesh.routing.RouteConfiguration}, virtual hosts, routes with their matchers, weighted
 * clusters, retry, fault and mirror policies, direct replies (redirect, direct response), the
 * {@code tcp_proxy} of TCP and TLS ports ({@link dev.meshsim.mesh.routing.TcpProxyRoute}), and the
 * request attributes a match reads.
 *
 * <p>May use the engine's random streams, the scenario records and the Istio API records it is
 * built from. Used by the xDS layer (which builds it) and the data path (which matches on it).
 */
package dev.meshsim.mesh.routing;
