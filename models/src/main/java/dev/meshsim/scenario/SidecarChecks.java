package dev.meshsim.scenario;

import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.istio.OutboundTrafficPolicy;
import dev.meshsim.istio.ServiceEntry;
import dev.meshsim.istio.Sidecar;
import dev.meshsim.istio.SidecarScope;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load-time warnings about Sidecar resources, because the run only shows their effect: a call from
 * a workload to a service its Sidecar does not import (its proxy has no cluster or route for it, so
 * the call takes PassthroughCluster under ALLOW_ANY, without DestinationRules or VirtualServices, or
 * the {@code block_all} 502 under REGISTRY_ONLY), and a namespace with several Sidecars without a
 * {@code workloadSelector}, of which istiod uses the oldest (istioctl analyze's IST0110).
 */
final class SidecarChecks {
  private final List<Sidecar> sidecars;
  private final Map<Sidecar, YamlNode> names;
  private final List<ServiceEntry> entries;
  private final List<VirtualService> virtualServices;
  private final OutboundTrafficPolicy meshPolicy;
  private final Warnings warnings;

  SidecarChecks(List<Sidecar> sidecars, Map<Sidecar, YamlNode> names, List<ServiceEntry> entries,
      List<VirtualService> virtualServices, OutboundTrafficPolicy meshPolicy, Warnings warnings) {
    this.sidecars = sidecars;
    this.names = names;
    this.entries = entries;
    this.virtualServices = virtualServices;
    this.meshPolicy = meshPolicy;
    this.warnings = warnings;
  }

  void warn(List<ServiceSpec> services, List<LoadSpec> loads) {
    if (sidecars.isEmpty()) {
      return;
    }
    warnCompetingDefaults();
    Map<String, String> namespaceOfHost = new LinkedHashMap<>();
    services.forEach(s -> namespaceOfHost.put(s.fqdn(), s.namespace()));
    entries.forEach(e -> e.hosts().forEach(h -> namespaceOfHost.putIfAbsent(h, e.meta().namespace())));
    Set<String> said = new LinkedHashSet<>();
    for (ServiceSpec s : services) {
      for (DeploymentSpec d : s.deployments()) {
        for (CallStep step : d.calls()) {
          for (CallStep.Call call : step.calls()) {
            check("workload " + d.name(), s.namespace(), d.labels(), call.request(), namespaceOfHost, said);
          }
        }
      }
    }
    for (LoadSpec load : loads) {
      if (load.sidecar()) {
        check("load " + load.name(), load.namespace(), load.labels(), load.request(), namespaceOfHost, said);
      }
    }
  }

  private void check(String caller, String namespace, Map<String, String> labels, HttpRequestSpec request,
      Map<String, String> namespaceOfHost, Set<String> said) {
    String hostNamespace = namespaceOfHost.get(request.host());
    if (hostNamespace == null) {
      return; // not in the registry: the outbound policy decides, with or without a Sidecar
    }
    Sidecar sidecar = SidecarScope.choose(sidecars, namespace, labels);
    if (sidecar == null) {
      return;
    }
    SidecarScope scope = SidecarScope.of(sidecars, namespace, labels);
    String target = request.host() + ":" + request.port();
    if (scope.imports(request.host(), hostNamespace, request.port()) || importedVirtualService(scope, namespace,
        request.host()) || !said.add(caller + "|" + target)) {
      return;
    }
    boolean blocked = scope.outboundPolicy(meshPolicy) == OutboundTrafficPolicy.REGISTRY_ONLY;
    warnings.add(names.get(sidecar), "Sidecar " + sidecar.meta().namespace() + "/" + sidecar.meta().name()
        + " does not import " + target + " (of namespace " + hostNamespace + "), which " + caller
        + " (namespace " + namespace + ") calls: its proxy has no cluster or route for it, so "
        + (blocked ? "these calls are blocked by REGISTRY_ONLY (block_all's 502 where the proxy has an HTTP"
            + " listener on the port, BlackHoleCluster's closed connection where it has none)"
            : "these calls go through PassthroughCluster (ALLOW_ANY), without DestinationRules, VirtualServices"
            + " or retries; add " + hostNamespace + "/" + request.host() + " to egress.hosts"));
  }

  /** Whether an imported VirtualService the caller's namespace sees claims the host: it brings its virtual host. */
  private boolean importedVirtualService(SidecarScope scope, String namespace, String host) {
    for (VirtualService vs : virtualServices) {
      if (vs.isDelegate() || !vs.exportedTo(namespace) || (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh"))) {
        continue;
      }
      List<String> hosts = vs.hosts().stream().map(h -> h.contains(".") || h.startsWith("*") ? h
          : h + "." + vs.meta().namespace() + ".svc.cluster.local").toList();
      if (hosts.contains(host) && scope.importsVirtualService(vs.meta().namespace(), hosts)) {
        return true;
      }
    }
    return false;
  }

  private void warnCompetingDefaults() {
    Map<String, Sidecar> first = new LinkedHashMap<>();
    for (Sidecar s : sidecars) {
      if (!s.isNamespaceDefault()) {
        continue;
      }
      Sidecar older = first.putIfAbsent(s.meta().namespace(), s);
      if (older != null) {
        warnings.add(names.get(s), "namespace " + s.meta().namespace() + " has another Sidecar without"
            + " workloadSelector, " + older.meta().name() + ", which is older: istiod uses that one and ignores"
            + " this (istioctl analyze: IST0110 MultipleSidecarsWithoutWorkloadSelectors)");
      }
    }
  }
}
