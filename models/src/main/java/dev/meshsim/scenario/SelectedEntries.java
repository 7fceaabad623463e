package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ServiceEntries whose endpoints are mesh pods ({@code workloadSelector}), read ahead from the
 * Istio documents: apps' {@code calls} are bound before the Istio resources are, and may target
 * such a host ({@code db.internal:5000}) as loads may. Only the hosts, ports, namespace and
 * selector are read; an object this cannot read is skipped here and reported at its position by
 * {@link IstioBinder}, which binds every entry in full afterwards.
 *
 * <p>Calls through such a host reach the pods the selector picks, so the call graph gets an edge
 * from the host to each Service of the entry's namespace with a matching deployment: a call cycle
 * through a ServiceEntry is rejected like any other.
 */
final class SelectedEntries {

  /** One entry: where it is written (for a cycle through it), its namespace, hosts, ports, selector. */
  private record Entry(YamlNode at, String namespace, List<String> hosts, List<Integer> ports,
      Map<String, String> labels) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Reads the entries with a {@code workloadSelector} among {@code documents} (objects or {@code kind: List}s). */
  static SelectedEntries of(List<YamlNode> documents) {
    SelectedEntries out = new SelectedEntries();
    for (YamlNode doc : documents) {
      List<YamlMap> objects;
      try {
        objects = ManifestSources.objects(doc);
      } catch (YamlException e) {
        continue; // IstioBinder reports it
      }
      for (YamlMap m : objects) {
        try {
          out.read(m);
        } catch (YamlException e) {
          // not readable as a ServiceEntry: IstioBinder reports it where it is
        }
      }
    }
    return out;
  }

  private void read(YamlMap m) {
    YamlNode kind = m.get("kind");
    YamlNode api = m.get("apiVersion");
    if (kind == null || api == null || !kind.asString().equals("ServiceEntry")
        || !api.asString().startsWith("networking.istio.io/")) {
      return;
    }
    YamlMap spec = m.required("spec").asMap();
    if (!spec.has("workloadSelector") || !spec.list("endpoints").isEmpty()) {
      return;
    }
    Map<String, String> labels = spec.required("workloadSelector").asMap().stringMap("labels");
    if (labels.isEmpty()) {
      return;
    }
    String namespace = m.required("metadata").asMap().optional("namespace").map(KubeNames::namespace).orElse("default");
    List<String> hosts = spec.required("hosts").asList().items().stream()
        .map(h -> h.asNonEmptyString().toLowerCase(Locale.ROOT)).toList();
    List<Integer> ports = spec.required("ports").asList().items().stream()
        .map(p -> p.asMap().required("number").asInt(1, 65535)).toList();
    entries.add(new Entry(spec.required("workloadSelector"), namespace, hosts, ports, labels));
  }

  /** Makes each entry's hosts targets of calls and loads, on the entry's ports. */
  void register(ServiceDirectory directory) {
    entries.forEach(e -> directory.addWorkloadEntryHosts(e.hosts(), e.ports()));
  }

  /** Adds an edge from each entry's hosts to every Service of its namespace whose pods it selects. */
  void addCallEdges(List<ServiceSpec> services, CallGraph graph) {
    for (Entry e : entries) {
      for (ServiceSpec service : services) {
        boolean selects = service.namespace().equals(e.namespace()) && service.deployments().stream()
            .anyMatch(d -> d.labels().entrySet().containsAll(e.labels().entrySet()));
        if (selects) {
          e.hosts().forEach(h -> graph.add(h, service.fqdn(), e.at()));
        }
      }
    }
  }
}
