package dev.meshsim.scenario;

import dev.meshsim.scenario.KubeObjects.Namespace;
import dev.meshsim.scenario.KubeObjects.Service;
import dev.meshsim.scenario.KubeObjects.ServicePort;
import dev.meshsim.scenario.KubeObjects.Workload;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Kubernetes objects as {@code kubectl apply -f} takes them: {@code v1} Service, Namespace,
 * ServiceAccount and Pod, {@code apps/v1} Deployment, StatefulSet and ReplicaSet. Only what the
 * simulation uses is read (see {@link KubeObjects}); every other field (resources, env, volumes,
 * status, managedFields…) is accepted and ignored without a word, as it does not change the mesh.
 * Other kinds get one warning each. A later apply of the same object replaces it in place.
 */
final class KubernetesReader {

  static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet", "ReplicaSet");
  static final List<String> CORE_KINDS = List.of("Service", "Namespace", "ServiceAccount", "Pod");

  private final Warnings warnings;
  private final AppliedObjects applied;
  private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
  private final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<String, Workload> workloads = new LinkedHashMap<>();

  KubernetesReader(Warnings warnings) {
    this.warnings = warnings;
    this.applied = new AppliedObjects(warnings);
  }

  /** Whether {@code apiVersion} is a Kubernetes built-in group this reader answers for. */
  static boolean isKubernetes(String apiVersion) {
    return !apiVersion.contains(".")
        || apiVersion.contains(".k8s.io/") && !apiVersion.startsWith("gateway.networking.k8s.io/");
  }

  /** Reads one object of apply {@code batch} (0 inline, then one per file). */
  void add(YamlMap m, int batch) {
    YamlNode kindNode = m.required("kind");
    String kind = kindNode.asString();
    YamlNode api = m.required("apiVersion");
    boolean core = CORE_KINDS.contains(kind);
    if (!core && !WORKLOAD_KINDS.contains(kind)) {
      warnings.add(kindNode, "kind " + kind + " is not modelled; ignored");
      return;
    }
    String wantedApi = core ? "v1" : "apps/v1";
    if (!api.asString().equals(wantedApi)) {
      throw api.expected(wantedApi + " for a " + kind + " (the API Kubernetes serves since 1.16)");
    }
    YamlMap meta = m.required("metadata").asMap();
    YamlNode nameNode = meta.required("name");
    String name = Fields.dnsLabel(meta, "name");
    String namespace = kind.equals("Namespace") ? "" : Fields.dnsLabel(meta, "namespace", "default");
    applied.apply(kind, namespace, name, nameNode, batch, 0); // map order keeps the first apply's place
    String key = namespace + "/" + name;
    switch (kind) {
      case "Namespace" -> namespaces.put(name, new Namespace(name, meta.stringMap("labels"), m));
      case "Service" -> services.put(key, service(name, namespace, m));
      case "ServiceAccount" -> { } // identities do not change routing or timing
      default -> workloads.put(kind + "/" + key, WorkloadReader.read(kind, name, namespace, m, nameNode, warnings));
    }
  }

  private Service service(String name, String namespace, YamlMap m) {
    YamlMap spec = m.required("spec").asMap();
    String type = spec.string("type", "ClusterIP");
    if (type.equals("ExternalName")) {
      throw spec.failAtKey("type", "Services of type ExternalName are not modelled (no pods behind them)");
    }
    List<ServicePort> ports = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    Set<String> numbers = new TreeSet<>();
    List<YamlNode> portNodes = spec.required("ports").asList().requireSize(1, "port").items();
    for (YamlNode node : portNodes) {
      YamlMap p = node.asMap();
      int port = p.required("port").asInt(1, 65535);
      String portName = portNodes.size() > 1 ? Fields.dnsLabel(p, "name") : p.string("name", "");
      String protocol = p.string("protocol", "TCP");
      if (!protocol.equals("TCP") && !protocol.equals("UDP") && !protocol.equals("SCTP")) {
        throw p.required("protocol").fail("Unsupported value " + dev.meshsim.yaml.YamlScalar.quote(protocol)
            + ": supported values: \"SCTP\", \"TCP\", \"UDP\" (the API server rejects it)");
      }
      if (!names.add(portName) && !portName.isEmpty()) {
        throw p.required("name").fail("port name " + portName + " is used twice");
      }
      if (!numbers.add(protocol + "/" + port)) {
        throw p.required("port").fail("port " + port + "/" + protocol + " is listed twice");
      }
      IstioProtocol selected = IstioProtocol.of(portName, p.string("appProtocol", null), protocol, port);
      if (selected == IstioProtocol.UDP || protocol.equals("SCTP")) {
        warnings.add(p.required("port"), "port " + port + "/" + protocol + ": Istio does not proxy "
            + protocol + "; ignored");
        continue;
      }
      if (p.has("appProtocol")) {
        PortProtocols.warnUnknown(p.required("appProtocol"), warnings);
      }
      ports.add(new ServicePort(portName, port, selected, p.get("targetPort"), p));
    }
    if (ports.isEmpty()) {
      throw spec.required("ports").fail("service " + name + " has no TCP port Istio would proxy");
    }
    return new Service(name, namespace, ports, spec.stringMap("selector"), m);
  }

  /** Whether {@code w}'s controller (same namespace, as owner references require) is in the manifests. */
  private boolean controllerApplied(Workload w) {
    if (w.controller() == null) {
      return false;
    }
    int slash = w.controller().indexOf('/');
    String kind = w.controller().substring(0, slash);
    String name = w.controller().substring(slash + 1);
    return workloads.containsKey(kind + "/" + w.namespace() + "/" + name);
  }

  /** Namespaces defined by the manifests, by name. */
  Map<String, Namespace> namespaces() {
    return namespaces;
  }

  /** Services in the order first applied. */
  List<Service> services() {
    return List.copyOf(services.values());
  }

  /**
   * Workloads in the order first applied, without those a controller in the manifests created: in
   * {@code kubectl get all -o yaml} a Deployment comes with its ReplicaSet and Pods, which are its
   * pods, not more of them.
   */
  List<Workload> workloads() {
    return workloads.values().stream().filter(w -> !controllerApplied(w)).toList();
  }
}
