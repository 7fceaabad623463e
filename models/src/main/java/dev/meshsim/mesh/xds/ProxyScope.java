package dev.meshsim.mesh.xds;

import dev.meshsim.istio.HttpMirror;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.HttpRouteDestination;
import dev.meshsim.istio.SidecarScope;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.kube.ServiceRegistry;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one proxy sees of the mesh's config: the VirtualServices exported to its namespace ({@code
 * exportTo}, istio {@code push_context.go} {@code VirtualServicesForGateway}) that its Sidecar
 * imports, and the services it needs clusters for: those its Sidecar imports, plus those the
 * imported VirtualServices route to ({@code convertToSidecarScope} infers them, so that a route
 * never points at a cluster the scope left out).
 */
final class ProxyScope {
  private final SidecarScope scope;
  private final String namespace;
  private final VirtualServiceIndex index;
  private final Map<VirtualService, Boolean> visible = new IdentityHashMap<>();
  /** FQDNs imported VirtualServices route (or mirror) to; empty for the default scope. */
  private final Set<String> inferred = new LinkedHashSet<>();

  ProxyScope(SidecarScope scope, String namespace, VirtualServiceIndex index) {
    this.scope = scope;
    this.namespace = namespace;
    this.index = index;
    if (!scope.isDefault()) {
      for (VirtualService vs : index.sidecarVirtualServices()) {
        if (sees(vs)) {
          addDestinations(vs);
        }
      }
    }
  }

  /** Whether the proxy needs any cluster of this service. */
  boolean needsClusters(String fqdn, String serviceNamespace) {
    return scope.importsAnyPort(fqdn, serviceNamespace) || inferred.contains(fqdn);
  }

  /** Whether the proxy gets the clusters of this service port. */
  boolean needsCluster(String fqdn, String serviceNamespace, int port) {
    return scope.imports(fqdn, serviceNamespace, port) || inferred.contains(fqdn);
  }

  /** Whether a ServiceEntry host is in scope (cluster and virtual host). */
  boolean importsEntry(String host, String entryNamespace, int port) {
    return scope.imports(host, entryNamespace, port) || inferred.contains(host);
  }

  /** The VirtualService that builds the virtual host of {@code fqdn} for this proxy, or null. */
  VirtualService virtualServiceFor(String fqdn) {
    return index.forHost(fqdn, this::sees);
  }

  /** Whether the proxy's scope imports {@code vs} (exported to its namespace, and its Sidecar imports it). */
  boolean sees(VirtualService vs) {
    return visible.computeIfAbsent(vs, v -> v.exportedTo(namespace)
        && scope.importsVirtualService(v.meta().namespace(), resolvedHosts(v)));
  }

  private static List<String> resolvedHosts(VirtualService vs) {
    return vs.hosts().stream().map(h -> ServiceRegistry.resolveIstioHost(h, vs.meta().namespace())).toList();
  }

  private void addDestinations(VirtualService vs) {
    for (HttpRoute route : vs.http()) {
      for (HttpRouteDestination d : route.route()) {
        inferred.add(ServiceRegistry.resolveIstioHost(d.destination().host(), vs.meta().namespace()));
      }
      for (HttpMirror m : route.mirrors()) {
        inferred.add(ServiceRegistry.resolveIstioHost(m.destination().host(), vs.meta().namespace()));
      }
    }
  }
}
