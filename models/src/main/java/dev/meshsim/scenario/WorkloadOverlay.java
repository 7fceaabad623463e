package dev.meshsim.scenario;

import dev.meshsim.scenario.KubeObjects.Service;
import dev.meshsim.scenario.KubeObjects.Workload;
import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario's {@code workloads:} block: what a manifest cannot say about a workload (service
 * time, workers, calls, failures, locality), keyed by the workload's name ({@code name}, or
 * {@code namespace/name} when the name is in several namespaces). The keys mean what they mean in
 * {@code services[].deployments[]}.
 */
final class WorkloadOverlay {

  static final List<String> KEYS = List.of("workers", "serviceTime", "errorRate", "errorCode",
      "refuseConnections", "resetRate", "slowdown", "calls", "locality", "propagate",
      "listenAddress");

  /** Overlay entries by workload key (namespace/name). */
  private final Map<String, YamlMap> entries = new LinkedHashMap<>();

  WorkloadOverlay(YamlNode node, List<Workload> workloads, Set<String> running) {
    if (node == null) {
      return;
    }
    YamlMap m = node.asMap();
    Map<String, List<Workload>> byName = new LinkedHashMap<>();
    workloads.forEach(w -> byName.computeIfAbsent(w.name(), k -> new ArrayList<>()).add(w));
    for (String key : m.keys()) {
      YamlNode value = m.required(key);
      Workload w = find(m, key, workloads, byName);
      if (!running.contains(w.key())) {
        throw m.failAtKey(key, w.kind() + " " + w.name() + " is selected by no Service, so it does not run"
            + " in meshsim; add a Service whose selector matches its pod labels");
      }
      if (entries.putIfAbsent(w.key(), value.asMap().allowOnly(KEYS)) != null) {
        throw m.failAtKey(key, "workload " + w.key() + " is given twice");
      }
    }
  }

  private static Workload find(YamlMap m, String key, List<Workload> workloads, Map<String, List<Workload>> byName) {
    String namespace = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
    String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
    List<Workload> found = byName.getOrDefault(name, List.of()).stream()
        .filter(w -> namespace == null || w.namespace().equals(namespace))
        .toList();
    if (found.size() > 1 && found.stream().map(Workload::namespace).distinct().count() > 1) {
      throw m.failAtKey(key, "workload " + name + " exists in several namespaces; write namespace/" + name);
    }
    if (found.isEmpty()) {
      List<String> names = new ArrayList<>();
      workloads.forEach(w -> names.add(w.namespace().equals("default") ? w.name() : w.key()));
      throw m.failAtKey(key, "no manifest defines a workload " + YamlScalar.quote(key)
          + dedot(Suggestions.didYouMean(key, names)) + " Workloads: " + listed(names) + ".");
    }
    return found.get(0);
  }

  /** At most ten names, so that a typo in a large mesh stays one readable line. */
  private static String listed(List<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    String shown = String.join(", ", names.subList(0, Math.min(10, names.size())));
    return names.size() <= 10 ? shown : shown + " and " + (names.size() - 10) + " more";
  }

  private static String dedot(String hint) {
    return hint.isEmpty() ? "." : hint;
  }

  /** The Deployment the simulation runs for {@code w}, a workload of Service {@code s}. */
  DeploymentSpec deployment(Workload w, Service s, RequestBinder requests) {
    YamlMap m = entries.get(w.key());
    if (m == null) {
      throw w.nameNode().fail(w.kind() + " " + w.name() + " needs a service time: add it under workloads:"
          + " in the scenario, e.g. workloads: {" + w.name() + ": {serviceTime: 5ms}}");
    }
    return new DeploymentSpec(w.name(), w.podLabels(), w.replicas(), m.integer("workers", 1, 1),
        DistributionBinder.bind(m.required("serviceTime")), ServiceBinder.failure(m),
        requests.calls(m, s.namespace(), s.fqdn()), Fields.locality(m), ServiceBinder.listenAddress(m));
  }
}
