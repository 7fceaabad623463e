package dev.meshsim.scenario;

import dev.meshsim.istio.DestinationRule;
import dev.meshsim.istio.IstioConfig;
import dev.meshsim.istio.ObjectMeta;
import dev.meshsim.istio.Subset;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Istio resources, inline ({@code istio:}) or from {@code istioFiles}, in the order read. Only
 * VirtualService and DestinationRule are modelled; other kinds are skipped with a warning so that a
 * real cluster's YAML can be used as is.
 */
final class IstioBinder {

  private static final Set<String> API_VERSIONS =
      Set.of("networking.istio.io/v1alpha3", "networking.istio.io/v1beta1", "networking.istio.io/v1");
  private static final List<String> MODELLED_KINDS = List.of("VirtualService", "DestinationRule");
  private static final List<String> DR_KEYS =
      List.of("host", "trafficPolicy", "subsets", "exportTo", "workloadSelector");

  private final Warnings warnings;
  private final TrafficPolicyBinder policies;
  private final List<VirtualService> virtualServices = new ArrayList<>();
  private final List<DestinationRule> destinationRules = new ArrayList<>();
  private final List<VirtualServiceBinder.DestinationRef> destinationRefs = new ArrayList<>();
  /** kind/namespace/name to where it was first defined: Kubernetes object names are unique. */
  private final Map<String, Position> defined = new LinkedHashMap<>();
  private final IstioVersion version;
  private int order;

  IstioBinder(Warnings warnings, IstioVersion version) {
    this.warnings = warnings;
    this.version = version;
    this.policies = new TrafficPolicyBinder(warnings, version);
  }

  /** Reads one resource (a document of an Istio file, or an item of {@code istio:}). */
  void add(YamlNode node) {
    YamlMap m = node.asMap();
    String kind = m.string("kind");
    int index = order++;
    if (!modelled(m.required("kind"), kind)) {
      return;
    }
    m.allowOnly("apiVersion", "kind", "metadata", "spec", "status");
    YamlNode api = m.required("apiVersion");
    if (!API_VERSIONS.contains(api.asString())) {
      throw api.expected("networking.istio.io/v1, v1beta1 or v1alpha3");
    }
    ObjectMeta meta = meta(m.required("metadata").asMap(), kind, index);
    YamlMap spec = m.required("spec").asMap();
    if (kind.equals("VirtualService")) {
      virtualServices.add(new VirtualServiceBinder(warnings, destinationRefs, version).bind(meta, spec));
    } else {
      destinationRules.add(destinationRule(meta, spec));
    }
  }

  /**
   * Whether meshsim models {@code kind}; an unmodelled kind is warned about, and a misspelt
   * modelled kind (VirtualServce) is an error rather than silently ignored.
   */
  private boolean modelled(YamlNode kindNode, String kind) {
    if (MODELLED_KINDS.contains(kind)) {
      return true;
    }
    String typo = Suggestions.closest(kind, MODELLED_KINDS);
    if (typo != null) {
      throw kindNode.fail("unknown kind " + YamlScalar.quote(kind) + "; did you mean " + YamlScalar.quote(typo) + "?");
    }
    warnings.add(kindNode, "kind " + kind + " is not modelled yet; ignored");
    return false;
  }

  /** Name and namespace; labels, annotations and the rest of metadata do not affect routing. */
  private ObjectMeta meta(YamlMap m, String kind, int index) {
    String name = KubeNames.objectName(m.required("name"));
    String namespace = m.optional("namespace").map(KubeNames::namespace).orElse("default");
    Position first = defined.putIfAbsent(kind + "/" + namespace + "/" + name, m.required("name").position());
    if (first != null) {
      throw m.required("name").fail(kind + " " + namespace + "/" + name + " is defined twice (first at "
          + first + ")");
    }
    return new ObjectMeta(name, namespace, index);
  }

  private DestinationRule destinationRule(ObjectMeta meta, YamlMap spec) {
    spec.allowOnly(DR_KEYS);
    warnings.notModelled(spec, "exportTo", "workloadSelector");
    String host = spec.string("host");
    TrafficPolicy policy = policies.bind(spec.get("trafficPolicy"));
    List<Subset> subsets = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (YamlNode node : spec.list("subsets")) {
      YamlMap s = node.asMap().allowOnly("name", "labels", "trafficPolicy");
      String name = KubeNames.subset(s.required("name"));
      if (!names.add(name)) {
        throw s.required("name").fail("subset " + name + " is defined twice in this DestinationRule");
      }
      subsets.add(new Subset(name, s.stringMap("labels"), policies.bind(s.get("trafficPolicy"))));
    }
    return new DestinationRule(meta, host, policy, subsets);
  }

  /**
   * The resources read so far, without the cross-resource checks: a timeline apply complements the
   * config in force when it happens, which only the run knows.
   */
  IstioConfig resources() {
    return new IstioConfig(virtualServices, destinationRules);
  }

  /** The resources read so far, after the cross-resource checks (which only warn). */
  IstioConfig build(ServiceDirectory services) {
    IstioChecks.warnUnresolved(destinationRefs, destinationRules, services, warnings);
    return new IstioConfig(virtualServices, destinationRules);
  }
}
