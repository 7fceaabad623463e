package dev.meshsim.mesh.workload;

import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.Distribution.Sampler;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.xds.ConvergenceTracker;
import dev.meshsim.mesh.xds.Istiod;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.ControlPlaneSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * Kubernetes' EndpointSlice controller and the watch that carries its updates: a pod's readiness
 * change reaches the published endpoints (which istiod and kube-proxy read) after the endpoints
 * delay, in order per pod, and istiod then gets an endpoint event ({@code EDSUpdate}).
 */
public final class EndpointsController {
  private final Simulation sim;
  private final ServiceRegistry registry;
  private final Istiod istiod;
  private final Sampler delay;
  private final Map<Pod, Long> lastPublished = new HashMap<>();

  public EndpointsController(Simulation sim, RandomStreams streams, ControlPlaneSettings settings, ServiceRegistry registry,
      Istiod istiod) {
    this.sim = sim;
    this.registry = registry;
    this.istiod = istiod;
    this.delay = settings.endpointsDelay().sampler(streams.stream("kubernetes/endpoints"));
  }

  /** Kubelet changed the pod's readiness (or the pod went away). */
  void readinessChanged(Pod pod, ServiceSpec service, boolean ready) {
    ConvergenceTracker.Change change =
        istiod.openChange("endpoints " + (ready ? "+" : "-") + pod.name(), false, 1);
    long at = Math.max(sim.now() + Math.max(0, Math.round(delay.sample())), lastPublished.getOrDefault(pod, 0L));
    lastPublished.put(pod, at);
    sim.scheduleAt(at, () -> {
      if (ready && !pod.exists()) {
        istiod.cancelChange(change);
        return; // it went away before its readiness was published
      }
      registry.setEndpoint(service.fqdn(), pod, ready);
      istiod.endpointsChanged(change, service.fqdn(), service.namespace());
      if (!pod.exists()) {
        lastPublished.remove(pod);
      }
    });
  }
}
