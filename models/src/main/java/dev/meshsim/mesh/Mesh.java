package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.xds.ConfigGenerator;
import dev.meshsim.mesh.xds.ProxyIdentity;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.MeshSettings;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated world of one run: its clock, random streams, services and pods, and the config
 * istiod gives each sidecar. Built once from a {@link Scenario}.
 */
final class Mesh {
  private final Simulation sim = new Simulation();
  private final RandomStreams streams;
  private final MeshSettings settings;
  private final ServiceRegistry registry = new ServiceRegistry();
  private final MeshStats stats;
  private final List<Pod> pods = new ArrayList<>();
  private final List<LoadGenerator> loads = new ArrayList<>();
  private final ConfigGenerator configs;
  private final IstioProfile profile;

  Mesh(Scenario scenario) {
    this.streams = new RandomStreams(scenario.seed());
    this.settings = scenario.mesh();
    this.stats = new MeshStats(scenario.warmupNanos(), sim);
    this.profile = IstioProfile.CURRENT;
    for (ServiceSpec service : scenario.services()) {
      registry.addService(service);
      for (DeploymentSpec deployment : service.deployments()) {
        addDeployment(service, deployment);
      }
    }
    // istiod generates config once every service pod is known (clusters list their endpoints).
    this.configs = new ConfigGenerator(registry, scenario.istio(), profile);
    List.copyOf(pods).forEach(this::addSidecar);
    for (LoadSpec load : scenario.loads()) {
      Pod client = newPod(load.name(), load.namespace(), load.labels());
      loads.add(new LoadGenerator(load, client, this, scenario.durationNanos()));
      if (load.sidecar()) {
        addSidecar(client);
      }
    }
  }

  private void addDeployment(ServiceSpec service, DeploymentSpec deployment) {
    for (int i = 0; i < deployment.replicas(); i++) {
      Pod pod = newPod(deployment.name() + "-" + i, service.namespace(), deployment.labels());
      pod.attachApp(new App(pod, deployment, this));
      registry.addPod(service, pod);
    }
  }

  private Pod newPod(String name, String namespace, Map<String, String> labels) {
    int n = pods.size() + 1;
    String ip = "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    Pod pod = new Pod(this, name, namespace, labels, ip);
    pods.add(pod);
    return pod;
  }

  /** Injects a sidecar, unless the mesh runs without proxies ({@code sidecar.enabled: false}). */
  private void addSidecar(Pod pod) {
    if (!settings.sidecarEnabled()) {
      return;
    }
    ProxyIdentity identity = new ProxyIdentity(pod.namespace(), pod.labels());
    pod.attachSidecar(new Sidecar(pod, this, configs.configFor(identity)));
  }

  Simulation sim() {
    return sim;
  }

  RandomStreams streams() {
    return streams;
  }

  MeshSettings settings() {
    return settings;
  }

  ServiceRegistry registry() {
    return registry;
  }

  /** The Istio release whose defaults apply. */
  IstioProfile profile() {
    return profile;
  }

  MeshStats stats() {
    return stats;
  }

  List<LoadGenerator> loads() {
    return loads;
  }

  /** Every pod created so far, in creation order (gone ones included). */
  List<Pod> pods() {
    return List.copyOf(pods);
  }

  List<String> warnings() {
    return configs.warnings();
  }
}
