package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateway API {@code ReferenceGrant}s ({@code gateway.networking.k8s.io/v1beta1}): which objects of
 * other namespaces may refer to objects of the grant's own namespace. Read as istiod reads them
 * (istio {@code pilot/pkg/config/kube/gatewaycommon/references.go}, {@code ReferenceGrantsCollection}
 * and {@code BackendAllowed}): every {@code from} entry paired with every {@code to} entry; a
 * {@code to} without {@code name} allows every object of that kind; an entry of a kind istiod does
 * not use is skipped without an error (it may be for another controller).
 */
final class ReferenceGrants {

  static final String GATEWAY_GROUP = "gateway.networking.k8s.io";
  private static final int MAX_ENTRIES = 16; // the CRD's maxItems for from and to

  /** One from/to pair of one grant: kind refers from {@code fromNamespace} to {@code toNamespace}. */
  private record Pair(String fromGroup, String fromKind, String fromNamespace, String toGroup, String toKind,
      String toName, String toNamespace) {}

  private final List<Pair> pairs = new ArrayList<>();
  private int count;

  /** Reads one ReferenceGrant's {@code spec} in {@code namespace}; malformed entries are exit 2. */
  void add(String namespace, YamlMap spec) {
    spec.allowOnly("from", "to");
    List<YamlNode> from = entries(spec, "from");
    List<YamlNode> to = entries(spec, "to");
    count++;
    for (YamlNode f : from) {
      YamlMap fm = f.asMap().allowOnly("group", "kind", "namespace");
      String group = fm.required("group").asString();
      String kind = fm.required("kind").asNonEmptyString();
      String fromNamespace = KubeNames.namespace(fm.required("namespace"));
      for (YamlNode t : to) {
        YamlMap tm = t.asMap().allowOnly("group", "kind", "name");
        String name = tm.has("name") ? KubeNames.objectName(tm.required("name")) : null;
        pairs.add(new Pair(group, kind, fromNamespace, tm.required("group").asString(),
            tm.required("kind").asNonEmptyString(), name, namespace));
      }
    }
  }

  private static List<YamlNode> entries(YamlMap spec, String key) {
    YamlList list = spec.required(key).asList().requireSize(1, key + " entry");
    if (list.size() > MAX_ENTRIES) {
      throw spec.required(key).fail("at most " + MAX_ENTRIES + " entries (the ReferenceGrant schema's limit), not "
          + list.size());
    }
    return list.items();
  }

  /** How many ReferenceGrants were read. */
  int size() {
    return count;
  }

  /**
   * Whether an HTTPRoute in {@code routeNamespace} may send to the Service {@code name} in {@code
   * serviceNamespace}: the same namespace always may; another needs a grant there whose {@code from}
   * is {@code gateway.networking.k8s.io} HTTPRoute in the route's namespace and whose {@code to} is
   * the core group's ({@code ""}) Service, of that name or without one.
   */
  boolean allowsHttpRouteToService(String routeNamespace, String name, String serviceNamespace) {
    if (routeNamespace.equals(serviceNamespace)) {
      return true;
    }
    for (Pair p : pairs) {
      if (p.fromGroup().equals(GATEWAY_GROUP) && p.fromKind().equals("HTTPRoute")
          && p.fromNamespace().equals(routeNamespace) && p.toNamespace().equals(serviceNamespace)
          && p.toGroup().isEmpty() && p.toKind().equals("Service")
          && (p.toName() == null || p.toName().equals(name))) {
        return true;
      }
    }
    return false;
  }
}
