package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.istio.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which VirtualService builds the sidecar virtual host of each service. Sidecars do not merge
 * VirtualServices: for a host claimed by several, the oldest wins and the others are dropped with a
 * "duplicate domain" warning (istio {@code pilot/pkg/networking/core/httproute.go}). VirtualServices
 * bound only to gateways (no {@code mesh} in {@code gateways}) do not apply to sidecars. Delegates
 * are merged into their roots first ({@link VirtualServiceDelegation}), as istiod merges them.
 */
final class VirtualServiceIndex {
  private final Map<String, VirtualService> byHost = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final java.util.Set<String> serviceEntryHosts;

  /** {@code virtualServices} must be oldest first (creation order), as istiod's config store lists them. */
  VirtualServiceIndex(List<VirtualService> virtualServices, ServiceRegistry registry) {
    this(virtualServices, registry, java.util.Set.of());
  }

  /** @param serviceEntryHosts hosts ServiceEntries declare: a VirtualService may route them too */
  VirtualServiceIndex(List<VirtualService> virtualServices, ServiceRegistry registry,
      java.util.Set<String> serviceEntryHosts) {
    this.serviceEntryHosts = serviceEntryHosts;
    VirtualServiceDelegation delegation = new VirtualServiceDelegation(virtualServices);
    warnings.addAll(delegation.warnings());
    for (VirtualService vs : delegation.merged()) {
      if (!appliesToSidecars(vs)) {
        continue;
      }
      for (String host : vs.hosts()) {
        index(vs, ServiceRegistry.resolveIstioHost(host, vs.meta().namespace()), registry);
      }
    }
  }

  private void index(VirtualService vs, String fqdn, ServiceRegistry registry) {
    if (registry.service(fqdn) == null && !serviceEntryHosts.contains(fqdn)) {
      warnings.add("VirtualService " + vs.meta().namespace() + "/" + vs.meta().name()
          + ": host " + fqdn + " is not a service of this scenario; its routes are not simulated");
      return;
    }
    VirtualService first = byHost.putIfAbsent(fqdn, vs);
    if (first != null && first != vs) {
      warnings.add("VirtualService " + vs.meta().namespace() + "/" + vs.meta().name()
          + " is ignored for host " + fqdn + " on sidecars: " + first.meta().namespace() + "/"
          + first.meta().name() + " is older and sidecars do not merge VirtualServices");
    }
  }

  static boolean appliesToSidecars(VirtualService vs) {
    return vs.gateways().isEmpty() || vs.gateways().contains("mesh");
  }

  /** The VirtualService for a service FQDN, or null. */
  VirtualService forHost(String fqdn) {
    return byHost.get(fqdn);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
