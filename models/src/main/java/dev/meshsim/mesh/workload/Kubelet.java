package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;

/**
 * kubelet: starts a pod's containers ({@link PodStartup}) and stops them, gracefully with Istio's
 * drain or at once when the pod is killed.
 *
 * <p>A deleted pod is withdrawn from the endpoints at once (published after the endpoints delay),
 * keeps serving while Envoy drains for {@code terminationDrainDuration}, then its Envoy and app exit
 * and what they still held is reset. A killed pod is gone at once.
 */
public final class Kubelet {
  private final Simulation sim;
  private final RandomStreams streams;
  private final PodEvents events;
  private final EndpointsController endpoints;
  private final SidecarInjector sidecars;

  public Kubelet(Simulation sim, RandomStreams streams, PodEvents events, EndpointsController endpoints,
      SidecarInjector sidecars) {
    this.sim = sim;
    this.streams = streams;
    this.events = events;
    this.endpoints = endpoints;
    this.sidecars = sidecars;
  }

  PodEvents events() {
    return events;
  }

  EndpointsController endpoints() {
    return endpoints;
  }


  /** A new pod of {@code d} is scheduled here: its containers start. */
  void start(Deployment d, Pod pod) {
    new PodStartup(this, sim, streams, sidecars, d, pod).begin();
  }

  /** Graceful deletion: out of the endpoints, Envoy drains, then the pod is gone. */
  void terminate(Deployment d, Pod pod) {
    pod.setTerminating();
    events.log(pod, "terminating");
    boolean wasReady = pod.ready();
    pod.setReady(false);
    if (wasReady) {
      endpoints.readinessChanged(pod, d.service(), false);
    }
    sim.schedule(d.lifecycle().terminationDrainNanos(), () -> {
      if (pod.exists()) {
        events.log(pod, "gone (drained)");
        gone(d, pod);
      }
    });
  }

  /** SIGKILL: the pod is gone at once. */
  void kill(Deployment d, Pod pod) {
    events.log(pod, "killed");
    gone(d, pod);
  }

  /** The pod stops existing: Envoy and app exit, what they held is reset. */
  private void gone(Deployment d, Pod pod) {
    boolean wasReady = pod.ready();
    pod.remove();
    sidecars.stop(pod);
    d.forget(pod);
    if (wasReady) {
      endpoints.readinessChanged(pod, d.service(), false);
    }
    d.reconcile();
  }
}
