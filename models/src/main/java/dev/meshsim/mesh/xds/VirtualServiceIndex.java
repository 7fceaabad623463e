package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.istio.VirtualService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which VirtualService builds the sidecar virtual host of each service. Sidecars do not merge
 * VirtualServices: for a host claimed by several that a proxy sees, the oldest wins and the others
 * are dropped with a "duplicate domain" warning (istio {@code pilot/pkg/networking/core/httproute.go}).
 * Which ones a proxy sees is its namespace's business ({@code exportTo}, istio {@code
 * push_context.go} {@code initVirtualServices}) and its Sidecar's ({@code SelectVirtualServices}):
 * the caller says, per proxy. VirtualServices bound only to gateways (no {@code mesh} in {@code
 * gateways}) do not apply to sidecars. Delegates are merged into their roots first ({@link
 * VirtualServiceDelegation}), as istiod merges them.
 */
final class VirtualServiceIndex {
  /** Every VirtualService claiming each host, oldest first. */
  private final Map<String, List<VirtualService>> byHost = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final java.util.Set<String> serviceEntryHosts;
  /** The roots, delegates merged in, that apply to sidecars, oldest first. */
  private final List<VirtualService> sidecarVirtualServices = new ArrayList<>();

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
      sidecarVirtualServices.add(vs);
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
    List<VirtualService> claims = byHost.computeIfAbsent(fqdn, k -> new ArrayList<>());
    if (claims.contains(vs)) {
      return;
    }
    for (VirtualService older : claims) {
      if (ExportScope.overlap(older.meta().namespace(), older.exportTo(), vs.meta().namespace(), vs.exportTo())) {
        warnings.add("VirtualService " + vs.meta().namespace() + "/" + vs.meta().name()
            + " is ignored for host " + fqdn + " on sidecars: " + older.meta().namespace() + "/"
            + older.meta().name() + " is older and sidecars do not merge VirtualServices");
        break;
      }
    }
    claims.add(vs);
  }

  static boolean appliesToSidecars(VirtualService vs) {
    return vs.gateways().isEmpty() || vs.gateways().contains("mesh");
  }

  /** The VirtualService for a service FQDN that every proxy sees, or null. */
  VirtualService forHost(String fqdn) {
    return forHost(fqdn, vs -> true);
  }

  /** The oldest VirtualService for a service FQDN among those a proxy sees ({@code visible}), or null. */
  VirtualService forHost(String fqdn, Predicate<VirtualService> visible) {
    for (VirtualService vs : byHost.getOrDefault(fqdn, List.of())) {
      if (visible.test(vs)) {
        return vs;
      }
    }
    return null;
  }

  /** The roots (delegates merged in) that apply to sidecars, oldest first. */
  List<VirtualService> sidecarVirtualServices() {
    return sidecarVirtualServices;
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
