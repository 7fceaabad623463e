package dev.meshsim.scenario;

import dev.meshsim.scenario.KubeObjects.ProxyOverrides;
import dev.meshsim.scenario.KubeObjects.Rollout;
import dev.meshsim.scenario.KubeObjects.Workload;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload object (Deployment, StatefulSet, ReplicaSet or Pod) reduced to what the simulation
 * uses: replicas, the pod template's labels and annotations, named container ports, hostNetwork,
 * readiness probes' {@code initialDelaySeconds}, {@code proxy.istio.io/config} and the update
 * strategy. Everything else is left unread.
 */
final class WorkloadReader {

  static final String PROXY_CONFIG = "proxy.istio.io/config";
  /** The ProxyConfig fields meshsim models per pod; others are warned about. */
  static final List<String> PROXY_FIELDS = List.of("holdApplicationUntilProxyStarts", "terminationDrainDuration");
  /**
   * ProxyConfig fields with no effect on traffic, accepted without a word: which Envoy stats are
   * exposed (the Istio docs' fortio client for the circuit-breaking task sets it).
   */
  static final List<String> PROXY_FIELDS_WITHOUT_EFFECT = List.of("proxyStatsMatcher");

  private WorkloadReader() {}

  static Workload read(String kind, String name, String namespace, YamlMap m, YamlNode nameNode, Warnings warnings) {
    boolean pod = kind.equals("Pod");
    YamlMap spec = m.required("spec").asMap();
    YamlMap template = pod ? m : spec.required("template").asMap();
    YamlMap podMeta = template.optional("metadata").map(YamlNode::asMap).orElse(null);
    YamlMap podSpec = pod ? spec : template.required("spec").asMap();
    Map<String, String> labels = podMeta == null ? Map.of() : podMeta.stringMap("labels");
    Map<String, String> annotations = podMeta == null ? Map.of() : podMeta.stringMap("annotations");
    if (!pod) {
      checkSelector(spec, labels);
    }
    // Kubernetes' default is 1; meshsim's bound per Deployment is the same as in a scenario's services.
    int replicas = pod ? 1 : spec.optional("replicas").map(n -> n.asInt(0, ScenarioLimits.MAX_REPLICAS)).orElse(1);
    ProxyOverrides proxy = podMeta == null ? ProxyOverrides.NONE : proxyOverrides(podMeta, warnings);
    return new Workload(kind, name, namespace, replicas, labels, annotations, containerPorts(podSpec),
        podSpec.bool("hostNetwork", false), readinessDelaySeconds(podSpec), proxy, rollout(kind, spec, warnings),
        controller(m.required("metadata").asMap()), nameNode);
  }

  /** The controlling owner, {@code kind/name}, of an object a controller created; null otherwise. */
  private static String controller(YamlMap meta) {
    for (YamlNode ref : meta.list("ownerReferences")) {
      YamlMap r = ref.asMap();
      if (r.bool("controller", false)) {
        return r.string("kind") + "/" + r.string("name");
      }
    }
    return null;
  }

  /** apps/v1 requires a selector, and the API server rejects one the template's labels do not match. */
  private static void checkSelector(YamlMap spec, Map<String, String> labels) {
    YamlMap selector = spec.required("selector").asMap();
    Map<String, String> match = selector.stringMap("matchLabels");
    for (Map.Entry<String, String> e : match.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        throw selector.required("matchLabels").asMap().required(e.getKey())
            .fail("selector does not match template labels (Kubernetes rejects it): the pod template has "
                + e.getKey() + "=" + labels.getOrDefault(e.getKey(), "(none)"));
      }
    }
  }

  /** Named container ports of every container, for Service targetPorts that name one. */
  private static Map<String, Integer> containerPorts(YamlMap podSpec) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (YamlNode c : podSpec.required("containers").asList().requireSize(1, "container").items()) {
      for (YamlNode p : c.asMap().list("ports")) {
        YamlMap pm = p.asMap();
        int number = pm.required("containerPort").asInt(1, 65535);
        pm.optional("name").ifPresent(n -> ports.putIfAbsent(n.asString(), number));
      }
    }
    return ports;
  }

  /**
   * The largest readiness probe {@code initialDelaySeconds} of the containers (a pod is Ready when
   * every container is), or null when no probe sets one above 0.
   */
  private static Integer readinessDelaySeconds(YamlMap podSpec) {
    Integer delay = null;
    for (YamlNode c : podSpec.required("containers").asList().items()) {
      YamlNode probe = c.asMap().get("readinessProbe");
      if (probe != null) {
        int d = probe.asMap().integer("initialDelaySeconds", 0, 0);
        if (d > 0 && (delay == null || d > delay)) {
          delay = d;
        }
      }
    }
    return delay;
  }

  /**
   * {@code proxy.istio.io/config}: a ProxyConfig in YAML or JSON that overrides the mesh's default
   * for this pod (istio {@code pkg/config/mesh} {@code ApplyProxyConfig}).
   */
  private static ProxyOverrides proxyOverrides(YamlMap podMeta, Warnings warnings) {
    YamlNode annotations = podMeta.get("annotations");
    YamlNode node = annotations == null ? null : annotations.asMap().get(PROXY_CONFIG);
    if (node == null) {
      return ProxyOverrides.NONE;
    }
    YamlMap config;
    try {
      List<YamlNode> docs = YamlReader.read(node.asString(), node.position().toString());
      if (docs.isEmpty()) {
        return ProxyOverrides.NONE;
      }
      config = docs.get(0).asMap();
    } catch (YamlException e) {
      throw node.fail(PROXY_CONFIG + " is not a valid ProxyConfig: " + e.problem()
          + (e.path().isEmpty() ? "" : " (at " + e.path() + ")"));
    }
    for (String key : config.keys()) {
      if (!PROXY_FIELDS.contains(key) && !PROXY_FIELDS_WITHOUT_EFFECT.contains(key)) {
        warnings.add(node, PROXY_CONFIG + " field " + key + " is not modelled per pod; ignored");
      }
    }
    try {
      Boolean hold = config.optional("holdApplicationUntilProxyStarts").map(YamlNode::asBool).orElse(null);
      Long drain = config.optional("terminationDrainDuration").map(Fields::duration).orElse(null);
      return new ProxyOverrides(hold, drain);
    } catch (YamlException e) {
      throw node.fail(PROXY_CONFIG + ": " + e.path() + ": " + e.problem());
    }
  }

  /**
   * The limits a timeline {@code rollout} of this workload uses: a Deployment's
   * {@code strategy.rollingUpdate} (Kubernetes' defaults 25%/25% when absent); a StatefulSet
   * replaces one pod at a time, deleting before creating ({@code updateStrategy.rollingUpdate.maxUnavailable},
   * default 1). Null when Kubernetes' Deployment defaults apply.
   */
  private static Rollout rollout(String kind, YamlMap spec, Warnings warnings) {
    if (kind.equals("StatefulSet")) {
      YamlMap rolling = spec.optional("updateStrategy").map(YamlNode::asMap)
          .flatMap(u -> u.optional("rollingUpdate")).map(YamlNode::asMap).orElse(null);
      IntOrPercent unavailable = rolling == null ? new IntOrPercent(1, false)
          : rolling.optional("maxUnavailable").map(TimelineBinder::intOrPercent).orElse(new IntOrPercent(1, false));
      return new Rollout(new IntOrPercent(0, false), unavailable);
    }
    YamlMap strategy = kind.equals("Deployment") ? spec.optional("strategy").map(YamlNode::asMap).orElse(null) : null;
    if (strategy == null) {
      return null;
    }
    if (strategy.string("type", "RollingUpdate").equals("Recreate")) {
      warnings.add(strategy.required("type"), "strategy Recreate is not modelled; a timeline rollout of this"
          + " Deployment replaces its pods with maxSurge 0, maxUnavailable 100%, without waiting for the old"
          + " pods to be gone");
      return new Rollout(new IntOrPercent(0, false), new IntOrPercent(100, true));
    }
    YamlMap rolling = strategy.optional("rollingUpdate").map(YamlNode::asMap).orElse(null);
    if (rolling == null) {
      return null;
    }
    IntOrPercent surge = rolling.optional("maxSurge").map(TimelineBinder::intOrPercent).orElse(IntOrPercent.QUARTER);
    IntOrPercent unavailable =
        rolling.optional("maxUnavailable").map(TimelineBinder::intOrPercent).orElse(IntOrPercent.QUARTER);
    if (surge.value() == 0 && unavailable.value() == 0) {
      throw rolling.fail("maxSurge and maxUnavailable cannot both be 0 (Kubernetes rejects it)");
    }
    return new Rollout(surge, unavailable);
  }
}
