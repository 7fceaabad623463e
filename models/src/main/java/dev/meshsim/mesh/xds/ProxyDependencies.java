package dev.meshsim.mesh.xds;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.DestinationRuleLookup;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.ServiceEntry;
import dev.meshsim.istio.Sidecar;
import dev.meshsim.istio.SidecarScope;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The config one proxy's xDS depends on, as istiod records it in the proxy's Sidecar scope (istio
 * {@code pilot/pkg/model/sidecar.go}: {@code convertToSidecarScope}, {@code collectImportedServices},
 * {@code selectDestinationRules}, {@code DependsOnConfig}) and checks it before each push ({@code
 * pilot/pkg/xds/proxy_dependencies.go}, {@code proxyDependentOnConfig}):
 *
 * <ul>
 *   <li>a sidecar depends on the Sidecar resource that selects it, on each VirtualService its
 *       egress listeners import, and for each service in its scope on that service's ServiceEntry
 *       and Endpoints keys and on the DestinationRules that apply to it from the proxy's namespace —
 *       with no Sidecar resource the scope imports {@code *} of every namespace, so every visible VirtualService and
 *       service counts;
 *   <li>a gateway ({@code model.Router}) depends on every config except Sidecars ({@code
 *       UnAffectedConfigKinds}); gateways see every service, so istiod's ServiceEntry visibility
 *       filter for them passes everything here.
 * </ul>
 *
 * Keys are {@link IstioObject#key} strings ({@code VirtualService ns/name}); an endpoints change is
 * {@code Endpoints <service namespace>/<fqdn>}, as istiod's {@code EDSUpdate} keys it.
 */
final class ProxyDependencies {
  static final String ENDPOINTS = "Endpoints";

  private final boolean gateway;
  private final Set<String> keys = new HashSet<>();
  /** Delegate VirtualServices: istiod reports their change as one of their roots'; taken as affecting all. */
  private final Set<String> delegates = new HashSet<>();
  /** With a workload-selecting ServiceEntry, endpoints of a Service may be an entry's too: taken as affecting all. */
  private final boolean endpointsAffectAll;

  ProxyDependencies(IstioConfig istio, ServiceRegistry registry, VirtualServiceIndex index, ProxyIdentity proxy) {
    this.gateway = !GatewayConfig.gatewaysOf(istio, proxy).isEmpty();
    this.endpointsAffectAll = istio.serviceEntries().stream().anyMatch(e -> !e.workloadSelector().isEmpty());
    for (VirtualService vs : istio.virtualServices()) {
      if (vs.isDelegate()) {
        delegates.add(IstioObject.key("VirtualService", vs.meta().namespace(), vs.meta().name()));
      }
    }
    if (!gateway) {
      collect(istio, registry, index, proxy);
    }
  }

  private void collect(IstioConfig istio, ServiceRegistry registry, VirtualServiceIndex index, ProxyIdentity proxy) {
    String namespace = proxy.namespace();
    Sidecar chosen = SidecarScope.choose(istio.sidecars(), namespace, proxy.labels());
    if (chosen != null) {
      keys.add(IstioObject.key("Sidecar", chosen.meta().namespace(), chosen.meta().name()));
    }
    ProxyScope view = new ProxyScope(SidecarScope.of(istio.sidecars(), namespace, proxy.labels()), namespace, index);
    for (VirtualService vs : index.sidecarVirtualServices()) {
      if (view.sees(vs)) {
        keys.add(IstioObject.key("VirtualService", vs.meta().namespace(), vs.meta().name()));
      }
    }
    for (ServiceSpec s : registry.services()) {
      if (view.needsClusters(s.fqdn(), s.namespace())) {
        addService(istio, s.fqdn(), s.namespace(), namespace);
      }
    }
    for (ServiceEntry entry : istio.serviceEntries()) {
      if (!entry.visibleFrom(namespace)) {
        continue;
      }
      for (String host : entry.hosts()) {
        if (entry.ports().stream().anyMatch(p -> view.importsEntry(host, entry.meta().namespace(), p.number()))) {
          addService(istio, host, entry.meta().namespace(), namespace);
        }
      }
    }
  }

  private void addService(IstioConfig istio, String host, String serviceNamespace, String proxyNamespace) {
    keys.add(IstioObject.key("ServiceEntry", serviceNamespace, host));
    keys.add(IstioObject.key(ENDPOINTS, serviceNamespace, host));
    for (DestinationRule dr : DestinationRuleLookup.rulesFor(istio.destinationRules(), host, serviceNamespace,
        proxyNamespace)) {
      keys.add(IstioObject.key("DestinationRule", dr.meta().namespace(), dr.meta().name()));
    }
  }

  /** istio {@code DependsOnConfig} (sidecars) or {@code proxyDependentOnConfig}'s Router case (gateways). */
  boolean dependsOn(String key) {
    if (gateway) {
      return !key.startsWith("Sidecar ");
    }
    if (delegates.contains(key) || (endpointsAffectAll && key.startsWith(ENDPOINTS + " "))) {
      return true;
    }
    return keys.contains(key);
  }
}
