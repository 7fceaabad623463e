package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.RequestTemplate;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.timeline.TimelineEvent.IntOrPercent;
import java.util.ArrayList;
import java.util.List;

/**
 * One Deployment and its ReplicaSets' pods, with the Deployment and ReplicaSet controllers' sync:
 * keep {@code desired} pods, or roll them over to new ones ({@link RollingUpdate}).
 */
public final class Deployment {
  private final ServiceSpec service;
  private final DeploymentSpec spec;
  private final PodLifecycle lifecycle;
  private final List<RequestTemplate> startupTemplates = new ArrayList<>();
  /** Every pod that still exists, terminating ones included, in creation order. */
  private final List<Pod> pods = new ArrayList<>();
  private int desired;
  private int nextIndex;
  private final PodFactory podFactory;
  private final Kubelet kubelet;
  /** The rollout in progress, if any. */
  private RollingUpdate rollout;
  private boolean reconciling;

  /** A Deployment whose {@code initialPods} run from time 0; it wants {@code spec.replicas()}. */
  Deployment(ServiceSpec service, DeploymentSpec spec, PodLifecycle lifecycle, List<Pod> initialPods,
      PodFactory podFactory, Kubelet kubelet) {
    this.service = service;
    this.spec = spec;
    this.lifecycle = lifecycle;
    this.podFactory = podFactory;
    this.kubelet = kubelet;
    this.desired = spec.replicas();
    this.pods.addAll(initialPods);
    this.nextIndex = initialPods.size();
    lifecycle.startupCalls().forEach(c -> startupTemplates.add(RequestTemplate.of(c)));
  }

  ServiceSpec service() {
    return service;
  }

  /** Whether this Deployment's pods get a sidecar (its spec's {@code sidecar}). */
  boolean withSidecar() {
    return spec.sidecar();
  }

  PodLifecycle lifecycle() {
    return lifecycle;
  }

  /** The startup call {@code index}, its template parsed once. */
  RequestTemplate startupTemplate(int index) {
    return startupTemplates.get(index);
  }

  /** The replica count asked for. */
  int desired() {
    return desired;
  }

  /** Sets the replica count and syncs (the timeline's {@code scale}). */
  void scaleTo(int replicas) {
    desired = replicas;
    reconcile();
  }

  /** The pods that exist and are not being deleted, oldest first. */
  List<Pod> live() {
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods) {
      if (!p.terminating()) {
        out.add(p);
      }
    }
    return out;
  }

  List<Pod> oldestLive(int count) {
    List<Pod> live = live();
    return live.subList(0, Math.min(count, live.size()));
  }

  /** Starts a rolling update replacing every live pod (a new one replaces any in progress). */
  void startRollout(IntOrPercent maxSurge, IntOrPercent maxUnavailable) {
    rollout = new RollingUpdate(this, maxSurge, maxUnavailable, live());
    reconcile();
  }

  /** The controllers' sync: bring the pods to what the Deployment asks for. */
  void reconcile() {
    if (reconciling) {
      return;
    }
    reconciling = true;
    try {
      if (rollout != null) {
        // The controller resyncs after each change it makes, so scaling one side down can let the
        // other scale up at once.
        RollingUpdate r = rollout;
        for (int i = 0; i < 1_000 && r.step(); i++) {
          // keep going
        }
        if (r.done()) {
          rollout = null;
        }
      } else {
        replicaSetStep(live());
      }
    } finally {
      reconciling = false;
    }
  }

  /** The pod is gone: it is no longer the Deployment's. */
  void forget(Pod pod) {
    pods.remove(pod);
    if (rollout != null) {
      rollout.forget(pod);
    }
  }

  /** The ReplicaSet controller creates a pod; kubelet starts it. */
  Pod createPod() {
    String name = spec.name() + "-" + nextIndex++;
    Pod pod = podFactory.newAppPod(name, service.namespace(), spec);
    pod.setReady(false);
    pods.add(pod);
    kubelet.start(this, pod);
    return pod;
  }

  /** Deletes the pod gracefully. */
  void terminate(Pod pod) {
    kubelet.terminate(this, pod);
  }

  /** A ReplicaSet: create the missing pods, delete the extra ones (unready first, then newest). */
  private void replicaSetStep(List<Pod> live) {
    for (int i = live.size(); i < desired; i++) {
      createPod();
    }
    int extra = live.size() - desired;
    for (Pod p : pickForScaleDown(live, extra)) {
      terminate(p);
    }
  }

  /** ReplicaSet scale-down order: not-ready pods first, then the newest. */
  static List<Pod> pickForScaleDown(List<Pod> candidates, int count) {
    List<Pod> order = new ArrayList<>();
    for (int i = candidates.size() - 1; i >= 0; i--) {
      if (!candidates.get(i).ready()) {
        order.add(candidates.get(i));
      }
    }
    for (int i = candidates.size() - 1; i >= 0; i--) {
      if (candidates.get(i).ready()) {
        order.add(candidates.get(i));
      }
    }
    return order.subList(0, Math.max(0, Math.min(count, order.size())));
  }
}
