package dev.meshsim.mesh;

import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.workload.PodFactory;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.ExternalHost;
import dev.meshsim.app.FailureMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenario's servers outside the mesh ({@code external}): one pod each, without a sidecar, in
 * the pseudo-namespace {@code external}, whose app answers every request after the host's latency
 * without queueing (the internet and a provider's fleet are not the bottleneck being studied).
 */
final class ExternalServers {
  /** Namespace of the external pods; no Kubernetes namespace may be named so in a scenario's mesh. */
  static final String NAMESPACE = "external";
  /** Concurrency of an external server: high enough never to queue. */
  private static final int WORKERS = 1 << 30;

  private ExternalServers() {}

  static List<Pod> start(List<ExternalHost> hosts, PodFactory pods, ServiceRegistry registry) {
    List<Pod> started = new ArrayList<>();
    for (ExternalHost host : hosts) {
      DeploymentSpec spec = new DeploymentSpec(host.deploymentName(), Map.of(), 1, WORKERS, host.latency(),
          FailureMode.NONE, List.of());
      Pod pod = pods.newAppPod(host.deploymentName() + "-0", NAMESPACE, spec);
      pod.setOutsideMesh();
      registry.addExternal(host.host(), host.ports(), pod);
      started.add(pod);
    }
    return started;
  }
}
