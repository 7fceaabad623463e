package dev.meshsim.scenario;

import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scenario's Services by FQDN, and the resolution of a request target ({@code host[:port]}) as
 * a pod's Kubernetes DNS lookup would do it. Built before any call is read, so that calls may name
 * Services declared later in the file.
 */
final class ServiceDirectory {

  /** What resolution needs to know about one Service. */
  record Entry(String name, String namespace, List<PortSpec> ports) {
    String fqdn() {
      return name + "." + namespace + ".svc.cluster.local";
    }
  }

  /** A resolved target: the authority as written, the Service's FQDN and the port. */
  record Target(String authority, String host, int port) {}

  private final Map<String, Entry> byFqdn = new LinkedHashMap<>();
  /** The servers outside the mesh ({@code external}), by host. */
  private final Map<String, ExternalHost> externals = new LinkedHashMap<>();

  /** Wildcard {@code external} entries ({@code *.wikipedia.org}): templates for the names under them. */
  private final List<ExternalHost> externalTemplates = new java.util.ArrayList<>();
  /** The servers made from templates, in the order targets first named them. */
  private final List<ExternalHost> fromTemplates = new java.util.ArrayList<>();

  /** Makes {@code hosts} reachable as targets (their own DNS names; see {@link ExternalHost}). */
  void addExternals(List<ExternalHost> hosts) {
    hosts.forEach(h -> {
      if (h.host().startsWith("*.")) {
        externalTemplates.add(h);
      } else {
        externals.put(h.host(), h);
      }
    });
  }

  /** The servers that wildcard {@code external} entries made for the targets that named them. */
  List<ExternalHost> externalsFromTemplates() {
    return List.copyOf(fromTemplates);
  }

  /**
   * The server for {@code host}: the exact {@code external} entry, else one made now from the most
   * specific wildcard entry covering it (its ports and latency; a server of its own), else null.
   */
  private ExternalHost external(String host) {
    ExternalHost exact = externals.get(host);
    if (exact != null || externalTemplates.isEmpty()) {
      return exact;
    }
    ExternalHost best = null;
    for (ExternalHost t : externalTemplates) {
      String suffix = t.host().substring(1);
      if (host.endsWith(suffix) && host.length() > suffix.length()
          && (best == null || t.host().length() > best.host().length())) {
        best = t;
      }
    }
    if (best == null) {
      return null;
    }
    ExternalHost made = new ExternalHost(host, best.ports(), best.latency());
    externals.put(host, made);
    fromTemplates.add(made);
    return made;
  }

  /** Adds a Service; {@code nameNode} is where a duplicate is reported. */
  void add(Entry entry, YamlNode nameNode) {
    if (byFqdn.putIfAbsent(entry.fqdn(), entry) != null) {
      throw nameNode.fail("service " + entry.name() + " is declared twice in namespace " + entry.namespace());
    }
  }

  /**
   * The FQDN a pod in {@code namespace} reaches with {@code host}, following the Kubernetes DNS
   * search path {@code <ns>.svc.cluster.local svc.cluster.local cluster.local}: {@code name},
   * {@code name.ns}, {@code name.ns.svc} and the full FQDN all work. Other hosts are returned as
   * written (lower-cased), and so match no Service.
   */
  static String kubernetesFqdn(String host, String namespace) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      return h.substring(0, h.length() - 1); // an absolute name skips the search path
    }
    String[] labels = h.split("\\.", -1);
    if (labels.length == 1) {
      return h + "." + namespace + ".svc.cluster.local";
    }
    if (labels.length == 2) {
      return h + ".svc.cluster.local";
    }
    if (labels.length == 3 && labels[2].equals("svc")) {
      return h + ".cluster.local";
    }
    return h;
  }

  /** Resolves the target written at {@code node} for a caller in {@code namespace}. */
  Target resolve(YamlNode node, String namespace) {
    String authority = node.asNonEmptyString();
    if (authority.contains("/")) {
      throw node.expected("host[:port] without scheme or path (put the path in 'path')");
    }
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    Integer port = colon < 0 ? null : parsePort(node, authority.substring(colon + 1));
    Entry service = byFqdn.get(kubernetesFqdn(host, namespace));
    ExternalHost external = service == null ? external(host.toLowerCase(Locale.ROOT)) : null;
    if (service == null && external != null) {
      return new Target(authority, external.host(), externalPort(node, external, port));
    }
    List<Integer> entryPorts = selectedEntryPorts.get(host.toLowerCase(Locale.ROOT));
    if (service == null && entryPorts != null) {
      return new Target(authority, host.toLowerCase(Locale.ROOT), externalPort(node,
          new ExternalHost(host.toLowerCase(Locale.ROOT), entryPorts, null), port));
    }
    if (service == null) {
      throw node.fail("no service " + YamlScalar.quote(host) + " in this scenario (from namespace " + namespace
          + " it resolves to " + kubernetesFqdn(host, namespace) + ")" + suggestion(host)
          + " Services: " + knownServices() + "." + (externals.isEmpty() ? ""
          : " External hosts: " + String.join(", ", externals.keySet()) + "."));
    }
    int resolvedPort = port == null ? onlyPort(node, service) : checkPort(node, service, port);
    return new Target(authority, service.fqdn(), resolvedPort);
  }

  /** The port of a target on an external server: the one written (one of its ports), else its only one. */
  private static int externalPort(YamlNode node, ExternalHost external, Integer port) {
    if (port == null && external.ports().size() == 1) {
      return external.ports().get(0);
    }
    if (port == null || !external.ports().contains(port)) {
      throw node.fail("external host " + external.host() + " listens on " + external.ports()
          + (port == null ? "; write the port" : ", not on " + port));
    }
    return port;
  }

  private static int parsePort(YamlNode node, String text) {
    if (text.length() > 5 || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
      throw node.fail("invalid port " + YamlScalar.quote(text) + " in target; expected 1 to 65535");
    }
    return Integer.parseInt(text);
  }

  private static int checkPort(YamlNode node, Entry service, int port) {
    if (service.ports().stream().noneMatch(p -> p.port() == port)) {
      throw node.fail("service " + service.name() + "." + service.namespace() + " has no port " + port
          + "; its ports: " + portList(service));
    }
    return port;
  }

  /** A target without a port is fine only when the Service has exactly one. */
  private static int onlyPort(YamlNode node, Entry service) {
    if (service.ports().size() != 1) {
      throw node.fail("service " + service.name() + "." + service.namespace() + " has several ports ("
          + portList(service) + "); write the port, e.g. " + service.name() + ":" + service.ports().get(0).port());
    }
    return service.ports().get(0).port();
  }

  private static String portList(Entry service) {
    return service.ports().stream()
        .map(p -> p.name().isEmpty() ? Integer.toString(p.port()) : p.port() + " (" + p.name() + ")")
        .collect(Collectors.joining(", "));
  }

  /** "; did you mean …?" over the names a caller could have meant, or ".". */
  private String suggestion(String host) {
    List<String> names = byFqdn.values().stream().map(Entry::name).distinct().toList();
    String hint = Suggestions.didYouMean(host.split("\\.")[0], names);
    return hint.isEmpty() ? "." : hint;
  }

  private String knownServices() {
    return byFqdn.values().stream().map(e -> e.name() + "." + e.namespace()).collect(Collectors.joining(", "));
  }

  /** ServiceEntry hosts: known to the mesh's registry, for the checks of Istio resources. */
  private final java.util.Set<String> serviceEntryHosts = new java.util.LinkedHashSet<>();

  void addServiceEntryHosts(List<String> hosts) {
    serviceEntryHosts.addAll(hosts);
  }

  /** Ports of the ServiceEntry hosts whose endpoints are mesh pods ({@code workloadSelector}): loads may target them. */
  private final Map<String, List<Integer>> selectedEntryPorts = new java.util.LinkedHashMap<>();

  void addWorkloadEntryHosts(List<String> hosts, List<Integer> ports) {
    hosts.forEach(h -> selectedEntryPorts.putIfAbsent(h, List.copyOf(ports)));
  }

  /** Whether {@code fqdn} is one of the scenario's Services or a ServiceEntry host. */
  boolean contains(String fqdn) {
    return byFqdn.containsKey(fqdn) || serviceEntryHosts.contains(fqdn);
  }
}
