package dev.meshsim.scenario;

import dev.meshsim.scenario.KubeObjects.Namespace;
import dev.meshsim.scenario.KubeObjects.Service;
import dev.meshsim.scenario.KubeObjects.ServicePort;
import dev.meshsim.scenario.KubeObjects.Workload;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the Kubernetes objects of {@code kubernetes} / {@code kubernetesFiles} into the scenario's
 * {@link ServiceSpec}s, as Kubernetes and Istio would run them: a Service's pods are those of the
 * workloads its selector matches; each port's protocol is Istio's choice ({@link IstioProtocol});
 * sidecars are where Istio's injector would put them ({@link SidecarInjection}). What manifests do
 * not say (service time, workers, calls, failures) comes from the {@code workloads:} overlay, keyed
 * by workload name ({@link WorkloadOverlay}).
 */
final class KubernetesBinder {

  private final KubernetesReader reader;
  private final Warnings warnings;
  /** Workloads that run, keyed namespace/name, with the Service that selects them. */
  private final Map<String, Workload> selected = new LinkedHashMap<>();
  private Boolean sidecars;
  /** Why the manifests' pods get no sidecar, and where; null when they do. */
  /** Each running workload's injection decision, keyed namespace/name. */
  private final Map<String, Boolean> decisions = new LinkedHashMap<>();
  private final Set<String> assumedNamespaces = new TreeSet<>();

  KubernetesBinder(KubernetesReader reader, Warnings warnings) {
    this.reader = reader;
    this.warnings = warnings;
  }

  /** Pass 1: the manifests' Services join the directory, so that calls may name them. */
  void register(ServiceDirectory directory) {
    for (Service s : reader.services()) {
      directory.add(new ServiceDirectory.Entry(s.name(), s.namespace(), portSpecs(s)),
          s.node().required("metadata").asMap().required("name"));
    }
  }

  /**
   * The port as a {@code services:} port would carry it: the name, unless {@code appProtocol}
   * selects another protocol than the name does; then the name gets that protocol's prefix
   * ({@code web} with {@code appProtocol: kubernetes.io/h2c} becomes {@code http2-web}), which is
   * how meshsim's data path reads the protocol.
   */
  static List<PortSpec> portSpecs(Service s) {
    List<PortSpec> out = new ArrayList<>();
    for (ServicePort p : s.ports()) {
      boolean sameAsName = IstioProtocol.fromName(p.name()) == p.protocol() || p.protocol() == IstioProtocol.AUTO
          || p.protocol() == IstioProtocol.TCP && IstioProtocol.fromName(p.name()) == IstioProtocol.AUTO;
      String name = sameAsName ? p.name()
          : p.name().isEmpty() ? p.protocol().namePrefix() : p.protocol().namePrefix() + "-" + p.name();
      out.add(new PortSpec(name, p.port(), p.protocol()));
    }
    return out;
  }

  /**
   * Pass 2: the Services with their workloads, bound with the overlay. {@code usedDeploymentNames}
   * holds the {@code services:} Deployments (namespace/name), which the manifests must not repeat.
   */
  List<ServiceSpec> bind(YamlNode overlayNode, RequestBinder requests, Set<String> usedDeploymentNames) {
    List<Workload> all = reader.workloads();
    Map<String, Service> owner = owners(all);
    WorkloadOverlay overlay = new WorkloadOverlay(overlayNode, all, owner.keySet());
    Map<Service, List<Workload>> byService = new java.util.IdentityHashMap<>();
    for (Workload w : all) {
      Service s = owner.get(w.key());
      if (s != null) {
        byService.computeIfAbsent(s, k -> new ArrayList<>()).add(w);
      }
    }
    List<ServiceSpec> out = new ArrayList<>();
    for (Service s : reader.services()) {
      List<DeploymentSpec> deployments = new ArrayList<>();
      for (Workload w : byService.getOrDefault(s, List.of())) {
        if (!usedDeploymentNames.add(w.key())) {
          throw w.nameNode().fail("deployment " + w.name() + " is also declared in services: (namespace "
              + w.namespace() + ")");
        }
        checkTargetPorts(s, w);
        selected.put(w.key(), w);
        deployments.add(overlay.deployment(w, s, requests).withSidecar(injected(w)));
      }
      out.add(new ServiceSpec(s.name(), s.namespace(), portSpecs(s), deployments));
    }
    sidecars = injection();
    return out;
  }

  /**
   * The Service of each workload, keyed namespace/name; a workload with none is warned about.
   * Workloads are indexed by namespace and label, so that matching stays linear in large meshes.
   */
  private Map<String, Service> owners(List<Workload> all) {
    Map<String, List<Workload>> byLabel = new LinkedHashMap<>();
    for (Workload w : all) {
      w.podLabels().forEach((k, v) -> byLabel.computeIfAbsent(w.namespace() + "/" + k + "=" + v,
          x -> new ArrayList<>()).add(w));
    }
    Map<String, Service> owner = new LinkedHashMap<>();
    for (Service s : reader.services()) {
      if (s.selector().isEmpty()) {
        warnings.add(s.node().required("metadata").asMap().required("name"), "service " + s.name()
            + " has no selector: Kubernetes manages no endpoints for it and meshsim gives it no pods"
            + " (hand-made Endpoints are not modelled)");
        continue;
      }
      Map.Entry<String, String> first = s.selector().entrySet().iterator().next();
      for (Workload w : byLabel.getOrDefault(s.namespace() + "/" + first.getKey() + "=" + first.getValue(), List.of())) {
        if (matches(s.selector(), w.podLabels())) {
          Service previous = owner.putIfAbsent(w.key(), s);
          if (previous != null) {
            throw s.node().required("spec").asMap().required("selector").fail("selects the pods of " + w.kind()
                + " " + w.name() + ", which service " + previous.name() + " selects too; meshsim gives each"
                + " workload one Service");
          }
        }
      }
    }
    for (Workload w : all) {
      if (!owner.containsKey(w.key())) {
        warnings.add(w.nameNode(), w.kind() + " " + w.name() + " is selected by no Service: meshsim runs only"
            + " workloads behind a Service (load generators are `load:`); ignored");
      }
    }
    return owner;
  }

  private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A named {@code targetPort} must name a container port of the pods: Kubernetes otherwise
   * creates no endpoint for that port, which meshsim cannot show, so it is an error.
   */
  private static void checkTargetPorts(Service s, Workload w) {
    for (ServicePort p : s.ports()) {
      YamlNode target = p.targetPort();
      if (target == null || target instanceof YamlScalar sc && sc.kind() == YamlScalar.Kind.INT) {
        if (target != null) {
          target.asInt(1, 65535);
        }
        continue;
      }
      String name = target.asNonEmptyString();
      if (!w.containerPorts().containsKey(name)) {
        throw target.fail("targetPort " + YamlScalar.quote(name) + " names no container port of " + w.kind() + " "
            + w.name() + " (Kubernetes would give this port no endpoints)"
            + hintOrDot(dev.meshsim.yaml.Suggestions.didYouMean(name, w.containerPorts().keySet()))
            + " Its named ports: " + (w.containerPorts().isEmpty() ? "none" : String.join(", ",
                w.containerPorts().keySet())) + ".");
      }
    }
  }

  private static String hintOrDot(String hint) {
    return hint.isEmpty() ? "." : hint;
  }

  /**
   * Whether Istio's injector puts a sidecar in {@code w}'s pods ({@link SidecarInjection}); a
   * namespace no manifest defines is taken as labelled for injection, with an info line once.
   */
  private boolean injected(Workload w) {
    Namespace ns = reader.namespaces().get(w.namespace());
    Map<String, String> nsLabels = ns != null ? ns.labels() : Map.of(SidecarInjection.NAMESPACE_INJECTION, "enabled");
    if (ns == null && assumedNamespaces.add(w.namespace())) {
      warnings.info(w.nameNode(), "namespace " + w.namespace() + " is defined by no manifest; taken as labelled "
          + "istio-injection=enabled (kubectl label namespace " + w.namespace() + " istio-injection=enabled)");
    }
    SidecarInjection.Decision d = SidecarInjection.decide(w.namespace(), nsLabels, w.podLabels(),
        w.podAnnotations(), w.hostNetwork());
    decisions.put(w.key(), d.injected());
    return d.injected();
  }

  /**
   * Whether the manifests' pods have sidecars: TRUE all of them, FALSE none (then the mesh runs
   * without proxies unless {@code services:} has pods), null when no workload runs or when some
   * have one and some not (each Deployment then carries its own {@code sidecar}).
   */
  private Boolean injection() {
    if (decisions.isEmpty()) {
      return null;
    }
    boolean all = decisions.values().stream().allMatch(b -> b);
    boolean none = decisions.values().stream().noneMatch(b -> b);
    return all ? Boolean.TRUE : none ? Boolean.FALSE : null;
  }

  /** Whether the manifests' pods have sidecars; null when no workload runs. */
  Boolean sidecars() {
    return sidecars;
  }

  /** The workloads that run, keyed namespace/name, in manifest order. */
  Map<String, Workload> workloads() {
    return selected;
  }
}
