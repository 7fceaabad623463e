package dev.meshsim.istio;

import java.util.List;

/**
 * A {@code networking.istio.io} VirtualService (v1alpha3, v1beta1 and v1 share this schema).
 *
 * @param meta name, namespace, read order
 * @param hosts {@code spec.hosts}, as written (short names resolve in {@code meta.namespace})
 * @param gateways {@code spec.gateways}; empty means {@code [mesh]}, i.e. every sidecar
 * @param http {@code spec.http}, in order: the first matching route wins
 * @param tcp {@code spec.tcp}, in order (ports Istio treats as TCP; the first matching route wins)
 * @param tls {@code spec.tls}, in order (TLS and HTTPS ports, matched by SNI)
 * @param exportTo {@code spec.exportTo} as written ({@code .}, {@code *} or namespaces), or the mesh's
 *     {@code defaultVirtualServiceExportTo}; empty means every namespace. For a root, which proxies'
 *     namespaces see it; for a delegate, which roots may use it
 */
public record VirtualService(ObjectMeta meta, List<String> hosts, List<String> gateways, List<HttpRoute> http,
    List<String> exportTo, List<L4Route> tcp, List<L4Route> tls) {

  public VirtualService {
    hosts = List.copyOf(hosts);
    gateways = List.copyOf(gateways);
    http = List.copyOf(http);
    exportTo = List.copyOf(exportTo);
    tcp = List.copyOf(tcp);
    tls = List.copyOf(tls);
  }

  /** A VirtualService without {@code tcp} or {@code tls} routes. */
  public VirtualService(ObjectMeta meta, List<String> hosts, List<String> gateways, List<HttpRoute> http,
      List<String> exportTo) {
    this(meta, hosts, gateways, http, exportTo, List.of(), List.of());
  }

  /** This VirtualService with {@code routes} as its http routes (a delegation merge), the rest kept. */
  public VirtualService withHttp(List<HttpRoute> routes) {
    return new VirtualService(meta, hosts, gateways, routes, exportTo, tcp, tls);
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

  /**
   * Whether istiod made this VirtualService from a Gateway API HTTPRoute (meshsim names those {@code
   * <route>~<parent>}, a name no Kubernetes object can have): it then has Gateway API semantics, for
   * which istio's {@code model.UseGatewaySemantics} checks an internal annotation.
   */
  public boolean fromGatewayApi() {
    return meta.name().indexOf('~') >= 0;
  }
}
