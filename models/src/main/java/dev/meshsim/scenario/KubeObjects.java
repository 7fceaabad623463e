package dev.meshsim.scenario;

import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of Kubernetes objects meshsim reads, as {@link KubernetesReader} takes them from the
 * manifests; every record keeps its YAML node so that later checks can point at the manifest.
 */
final class KubeObjects {

  private KubeObjects() {}

  /** A {@code v1 Namespace}: only its labels matter (sidecar injection). */
  record Namespace(String name, Map<String, String> labels, YamlMap node) {
    Namespace {
      labels = copy(labels);
    }
  }

  /**
   * One {@code spec.ports[]} entry of a Service.
   *
   * @param targetPort the node of {@code targetPort}, or null when absent (then it is {@code port})
   */
  record ServicePort(String name, int port, IstioProtocol protocol, YamlNode targetPort, YamlMap node) {}

  /**
   * A {@code v1 Service}.
   *
   * @param selector {@code spec.selector}; empty when absent (Kubernetes then manages no endpoints)
   */
  record Service(String name, String namespace, List<ServicePort> ports, Map<String, String> selector,
      YamlMap node) {
    Service {
      ports = List.copyOf(ports);
      selector = copy(selector);
    }

    String fqdn() {
      return name + "." + namespace + ".svc.cluster.local";
    }
  }

  /**
   * A workload: a Deployment, StatefulSet, ReplicaSet or bare Pod, reduced to its pod template.
   *
   * @param containerPorts named {@code containerPorts} of every container, name to number
   * @param readinessDelaySeconds the largest readiness probe {@code initialDelaySeconds}, or null
   * @param proxy what {@code proxy.istio.io/config} sets, or {@link ProxyOverrides#NONE}
   * @param rollout {@code strategy.rollingUpdate} as a timeline rollout takes it, or null for the default
   * @param controller the {@code kind/name} of the controller in {@code metadata.ownerReferences}
   *     (what {@code kubectl get -o yaml} shows on a Deployment's ReplicaSets and Pods), or null
   * @param nameNode {@code metadata.name}, where problems with the workload are reported
   */
  record Workload(String kind, String name, String namespace, int replicas, Map<String, String> podLabels,
      Map<String, String> podAnnotations, Map<String, Integer> containerPorts, boolean hostNetwork,
      Integer readinessDelaySeconds, ProxyOverrides proxy, Rollout rollout, String controller, YamlNode nameNode) {
    Workload {
      podLabels = copy(podLabels);
      podAnnotations = copy(podAnnotations);
      containerPorts = copy(containerPorts);
    }

    String key() {
      return namespace + "/" + name;
    }
  }

  /** The pod's {@code proxy.istio.io/config} fields meshsim models; null where not set. */
  record ProxyOverrides(Boolean holdApplicationUntilProxyStarts, Long terminationDrainNanos) {
    static final ProxyOverrides NONE = new ProxyOverrides(null, null);
  }

  /** A rolling update's limits, as a timeline {@code rollout} of this workload defaults to them. */
  record Rollout(IntOrPercent maxSurge, IntOrPercent maxUnavailable) {}

  private static <V> Map<String, V> copy(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
