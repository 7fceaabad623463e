package dev.meshsim.scenario;

import dev.meshsim.app.FailureMode;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code services} list, in two passes: first every Service's name, namespace and ports (so
 * that calls can name any Service), then the Deployments and their calls.
 */
final class ServiceBinder {

  static final List<String> SERVICE_KEYS = List.of("name", "namespace", "ports", "deployments");
  static final List<String> DEPLOYMENT_KEYS = List.of("name", "labels", "locality", "replicas", "workers",
      "serviceTime", "errorRate", "errorCode", "refuseConnections", "resetRate", "slowdown", "calls",
      "propagate", "listenAddress", "sidecar");

  private ServiceBinder() {}

  /** Pass 1: the directory of Services. */
  static ServiceDirectory directory(YamlList services) {
    return directory(services, new Warnings());
  }

  /** Pass 1, telling {@code warnings} of {@code appProtocol} values Istio does not know. */
  static ServiceDirectory directory(YamlList services, Warnings warnings) {
    ServiceDirectory dir = new ServiceDirectory();
    for (YamlNode node : services.items()) {
      YamlMap m = node.asMap().allowOnly(SERVICE_KEYS);
      String name = Fields.dnsLabel(m, "name");
      String namespace = Fields.dnsLabel(m, "namespace", "default");
      YamlList ports = m.required("ports").asList();
      PortProtocols.warnUnknownAppProtocols(ports, warnings);
      dir.add(new ServiceDirectory.Entry(name, namespace, ports(ports)), m.required("name"));
    }
    return dir;
  }

  /** Kubernetes rules: numbers unique; names unique, and required when there are several ports. */
  private static List<PortSpec> ports(YamlList list) {
    list.requireSize(1, "port");
    List<PortSpec> ports = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    Set<Integer> numbers = new TreeSet<>();
    for (YamlNode node : list.items()) {
      YamlMap m = node.asMap().allowOnly("name", "port", "appProtocol", "serverFirst");
      String name = list.size() > 1 ? m.string("name") : m.string("name", "");
      int port = m.required("port").asInt(1, 65535);
      if (!name.isEmpty() && !names.add(name)) {
        throw m.required("name").fail("port name " + name + " is used twice");
      }
      if (!numbers.add(port)) {
        throw m.required("port").fail("port " + port + " is listed twice");
      }
      ports.add(new PortSpec(name, port, IstioProtocol.of(name, m.string("appProtocol", null), "TCP", port),
          m.bool("serverFirst", false)));
    }
    return ports;
  }

  /** Pass 2: the full Services, with Deployments and calls. */
  static List<ServiceSpec> bind(YamlList services, ServiceDirectory dir, RequestBinder requests) {
    List<ServiceSpec> out = new ArrayList<>();
    Set<String> deploymentNames = new TreeSet<>();
    for (YamlNode node : services.items()) {
      YamlMap m = node.asMap();
      String name = m.string("name");
      String namespace = m.string("namespace", "default");
      ServiceDirectory.Entry entry = new ServiceDirectory.Entry(name, namespace, ports(m.required("ports").asList()));
      List<DeploymentSpec> deployments = new ArrayList<>();
      for (YamlNode d : m.required("deployments").asList().items()) {
        deployments.add(deployment(d.asMap(), entry, requests, deploymentNames));
      }
      out.add(new ServiceSpec(name, namespace, entry.ports(), deployments));
    }
    return out;
  }

  private static DeploymentSpec deployment(YamlMap m, ServiceDirectory.Entry service, RequestBinder requests,
      Set<String> usedNames) {
    m.allowOnly(DEPLOYMENT_KEYS);
    String name = Fields.dnsLabel(m, "name");
    // Pods are named <deployment>-<i>, so Deployment names must be unique in a namespace.
    if (!usedNames.add(service.namespace() + "/" + name)) {
      throw m.required("name").fail("deployment " + name + " is declared twice in namespace " + service.namespace());
    }
    return new DeploymentSpec(name, labels(m, service.name()), replicas(m, "replicas"),
        m.optional("workers").map(n -> n.asInt(1, ScenarioLimits.MAX_WORKERS)).orElse(1), DistributionBinder.bind(m.required("serviceTime")),
        failure(m), requests.calls(m, service.namespace(), service.fqdn()), Fields.locality(m), listenAddress(m),
        m.bool("sidecar", true));
  }

  /** The app's failure modes; each defaults to {@link FailureMode#NONE}'s value. */
  static FailureMode failure(YamlMap m) {
    FailureMode none = FailureMode.NONE;
    return new FailureMode(m.number("errorRate", none.errorRate(), 0, 1),
        m.optional("errorCode").map(n -> n.asInt(400, 599)).orElse(none.errorCode()),
        m.bool("refuseConnections", none.refuseConnections()), m.number("resetRate", none.resetRate(), 0, 1),
        m.number("slowdown", none.slowdown(), FailureMode.MIN_SLOWDOWN, ScenarioLimits.MAX_SLOWDOWN));
  }

  /** A pod count of one Deployment, default 1, at most {@link ScenarioLimits#MAX_REPLICAS}. */
  static int replicas(YamlMap m, String key) {
    return m.optional(key).map(n -> n.asInt(0, ScenarioLimits.MAX_REPLICAS)).orElse(1);
  }

  /** {@code listenAddress}: {@code 0.0.0.0} (the default), {@code 127.0.0.1} or {@code podIP}. */
  static ListenAddress listenAddress(YamlMap m) {
    if (!m.has("listenAddress")) {
      return ListenAddress.ALL;
    }
    YamlNode node = m.required("listenAddress");
    String value = node.asString();
    for (ListenAddress a : ListenAddress.values()) {
      if (a.spelling().equals(value)) {
        return a;
      }
    }
    throw node.fail(dev.meshsim.yaml.YamlScalar.quote(value) + " is not a listen address meshsim models;"
        + " use 0.0.0.0, 127.0.0.1 or podIP");
  }

  /** Pod labels; default {@code app: <name>}, as Istio's telemetry and most examples expect. */
  static Map<String, String> labels(YamlMap m, String appName) {
    if (!m.has("labels")) {
      Map<String, String> dflt = new LinkedHashMap<>();
      dflt.put("app", appName);
      return dflt;
    }
    return m.stringMap("labels");
  }
}
