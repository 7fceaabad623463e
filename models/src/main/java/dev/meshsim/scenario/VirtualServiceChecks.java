package dev.meshsim.scenario;

import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load-time, positioned form of what sidecars do with the hosts of the initial
 * VirtualServices: a host that is no Service of the scenario builds no routes, and a host already
 * claimed by an older VirtualService is dropped, since sidecars do not merge VirtualServices (istio
 * {@code pilot/pkg/networking/core/httproute.go}, "duplicate domain"). VirtualServices bound only to
 * gateways do not apply to sidecars and are not checked.
 */
final class VirtualServiceChecks {

  /** One {@code spec.hosts[i]} of a VirtualService that applies to sidecars. */
  record HostRef(String vsName, String host, String fqdn, YamlNode node) {}

  private VirtualServiceChecks() {}

  /** The sidecar hosts of {@code vs}, bound from {@code spec}. */
  static List<HostRef> hosts(VirtualService vs, YamlMap spec) {
    List<HostRef> out = new ArrayList<>();
    if (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh")) {
      return out;
    }
    String name = vs.meta().namespace() + "/" + vs.meta().name();
    List<YamlNode> nodes = spec.required("hosts").asList().items();
    for (YamlNode node : nodes) {
      String host = node.asString();
      out.add(new HostRef(name, host, IstioChecks.istioFqdn(host, vs.meta().namespace()), node));
    }
    return out;
  }

  /** Warns about each host, in creation order of the VirtualServices. */
  static void warn(List<HostRef> refs, ServiceDirectory services, Warnings warnings) {
    Map<String, String> claimedBy = new LinkedHashMap<>();
    for (HostRef ref : refs) {
      if (ref.host().contains("*")) {
        warnings.add(ref.node(), "wildcard host " + ref.host() + ": meshsim matches VirtualService hosts to"
            + " services exactly; these routes are not simulated");
      } else if (!services.contains(ref.fqdn())) {
        String expanded = ref.fqdn().equals(ref.host()) ? "" : " (" + ref.fqdn() + ")";
        warnings.add(ref.node(), "host " + ref.host() + expanded + " is no service of this scenario; the routes"
            + " of VirtualService " + ref.vsName() + " for it are not simulated");
      } else {
        String first = claimedBy.putIfAbsent(ref.fqdn(), ref.vsName());
        if (first != null && !first.equals(ref.vsName())) {
          warnings.add(ref.node(), "VirtualService " + ref.vsName() + " is ignored for host " + ref.fqdn()
              + " on sidecars: " + first + " is older and sidecars do not merge VirtualServices");
        }
      }
    }
  }
}
