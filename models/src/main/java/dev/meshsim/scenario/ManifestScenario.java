package dev.meshsim.scenario;

import dev.meshsim.engine.random.Distribution;
import dev.meshsim.scenario.KubeObjects.Rollout;
import dev.meshsim.scenario.KubeObjects.Workload;
import dev.meshsim.timeline.PodLifecycle;
import dev.meshsim.timeline.Timeline;
import dev.meshsim.yaml.SourceFiles;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scenario's Kubernetes side: {@code kubernetes} (inline objects), {@code kubernetesFiles} and
 * the {@code workloads} overlay, and what they change in the rest of the scenario: Services and
 * their pods, whether pods have sidecars ({@code mesh.sidecar.enabled}), per-workload lifecycle
 * ({@code proxy.istio.io/config}, readiness probes) and rollout limits. Istio objects found in these
 * files are handed to the Istio binder, ahead of {@code istio} and {@code istioFiles}.
 */
final class ManifestScenario {

  /** An Istio object met among the Kubernetes manifests, with the apply it came in. */
  record IstioObject(YamlMap node, int batch) {}

  private final YamlMap root;
  private final Warnings warnings;
  private final KubernetesReader reader;
  private final KubernetesBinder binder;
  private final List<IstioObject> istioObjects = new ArrayList<>();
  private final boolean none;
  private final int nextBatch;
  /** Whether {@code services:} has pods of its own (which have sidecars unless the mesh has none). */
  private boolean handWrittenPods;

  ManifestScenario(Path file, SourceFiles sources, YamlMap root, Warnings warnings) {
    this.root = root;
    this.warnings = warnings;
    this.reader = new KubernetesReader(warnings);
    this.binder = new KubernetesBinder(reader, warnings);
    this.none = !root.has("kubernetes") && !root.has("kubernetesFiles");
    if (none && root.has("workloads")) {
      throw root.failAtKey("workloads", "workloads: adds to the workloads of kubernetes or kubernetesFiles,"
          + " and this scenario has neither");
    }
    List<YamlNode> inline = root.optional("kubernetes").map(n -> n.asList().items()).orElse(List.of());
    nextBatch = ManifestSources.read(file, sources, inline, root.list("kubernetesFiles"), 0, this::dispatch);
  }

  /** Kubernetes objects to the reader; Istio and other CRDs to the Istio binder. */
  private void dispatch(YamlMap m, int batch) {
    YamlNode api = m.required("apiVersion");
    if (KubernetesReader.isKubernetes(api.asString())) {
      reader.add(m, batch);
    } else {
      istioObjects.add(new IstioObject(m, batch));
    }
  }

  /** Whether the scenario has no Kubernetes manifests at all. */
  boolean none() {
    return none;
  }

  void register(ServiceDirectory directory) {
    binder.register(directory);
  }

  /** The {@code services:} Services, then the manifests', in the order first applied. */
  List<ServiceSpec> services(List<ServiceSpec> handWritten, RequestBinder requests) {
    List<ServiceSpec> all = new ArrayList<>(handWritten);
    if (none) {
      return all;
    }
    Set<String> used = new TreeSet<>();
    handWritten.forEach(s -> s.deployments().forEach(d -> used.add(s.namespace() + "/" + d.name())));
    handWrittenPods = handWritten.stream().anyMatch(sv -> !sv.deployments().isEmpty());
    all.addAll(binder.bind(root.get("workloads"), requests, used));
    if (all.isEmpty()) {
      throw root.fail("no Service in services:, kubernetes or kubernetesFiles; a scenario needs at least one");
    }
    return all;
  }

  /** Each manifest Service's {@code networking.istio.io/exportTo}, by FQDN; read once (it may warn). */
  Map<String, ServiceExportChecks.Annotation> serviceExportTo() {
    return none ? Map.of() : ServiceExportChecks.annotations(reader.services(), warnings);
  }

  List<IstioObject> istioObjects() {
    return istioObjects;
  }

  /** The first apply number after the Kubernetes manifests'. */
  int nextBatch() {
    return nextBatch;
  }

  /** The workloads' own rollout limits (their strategy), keyed namespace/name. */
  Map<String, Rollout> rollouts() {
    Map<String, Rollout> out = new LinkedHashMap<>();
    binder.workloads().forEach((key, w) -> {
      if (w.rollout() != null) {
        out.put(key, w.rollout());
      }
    });
    return out;
  }

  /**
   * The mesh, without sidecars when Istio would inject none of the manifests' pods and {@code
   * services:} has none of its own; otherwise each Deployment says whether its pods have one.
   */
  MeshSettings mesh(MeshSettings mesh) {
    if (!Boolean.FALSE.equals(binder.sidecars()) || !mesh.sidecarEnabled() || handWrittenPods) {
      return mesh;
    }
    return mesh.withoutSidecars();
  }

  /**
   * The timeline with each workload's own lifecycle settings on top of the scenario's:
   * {@code proxy.istio.io/config}'s holdApplicationUntilProxyStarts and terminationDrainDuration,
   * and the readiness probes' initialDelaySeconds as {@code readinessDelay} (kubelet's first probe;
   * meshsim counts it from when both containers are up). Setting one both in a manifest and in
   * {@code lifecycle.deployments} is an error, so that neither silently wins.
   */
  Timeline timeline(Timeline timeline) {
    Map<String, PodLifecycle> lifecycles = new LinkedHashMap<>(timeline.lifecycles());
    for (Workload w : binder.workloads().values()) {
      Boolean hold = w.proxy().holdApplicationUntilProxyStarts();
      Long drain = w.proxy().terminationDrainNanos();
      Integer ready = w.readinessDelaySeconds();
      if (hold == null && drain == null && ready == null) {
        continue;
      }
      YamlMap own = lifecycleEntry(w);
      conflict(own, "holdApplicationUntilProxyStarts", hold, w);
      conflict(own, "terminationDrainDuration", drain, w);
      conflict(own, "readinessDelay", ready, w);
      PodLifecycle base = timeline.lifecycleOf(w.namespace(), w.name());
      lifecycles.put(w.key(), new PodLifecycle(base.sidecarStartup(), base.appStartup(),
          hold != null ? hold : base.holdApplicationUntilProxyStarts(),
          ready != null ? new Distribution.Constant(ready * 1_000_000_000L) : base.readinessDelay(),
          drain != null ? drain : base.terminationDrainNanos(), base.restartBackoffNanos(), base.startupCalls()));
    }
    return new Timeline(timeline.events(), timeline.controlPlane(), timeline.lifecycle(), lifecycles,
        timeline.bucketNanos());
  }

  /** The scenario's {@code lifecycle.deployments} entry for {@code w}, or null. */
  private YamlMap lifecycleEntry(Workload w) {
    YamlNode lc = root.get("lifecycle");
    YamlNode deployments = lc == null ? null : lc.asMap().get("deployments");
    if (deployments == null) {
      return null;
    }
    YamlMap m = deployments.asMap();
    YamlNode entry = m.get(w.key()) != null ? m.get(w.key()) : m.get(w.name());
    return entry == null ? null : entry.asMap();
  }

  private static void conflict(YamlMap own, String key, Object fromManifest, Workload w) {
    if (own != null && fromManifest != null && own.has(key)) {
      throw own.failAtKey(key, key + " of " + w.name() + " is also set by its manifest (" + w.nameNode().position()
          + "); keep one");
    }
  }
}
