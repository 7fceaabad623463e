package dev.meshsim.mesh.xds;

import dev.meshsim.istio.Gateway;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.routing.Route;
import dev.meshsim.mesh.routing.VirtualHost;
import dev.meshsim.mesh.upstream.ClusterConfig;
import dev.meshsim.scenario.PortSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of a gateway's Envoy, as istiod builds them ({@code pilot/pkg/networking/core/gateway.go}):
 * for each server of each Gateway whose {@code selector} matches the pod's labels, a listener on the
 * server's port and a virtual host per host of each VirtualService bound to that Gateway ({@code
 * gateways: [ns/name]} or {@code [name]} in the VirtualService's namespace) that the server's
 * {@code hosts} admit. Unlike sidecars, gateways merge VirtualServices for one host: their routes
 * are appended in creation order. No VirtualService bound: no virtual host, {@code 404 NR}.
 */
final class GatewayConfig {
  private GatewayConfig() {}

  /**
   * The Gateways ({@code ns/name}) whose selector matches {@code proxy}; empty for a sidecar. Only
   * proxies in {@code istio-system} (where the ingress and egress gateways run) and the pods of
   * Istio's automated Gateway API deployments (their {@code gateway-name} label) are taken for
   * gateways: an app's sidecar stays a sidecar whatever its labels.
   */
  static Set<String> gatewaysOf(IstioConfig istio, ProxyIdentity proxy) {
    Set<String> names = new LinkedHashSet<>();
    if (!proxy.namespace().equals(dev.meshsim.scenario.IngressGatewaySpec.NAMESPACE)
        && !proxy.labels().containsKey(dev.meshsim.scenario.GatewayWorkload.GATEWAY_NAME_LABEL)) {
      return names;
    }
    for (Gateway g : istio.gateways()) {
      if (!g.selector().isEmpty() && proxy.labels().entrySet().containsAll(g.selector().entrySet())) {
        names.add(g.qualifiedName());
      }
    }
    return names;
  }

  /** The listener ports of those Gateways. */
  static Set<Integer> ports(IstioConfig istio, Set<String> gateways) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (Gateway g : istio.gateways()) {
      if (gateways.contains(g.qualifiedName())) {
        g.servers().forEach(s -> ports.add(s.port()));
      }
    }
    return ports;
  }

  /** Whether {@code bound} (a VirtualService's or match's {@code gateways}) names one of {@code gateways}. */
  static boolean boundTo(List<String> bound, String vsNamespace, Set<String> gateways) {
    for (String name : bound) {
      String qualified = name.contains("/") ? name : vsNamespace + "/" + name;
      if (gateways.contains(qualified)) {
        return true;
      }
    }
    return false;
  }

  /** The gateway's virtual hosts by {@code host:port}. */
  static Map<String, VirtualHost> virtualHosts(IstioConfig istio, Set<String> gateways, ServiceRegistry registry,
      ProxyIdentity proxy, IstioProfile profile, Map<String, ClusterConfig> clusters) {
    RouteBuilder routes = new RouteBuilder(registry, proxy, profile, clusters, gateways);
    Map<String, List<Route>> merged = new LinkedHashMap<>();
    for (Gateway g : istio.gateways()) {
      if (!gateways.contains(g.qualifiedName())) {
        continue;
      }
      for (Gateway.Server server : g.servers()) {
        for (VirtualService vs : istio.virtualServices()) {
          // The gateway's proxy sees the VirtualServices exported to its namespace (VirtualServicesForGateway).
          if (!vs.exportedTo(proxy.namespace()) || !boundTo(vs.gateways(), vs.meta().namespace(), Set.of(g.qualifiedName()))) {
            continue;
          }
          for (String host : vs.hosts()) {
            if (admits(server, host, vs.meta().namespace())) {
              String key = host + ":" + server.port();
              merged.computeIfAbsent(key, k -> new ArrayList<>())
                  .addAll(routes.virtualHost(host, new PortSpec("", server.port()), vs).routes());
            }
          }
        }
      }
    }
    Map<String, VirtualHost> hosts = new LinkedHashMap<>();
    merged.forEach((key, list) -> hosts.put(key, new VirtualHost(key, list, true)));
    return hosts;
  }

  /** Whether a server's {@code hosts} ({@code [ns/]host}, wildcards allowed) admit a VirtualService host. */
  static boolean admits(Gateway.Server server, String host, String vsNamespace) {
    for (String entry : server.hosts()) {
      int slash = entry.indexOf('/');
      String ns = slash < 0 ? "*" : entry.substring(0, slash);
      String pattern = slash < 0 ? entry : entry.substring(slash + 1);
      boolean namespaceOk = ns.equals("*") || ns.equals(vsNamespace) || ns.equals(".");
      if (namespaceOk && matches(pattern, host)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String host) {
    if (pattern.equals("*") || pattern.equals(host)) {
      return true;
    }
    if (pattern.startsWith("*.")) {
      String suffix = pattern.substring(1);
      return host.endsWith(suffix) || host.startsWith("*.") && host.substring(1).endsWith(suffix);
    }
    return host.equals("*");
  }
}
