package dev.meshsim.scenario;

import dev.meshsim.app.HttpRequestSpec;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scenario's {@code lifecycle} block: how the timeline's pods start and stop, for every
 * Deployment and, under {@code deployments}, for one ({@code name} or {@code namespace/name}).
 */
final class LifecycleBinder {
  static final List<String> LIFECYCLE_KEYS = List.of("sidecarStartup", "appStartup",
      "holdApplicationUntilProxyStarts", "readinessDelay", "terminationDrainDuration", "restartBackoff",
      "startupCalls");
  /** The block itself: the keys of one lifecycle, and {@code deployments}. */
  static final List<String> BLOCK_KEYS =
      Stream.concat(LIFECYCLE_KEYS.stream(), Stream.of("deployments")).toList();
  static final List<String> STARTUP_CALL_KEYS = List.of("target", "path", "method", "headers");

  /**
   * The bound block.
   *
   * @param defaults for every Deployment not listed
   * @param perDeployment keyed {@code namespace/name}, in file order
   */
  record Lifecycles(PodLifecycle defaults, Map<String, PodLifecycle> perDeployment) {}

  private final RequestBinder requests;
  private final DeploymentLookup deployments;

  LifecycleBinder(RequestBinder requests, DeploymentLookup deployments) {
    this.requests = requests;
    this.deployments = deployments;
  }

  Lifecycles bind(YamlNode lc) {
    PodLifecycle lifecycle = PodLifecycle.DEFAULTS;
    Map<String, PodLifecycle> perDeployment = new LinkedHashMap<>();
    if (lc == null) {
      return new Lifecycles(lifecycle, perDeployment);
    }
    YamlMap m = lc.asMap().allowOnly(BLOCK_KEYS);
    lifecycle = lifecycle(m, PodLifecycle.DEFAULTS, null);
    for (String name : m.optional("deployments").map(YamlNode::asMap).map(YamlMap::keys).orElse(Set.of())) {
      YamlMap dm = m.required("deployments").asMap();
      YamlNode node = dm.get(name);
      ServiceSpec service = deployments.serviceOf(node, name);
      String dname = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
      perDeployment.put(service.namespace() + "/" + dname,
          lifecycle(node.asMap().allowOnly(LIFECYCLE_KEYS), lifecycle, service));
    }
    if (!lifecycle.startupCalls().isEmpty()) {
      throw m.failAtKey("startupCalls", "startupCalls belong to a Deployment (lifecycle.deployments.<name>):"
          + " targets resolve from its namespace");
    }
    return new Lifecycles(lifecycle, perDeployment);
  }

  /** One lifecycle; absent keys keep {@code d}'s values. */
  private PodLifecycle lifecycle(YamlMap m, PodLifecycle d, ServiceSpec service) {
    List<HttpRequestSpec> calls = new ArrayList<>(d.startupCalls());
    if (m.has("startupCalls")) {
      calls.clear();
      for (YamlNode c : m.list("startupCalls")) {
        YamlMap cm = c.asMap().allowOnly(STARTUP_CALL_KEYS);
        String namespace = service == null ? "default" : service.namespace();
        calls.add(requests.request(cm, namespace));
      }
    }
    return new PodLifecycle(
        m.optional("sidecarStartup").map(DistributionBinder::bind).orElse(d.sidecarStartup()),
        m.optional("appStartup").map(DistributionBinder::bind).orElse(d.appStartup()),
        m.bool("holdApplicationUntilProxyStarts", d.holdApplicationUntilProxyStarts()),
        m.optional("readinessDelay").map(DistributionBinder::bind).orElse(d.readinessDelay()),
        Fields.duration(m, "terminationDrainDuration", d.terminationDrainNanos()),
        Fields.positiveDuration(m, "restartBackoff", d.restartBackoffNanos()),
        calls);
  }
}
