package dev.meshsim.mesh;

import dev.meshsim.mesh.workload.Workloads;
import dev.meshsim.mesh.datapath.TimelineStats;
import dev.meshsim.mesh.workload.SidecarInjector;
import dev.meshsim.mesh.kube.ServiceRegistry;
import dev.meshsim.mesh.datapath.ProxyEnvironment;
import dev.meshsim.mesh.workload.PodFactory;
import dev.meshsim.mesh.workload.PodEvents;
import dev.meshsim.mesh.datapath.Pod;
import dev.meshsim.mesh.datapath.Network;
import dev.meshsim.mesh.datapath.MeshStats;
import dev.meshsim.mesh.app.LoadGenerator;
import dev.meshsim.mesh.workload.Kubelet;
import dev.meshsim.mesh.xds.IstioProfile;
import dev.meshsim.mesh.workload.EndpointsController;
import dev.meshsim.mesh.datapath.DataPathMetrics;
import dev.meshsim.engine.Simulation;
import dev.meshsim.engine.random.RandomStreams;
import dev.meshsim.mesh.xds.Istiod;
import dev.meshsim.scenario.DeploymentSpec;
import dev.meshsim.scenario.LoadSpec;
import dev.meshsim.scenario.MeshSettings;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ServiceSpec;
import dev.meshsim.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated world of one run, wired once from a {@link Scenario}: its clock, random streams,
 * services and pods, istiod and the Kubernetes controllers, and the timeline that changes them.
 * Each part gets the few collaborators it uses at construction, in an order that needs no second
 * wiring phase: the initial pods exist before istiod builds its first push context, and the
 * controllers are built on istiod.
 */
final class Mesh {
  private final Simulation sim = new Simulation();
  private final MeshStats stats;
  private final DataPathMetrics metrics = new DataPathMetrics();
  private final List<LoadGenerator> loads = new ArrayList<>();
  private final Timeline timeline;
  private final TimelineStats timelineStats;
  private final Istiod istiod;
  private final Workloads workloads;
  private final TimelineDriver driver;
  private final PodFactory pods;
  private final ServiceRegistry registry;
  private final long seed;
  private final boolean inboundToPodIp;
  private final long warmupNanos;

  Mesh(Scenario scenario, Timeline timeline) {
    RandomStreams streams = new RandomStreams(scenario.seed());
    MeshSettings settings = scenario.mesh();
    this.timeline = timeline;
    this.timelineStats = new TimelineStats(timeline.bucketNanos(), scenario.warmupNanos(),
        scenario.durationNanos(), timeline.events());
    this.stats = new MeshStats(scenario.warmupNanos(), sim, timelineStats, declaresPropagation(scenario));
    IstioProfile profile = IstioProfile.of(scenario.istioVersion());
    ServiceRegistry registry = new ServiceRegistry();
    this.registry = registry;
    this.seed = scenario.seed();
    this.inboundToPodIp = profile.inboundToPodIp();
    this.warmupNanos = scenario.warmupNanos();
    Network network = new Network();
    PodFactory pods = new PodFactory(sim, streams, settings, registry, network, stats);
    pods.setMtls(scenario.istio().mtls());
    this.pods = pods;
    List<List<Pod>> initialPods = new ArrayList<>();
    java.util.Set<Pod> plainPods = new java.util.HashSet<>();
    for (ServiceSpec service : scenario.services()) {
      registry.addService(service);
      for (DeploymentSpec deployment : service.deployments()) {
        List<Pod> running = startRunning(service, deployment, pods, registry);
        initialPods.add(running);
        if (!deployment.sidecar()) {
          plainPods.addAll(running);
        }
      }
    }
    List<Pod> externalPods = ExternalServers.start(scenario.externals(), pods, registry);
    IngressGateways.start(scenario.ingress(), pods, registry, sim);
    IngressGateways.start(scenario.egress(), pods, registry, sim);
    IngressGateways.start(scenario.gatewayWorkloads(), pods, registry, sim);
    // istiod's first push context once every service pod is known (clusters list their endpoints).
    this.istiod = Istiod.create(sim, streams, timeline.controlPlane(), registry, scenario.istio(), profile);
    EndpointsController endpoints = new EndpointsController(sim, streams, timeline.controlPlane(), registry, istiod);
    ProxyEnvironment proxies = new ProxyEnvironment(sim, streams, stats, metrics, network,
        settings.sidecarConcurrency(), profile.missingClusterFlag(), profile.inboundToPodIp(),
        settings.tlsHandshakeNanos(), profile.inboundConnectRetries());
    SidecarInjector sidecars = new SidecarInjector(settings.sidecarEnabled(), istiod, proxies);
    PodEvents events = new PodEvents(sim);
    Kubelet kubelet = new Kubelet(sim, streams, events, endpoints, sidecars);
    this.workloads = new Workloads(timeline, events, kubelet, pods);
    addDeployments(scenario, initialPods);
    pods.all().stream().filter(p -> !externalPods.contains(p) && !plainPods.contains(p))
        .forEach(sidecars::injectRunning);
    for (LoadSpec load : scenario.loads()) {
      Pod client = pods.newPod(load.name(), load.namespace(), load.labels(), load.locality());
      loads.add(new LoadGenerator(load, client, sim, stats, streams, scenario.durationNanos()));
      if (load.sidecar()) {
        sidecars.injectRunning(client);
      }
    }
    this.driver = new TimelineDriver(sim, streams, timeline, istiod, workloads);
  }

  /** Whether some app's call says which headers it copies: then the run counts traces. */
  private static boolean declaresPropagation(Scenario scenario) {
    return scenario.services().stream().flatMap(s -> s.deployments().stream())
        .flatMap(d -> d.calls().stream()).flatMap(step -> step.calls().stream())
        .anyMatch(call -> call.propagate() != null);
  }

  /** The pods of a Deployment that run from time 0, published as ready endpoints. */
  private static List<Pod> startRunning(ServiceSpec service, DeploymentSpec deployment, PodFactory pods,
      ServiceRegistry registry) {
    List<Pod> running = new ArrayList<>();
    for (int i = 0; i < deployment.replicas(); i++) {
      Pod pod = pods.newAppPod(deployment.name() + "-" + i, service.namespace(), deployment);
      registry.addPod(service, pod);
      running.add(pod);
    }
    return running;
  }

  private void addDeployments(Scenario scenario, List<List<Pod>> initialPods) {
    int next = 0;
    for (ServiceSpec service : scenario.services()) {
      for (DeploymentSpec deployment : service.deployments()) {
        workloads.addDeployment(service, deployment, initialPods.get(next++));
      }
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

  MeshStats stats() {
    return stats;
  }

  DataPathMetrics metrics() {
    return metrics;
  }

  List<LoadGenerator> loads() {
    return loads;
  }

  /** Every sidecar's access-log entries go to {@code listener} (call before the run). */
  void logAccess(dev.meshsim.result.ProxyLogListener listener) {
    stats.logAccess(new dev.meshsim.mesh.datapath.AccessLogRecorder(listener, seed, registry::clusterIp,
        inboundToPodIp, warmupNanos));
  }

  void observeXds(MeshSimulation.XdsObserver o) {
    istiod.observe(o::applied);
  }

  Istiod istiod() {
    return istiod;
  }

  /** Every pod created so far, in creation order. */
  List<Pod> pods() {
    return pods.all();
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
