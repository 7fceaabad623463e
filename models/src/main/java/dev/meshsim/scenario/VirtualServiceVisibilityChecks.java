package dev.meshsim.scenario;

import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Root VirtualServices that a namespace calling their hosts does not see, warned about at load time
 * as {@link RuleVisibilityChecks} does for DestinationRules: istiod gives a proxy only the
 * VirtualServices exported to its namespace ({@code exportTo}: {@code .}, {@code *}, names; the
 * mesh's {@code defaultVirtualServiceExportTo} when absent; istio {@code push_context.go}
 * {@code initVirtualServices}), so calls from elsewhere take the default route, or an older
 * VirtualService for the host that they do see.
 */
final class VirtualServiceVisibilityChecks {

  /** One root VirtualService as applied, and where its name is written. */
  record Ref(VirtualService virtualService, YamlNode nameNode) {}

  private VirtualServiceVisibilityChecks() {}

  static void warn(List<Ref> refs, List<ServiceSpec> services, List<LoadSpec> loads, Warnings warnings) {
    if (refs.stream().allMatch(r -> r.virtualService().exportTo().isEmpty())) {
      return;
    }
    Map<String, Set<String>> callers = RuleVisibilityChecks.callersByService(services, loads);
    for (Ref ref : refs) {
      VirtualService vs = ref.virtualService();
      if (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh")) {
        continue; // not for sidecars at all: warned about where it is bound
      }
      for (String host : vs.hosts()) {
        String fqdn = host.contains(".") || host.startsWith("*") ? host
            : host + "." + vs.meta().namespace() + ".svc.cluster.local";
        for (String client : callers.getOrDefault(fqdn, Set.of())) {
          if (!vs.exportedTo(client)) {
            warnings.add(ref.nameNode(), "VirtualService " + vs.meta().namespace() + "/" + vs.meta().name()
                + " does not apply to calls to " + fqdn + " from namespace " + client + ": its exportTo "
                + vs.exportTo() + " does not include " + client + "; there the calls take the default route");
          }
        }
      }
    }
  }
}
