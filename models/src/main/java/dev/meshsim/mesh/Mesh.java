package dev.meshsim.mesh;

import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.xds.Istiod;
import dev.meshsim.mesh.xds.ProxyIdentity;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.Locality;
import dev.meshsim.scenario.MeshSettings;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.Timeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated world of one run: its clock, random streams, services and pods, istiod and the
 * Kubernetes controllers, and the timeline that changes them. Built once from a {@link Scenario}.
 */
final class Mesh {
  private final Simulation sim = new Simulation();
  private final RandomStreams streams;
  private final MeshSettings settings;
  private final ServiceRegistry registry = new ServiceRegistry();
  private final MeshStats stats;
  private final DataPathMetrics metrics = new DataPathMetrics();
  private final Network network = new Network();
  private final List<Pod> pods = new ArrayList<>();
  private final List<LoadGenerator> loads = new ArrayList<>();
  private final IstioProfile profile;
  private final Timeline timeline;
  private final Workloads workloads;
  private final Istiod istiod;
  private final TimelineDriver driver;
  private final TimelineStats timelineStats;
  private final Map<Pod, Istiod.Connection> connections = new HashMap<>();
  private int podsCreated;

  Mesh(Scenario scenario, Timeline timeline) {
    this.streams = new RandomStreams(scenario.seed());
    this.settings = scenario.mesh();
    this.timeline = timeline;
    this.timelineStats = new TimelineStats(timeline.bucketNanos(), scenario.warmupNanos(),
        scenario.durationNanos(), timeline.events());
    this.stats = new MeshStats(scenario.warmupNanos(), sim, timelineStats);
    this.profile = IstioProfile.of(scenario.istioVersion());
    this.workloads = new Workloads(this, timeline);
    for (ServiceSpec service : scenario.services()) {
      registry.addService(service);
      for (DeploymentSpec deployment : service.deployments()) {
        addDeployment(service, deployment);
      }
    }
    // istiod's first push context once every service pod is known (clusters list their endpoints).
    this.istiod = new Istiod(sim, streams, timeline.controlPlane(), registry, scenario.istio(), profile);
    EndpointsController endpoints = new EndpointsController(sim, streams, timeline.controlPlane(), registry, istiod);
    workloads.wire(endpoints, istiod);
    List.copyOf(pods).forEach(this::addRunningSidecar);
    for (LoadSpec load : scenario.loads()) {
      Pod client = newPod(load.name(), load.namespace(), load.labels(), load.locality());
      loads.add(new LoadGenerator(load, client, this, scenario.durationNanos()));
      if (load.sidecar()) {
        addRunningSidecar(client);
      }
    }
    this.driver = new TimelineDriver(sim, streams, timeline, istiod, workloads);
  }

  private void addDeployment(ServiceSpec service, DeploymentSpec deployment) {
    workloads.addDeployment(service, deployment);
    for (int i = 0; i < deployment.replicas(); i++) {
      Pod pod = newPod(deployment.name() + "-" + i, service.namespace(), deployment.labels(),
          deployment.locality());
      pod.attachApp(new App(pod, deployment, this));
      registry.addPod(service, pod);
      workloads.adoptRunning(service, deployment, pod);
    }
  }

  /** A new pod with the next address; pods are numbered in creation order. */
  Pod newPod(String name, String namespace, Map<String, String> labels, Locality locality) {
    int n = ++podsCreated;
    String ip = "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    Pod pod = new Pod(this, name, namespace, labels, ip, n, locality);
    pods.add(pod);
    network.add(pod);
    return pod;
  }

  /**
   * Injects a sidecar that runs from time 0 with istiod's first config, unless the mesh runs
   * without proxies ({@code sidecar.enabled: false}).
   */
  private void addRunningSidecar(Pod pod) {
    if (!settings.sidecarEnabled()) {
      return;
    }
    ProxyIdentity identity = ProxyIdentity.of(pod);
    Sidecar sidecar = new Sidecar(pod, this, istiod.initialConfig(identity));
    pod.attachSidecar(sidecar);
    connections.put(pod, istiod.connect(pod.name(), identity, sidecar.xds(), true));
  }

  /** Injects the sidecar of a pod that is starting: Envoy has no config until istiod answers it. */
  void injectStartingSidecar(Pod pod) {
    pod.attachSidecar(new Sidecar(pod, this, null));
  }

  void registerConnection(Pod pod, Istiod.Connection connection) {
    connections.put(pod, connection);
  }

  /** The pod's Envoy exited: it forgets its config and istiod closes its stream. */
  void stopSidecar(Pod pod) {
    Istiod.Connection c = connections.remove(pod);
    if (c != null) {
      istiod.disconnect(c);
    }
  }

  /** Starts the load generators' clocks and the timeline. */
  void start() {
    loads.forEach(LoadGenerator::start);
    driver.start();
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

  DataPathMetrics metrics() {
    return metrics;
  }

  Network network() {
    return network;
  }

  List<LoadGenerator> loads() {
    return loads;
  }

  /** Every pod created so far, in creation order (gone ones included). */
  List<Pod> pods() {
    return List.copyOf(pods);
  }

  void observeXds(MeshSimulation.XdsObserver o) {
    istiod.observe(o::applied);
  }

  Istiod istiod() {
    return istiod;
  }

  Workloads workloads() {
    return workloads;
  }

  TimelineStats timelineStats() {
    return timelineStats;
  }

  Timeline timeline() {
    return timeline;
  }

  List<String> warnings() {
    return istiod.warnings();
  }
}
