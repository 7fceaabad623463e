package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.result.PodEvent;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.app.FailureMode;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.timeline.TimelineEvent.DeploymentRef;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes side of pods, as the timeline drives it: the Deployments ({@link Deployment}: the
 * ReplicaSet and Deployment controllers, replica count, scale, {@link RollingUpdate}) and kubelet
 * ({@link Kubelet}, {@link PodStartup}: containers starting in either order, startup crashes with
 * CrashLoopBackOff, readiness, graceful termination with Istio's drain, and kills).
 */
public final class Workloads {
  private final Timeline timeline;
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  private final PodEvents events;
  private final Kubelet kubelet;
  private final PodFactory pods;

  public Workloads(Timeline timeline, PodEvents events, Kubelet kubelet, PodFactory pods) {
    this.timeline = timeline;
    this.events = events;
    this.kubelet = kubelet;
    this.pods = pods;
  }

  /** A Deployment of the scenario, with the pods that run from time 0. */
  public void addDeployment(ServiceSpec service, DeploymentSpec spec, List<Pod> initialPods) {
    Deployment d = new Deployment(service, spec, timeline.lifecycleOf(service.namespace(), spec.name()), initialPods,
        pods, kubelet);
    deployments.put(key(service.namespace(), spec.name()), d);
  }

  /** Pod events so far, in time order. */
  public List<PodEvent> events() {
    return events.all();
  }

  Deployment deployment(DeploymentRef ref) {
    Deployment d = deployments.get(key(ref.namespace(), ref.name()));
    if (d == null) {
      throw new IllegalArgumentException("no deployment " + ref);
    }
    return d;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  // --- timeline actions ---

  public void scale(DeploymentRef ref, int replicas) {
    deployment(ref).scaleTo(replicas);
  }

  /** SIGKILL {@code count} pods, oldest first; the ReplicaSet replaces them at once. */
  public void kill(DeploymentRef ref, int count) {
    Deployment d = deployment(ref);
    for (Pod pod : d.oldestLive(count)) {
      kubelet.kill(d, pod);
    }
    d.reconcile();
  }

  /** Deletes {@code count} pods gracefully, oldest first; the ReplicaSet replaces them at once. */
  public void restart(DeploymentRef ref, int count) {
    Deployment d = deployment(ref);
    for (Pod pod : d.oldestLive(count)) {
      d.terminate(pod);
    }
    d.reconcile();
  }

  /** A rolling update replacing every pod. */
  public void rollout(DeploymentRef ref, IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    deployment(ref).startRollout(maxSurge, maxUnavailable);
  }

  /** Sets the app failure of the {@code count} oldest live pods (the timeline's {@code failure}). */
  public void failure(DeploymentRef ref, int count, FailureMode mode) {
    for (Pod pod : deployment(ref).oldestLive(count)) {
      pod.setFailure(mode);
      events.log(pod, mode.equals(FailureMode.NONE) ? "healed" : "failure set");
    }
  }

  /** The pods of a Deployment that exist and are not being deleted, oldest first. */
  List<Pod> livePods(DeploymentRef ref) {
    return deployment(ref).live();
  }
}
