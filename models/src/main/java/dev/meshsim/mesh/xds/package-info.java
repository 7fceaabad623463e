/**
 * istiod and xDS: {@code Istiod} (config store, debounced pushes, the push queue, delivery per
 * proxy; {@code ProxyDependencies}: which proxies a push concerns), {@code PushContext} and
 * {@code ConfigGenerator} (what each proxy gets: routes by {@code RouteBuilder} with {@code
 * RouteMatchTranslation} for the match blocks, clusters by {@code
 * ClusterPolicies}, gateways by {@code GatewayConfig}, egress by {@code EgressConfig}, which ports
 * are TCP and their {@code tcp_proxy} by {@code TcpListeners}, narrowed by the proxy's {@code
 * ProxyScope}: Sidecar and exportTo), {@code XdsClient} (a proxy's applied config,
 * with warming), convergence tracking, and {@code IstioProfile} (the defaults that changed between
 * Istio releases). Istio API records are translated into the Envoy model here, at the xDS
 * boundary, as istiod does.
 *
 * <p>May use {@code mesh.kube}, {@code mesh.routing}, {@code mesh.upstream}, {@code
 * mesh.streaminfo}, the Istio, scenario and timeline records, and the engine. Not the data path.
 */
package dev.meshsim.mesh.xds;
