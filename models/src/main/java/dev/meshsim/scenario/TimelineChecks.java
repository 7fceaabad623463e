package dev.meshsim.scenario;

import dev.meshsim.istio.IstioConfig;
import dev.meshsim.timeline.TimelineEvent;
import dev.meshsim.timeline.TimelineEvent.DeploymentRef;
import dev.meshsim.timeline.TimelineEvent.IstioObject;
import dev.meshsim.yaml.YamlNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Timeline actions that are valid but will not do what they say, found by replaying the timeline
 * at load time: a {@code delete} of an object that does not exist then ({@code kubectl delete}
 * fails with NotFound), and a {@code kill}, {@code restart} or {@code failure} of more pods than
 * the Deployment has then. Each is a warning at the action; the run goes on as the cluster would.
 */
final class TimelineChecks {
  private TimelineChecks() {}

  /**
   * @param events the timeline, in time order
   * @param nodes where each event was written
   */
  static void warn(List<TimelineEvent> events, Map<TimelineEvent, YamlNode> nodes, IstioConfig initial,
      List<ServiceSpec> services, Warnings warnings) {
    Set<String> objects = new HashSet<>(); // lookups only
    initial.virtualServices().forEach(vs -> objects.add(IstioObject.of(vs).key()));
    initial.destinationRules().forEach(dr -> objects.add(IstioObject.of(dr).key()));
    Map<DeploymentRef, Integer> replicas = new HashMap<>(); // lookups only
    for (ServiceSpec s : services) {
      s.deployments().forEach(d -> replicas.put(new DeploymentRef(s.namespace(), d.name()), d.replicas()));
    }
    for (TimelineEvent e : events) {
      YamlNode at = nodes.get(e);
      if (e instanceof TimelineEvent.Apply a) {
        a.objects().forEach(o -> objects.add(o.key()));
      } else if (e instanceof TimelineEvent.Delete d
          && !objects.remove(IstioObject.key(d.kind(), d.namespace(), d.name()))) {
        warnings.add(at, d.kind() + " " + d.namespace() + "/" + d.name() + " does not exist at this time"
            + " (kubectl delete would fail: NotFound); nothing is deleted");
      } else if (e instanceof TimelineEvent.Scale s) {
        replicas.put(s.deployment(), s.replicas());
      } else if (e instanceof TimelineEvent.Kill k) {
        tooMany(k.deployment(), k.pods(), replicas, at, "kill", warnings);
      } else if (e instanceof TimelineEvent.Restart r) {
        tooMany(r.deployment(), r.pods(), replicas, at, "restart", warnings);
      } else if (e instanceof TimelineEvent.Failure f) {
        tooMany(f.deployment(), f.pods(), replicas, at, "failure", warnings);
      }
    }
  }

  private static void tooMany(DeploymentRef deployment, int pods, Map<DeploymentRef, Integer> replicas, YamlNode at,
      String action, Warnings warnings) {
    int has = replicas.getOrDefault(deployment, 0);
    if (pods > has) {
      warnings.add(at, action + " of " + pods + " pods, but " + deployment + " has " + has
          + " replicas at this time; only those " + has + " are affected");
    }
  }
}
