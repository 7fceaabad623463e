package dev.meshsim.scenario;

import dev.meshsim.istio.HttpDelegate;
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

  /** One {@code http[i].delegate} of a root VirtualService. */
  record DelegateRef(VirtualService root, HttpDelegate delegate, YamlNode node) {}

  private VirtualServiceChecks() {}

  /** The {@code delegate}s of {@code vs}'s http routes, bound from {@code spec}. */
  static List<DelegateRef> delegates(VirtualService vs, YamlMap spec) {
    List<DelegateRef> out = new ArrayList<>();
    List<YamlNode> nodes = spec.list("http");
    for (int i = 0; i < nodes.size(); i++) {
      HttpDelegate d = vs.http().get(i).delegate();
      if (d != null) {
        out.add(new DelegateRef(vs, d, nodes.get(i).asMap().required("delegate")));
      }
    }
    return out;
  }

  /**
   * Warns about delegations istiod drops (istio {@code mergeVirtualServicesIfNeeded}: "delegate
   * virtual service … not found", "… is not exported to …"): the named VirtualService does not exist,
   * has {@code hosts} (so it is a root, not a delegate), or its {@code exportTo} hides it from the
   * root's namespace.
   */
  static void warnDelegates(List<DelegateRef> refs, List<VirtualService> all, Warnings warnings) {
    for (DelegateRef ref : refs) {
      String ns = ref.delegate().namespaceOr(ref.root().meta().namespace());
      String key = ns + "/" + ref.delegate().name();
      VirtualService target = all.stream()
          .filter(v -> v.meta().namespace().equals(ns) && v.meta().name().equals(ref.delegate().name()))
          .findFirst().orElse(null);
      String root = ref.root().meta().namespace() + "/" + ref.root().meta().name();
      if (target == null) {
        warnings.add(ref.node(), "delegate VirtualService " + key + " of " + root + " not found; Istio drops this route");
      } else if (!target.isDelegate()) {
        warnings.add(ref.node(), "VirtualService " + key + " has hosts, so it is not a delegate; Istio drops this route");
      } else if (!target.exportedTo(ref.root().meta().namespace())) {
        warnings.add(ref.node(), "delegate VirtualService " + key + " is not exported to namespace "
            + ref.root().meta().namespace() + " (its exportTo); Istio drops this route");
      }
    }
  }

  /** The sidecar hosts of {@code vs}, bound from {@code spec}. */
  static List<HostRef> hosts(VirtualService vs, YamlMap spec) {
    List<HostRef> out = new ArrayList<>();
    if (!vs.gateways().isEmpty() && !vs.gateways().contains("mesh")) {
      return out;
    }
    String name = vs.meta().namespace() + "/" + vs.meta().name();
    List<YamlNode> nodes = spec.list("hosts");
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
      if (ref.host().contains("*") && !services.contains(ref.fqdn())) {
        // A wildcard that is itself a ServiceEntry host (*.wikipedia.org) names that entry exactly.
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
