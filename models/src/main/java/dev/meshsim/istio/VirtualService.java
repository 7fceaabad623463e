package dev.meshsim.istio;

import java.util.List;

/**
 * A {@code networking.istio.io} VirtualService (v1alpha3, v1beta1 and v1 share this schema).
 *
 * @param meta name, namespace, read order
 * @param hosts {@code spec.hosts}, as written (short names resolve in {@code meta.namespace})
 * @param gateways {@code spec.gateways}; empty means {@code [mesh]}, i.e. every sidecar
 * @param http {@code spec.http}, in order: the first matching route wins
 * @param exportTo {@code spec.exportTo} as written ({@code .}, {@code *} or namespaces), or the mesh's
 *     {@code defaultVirtualServiceExportTo}; empty means every namespace. For a root, which proxies'
 *     namespaces see it; for a delegate, which roots may use it
 */
public record VirtualService(ObjectMeta meta, List<String> hosts, List<String> gateways, List<HttpRoute> http,
    List<String> exportTo) {

  public VirtualService {
    hosts = List.copyOf(hosts);
    gateways = List.copyOf(gateways);
    http = List.copyOf(http);
    exportTo = List.copyOf(exportTo);
  }

  /** A VirtualService exported to every namespace. */
  public VirtualService(ObjectMeta meta, List<String> hosts, List<String> gateways, List<HttpRoute> http) {
    this(meta, hosts, gateways, http, List.of());
  }

  /** A delegate: no {@code hosts}; only a root's {@code delegate} route brings its routes into use. */
  public boolean isDelegate() {
    return hosts.isEmpty();
  }

  /**
   * Whether proxies in {@code namespace} see this VirtualService, or a root there may delegate to
   * it: its {@code exportTo} (default every namespace; {@code .} is its own) contains {@code *} or
   * that namespace (istio {@code initVirtualServices}, {@code mergeVirtualServicesIfNeeded}).
   */
  public boolean exportedTo(String namespace) {
    return exportTo.isEmpty() || exportTo.contains("*") || exportTo.contains(namespace)
        || (exportTo.contains(".") && meta.namespace().equals(namespace));
  }
}
