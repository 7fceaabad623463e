package dev.meshsim.istio;

import java.util.List;

/**
 * A {@code networking.istio.io} VirtualService (v1alpha3, v1beta1 and v1 share this schema).
 *
 * @param meta name, namespace, read order
 * @param hosts {@code spec.hosts}, as written (short names resolve in {@code meta.namespace})
 * @param gateways {@code spec.gateways}; empty means {@code [mesh]}, i.e. every sidecar
 * @param http {@code spec.http}, in order: the first matching route wins
 */
public record VirtualService(ObjectMeta meta, List<String> hosts, List<String> gateways, List<HttpRoute> http) {

  public VirtualService {
    hosts = List.copyOf(hosts);
    gateways = List.copyOf(gateways);
    http = List.copyOf(http);
  }
}
