package dev.meshsim.istio;

import java.util.List;
import java.util.Map;

/**
 * One match block of a {@code tcp} route ({@code L4MatchAttributes}) or a {@code tls} route ({@code
 * TLSMatchAttributes}), istio {@code networking/v1alpha3/virtual_service.proto}. Its conditions
 * AND together; a route's blocks OR.
 *
 * @param sniHosts {@code sniHosts} (TLS routes only; required there), as written
 * @param destinationSubnets {@code destinationSubnets}, as written (CIDRs or IPs)
 * @param port {@code port}, or null for any
 * @param sourceLabels {@code sourceLabels}: which proxies get the route
 * @param sourceNamespace {@code sourceNamespace}, or null
 * @param gateways {@code gateways}; empty means the VirtualService's own
 */
public record L4Match(List<String> sniHosts, List<String> destinationSubnets, Integer port,
    Map<String, String> sourceLabels, String sourceNamespace, List<String> gateways) {

  public L4Match {
    sniHosts = List.copyOf(sniHosts);
    destinationSubnets = List.copyOf(destinationSubnets);
    sourceLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sourceLabels));
    gateways = List.copyOf(gateways);
  }
}
