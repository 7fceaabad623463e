package dev.meshsim.scenario;

import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@code load} list: load generators, each a client pod like fortio. */
final class LoadBinder {

  static final List<String> LOAD_KEYS = List.of(
      "name", "namespace", "labels", "locality", "target", "path", "method", "headers", "arrival", "requests",
      "sidecar");
  private static final List<String> ARRIVAL_KINDS = List.of("poisson", "constant", "connections");

  private LoadBinder() {}

  static List<LoadSpec> bind(YamlList loads, RequestBinder requests) {
    List<LoadSpec> out = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (YamlNode node : loads.items()) {
      YamlMap m = node.asMap().allowOnly(LOAD_KEYS);
      String name = Fields.dnsLabel(m, "name");
      String namespace = Fields.dnsLabel(m, "namespace", "default");
      if (!names.add(namespace + "/" + name)) {
        throw m.required("name").fail("load " + name + " is declared twice in namespace " + namespace);
      }
      out.add(new LoadSpec(name, namespace, ServiceBinder.labels(m, name), requests.request(m, namespace),
          arrival(m.required("arrival").asMap()), m.longInt("requests", 0, 0, Long.MAX_VALUE),
          m.bool("sidecar", true), Fields.locality(m)));
    }
    return out;
  }

  /** Exactly one of {@code poisson}, {@code constant} or {@code connections} (with optional qps). */
  static Arrival arrival(YamlMap m) {
    m.allowOnly("poisson", "constant", "connections", "qps");
    long kinds = ARRIVAL_KINDS.stream().filter(m::has).count();
    if (kinds != 1) {
      throw m.fail("an arrival needs exactly one of poisson (e.g. {poisson: 200/s}), constant ({constant: 200/s})"
          + " or connections ({connections: 8, qps: 0})");
    }
    if (m.has("qps") && !m.has("connections")) {
      throw m.failAtKey("qps", "qps goes with connections; for an open loop write {poisson: 200/s}");
    }
    if (m.has("poisson")) {
      return new Arrival.Poisson(positiveRate(m.required("poisson")));
    }
    if (m.has("constant")) {
      return new Arrival.Constant(positiveRate(m.required("constant")));
    }
    int connections = m.required("connections").asInt(1, ScenarioLimits.MAX_CONNECTIONS);
    // fortio's -qps is the total across connections; each connection paces itself at qps/c.
    double qps = m.optional("qps").map(LoadBinder::boundedRate).orElse(0.0);
    return new Arrival.Connections(connections, qps / connections);
  }

  private static double positiveRate(YamlNode node) {
    double r = boundedRate(node);
    if (r <= 0) {
      throw node.fail("the rate must be > 0");
    }
    return r;
  }

  /** A rate of at most {@link ScenarioLimits#MAX_RATE_PER_SECOND}. */
  private static double boundedRate(YamlNode node) {
    double r = Fields.rate(node);
    if (!(r <= ScenarioLimits.MAX_RATE_PER_SECOND)) {
      throw node.fail("the rate must be at most " + (long) ScenarioLimits.MAX_RATE_PER_SECOND
          + "/s per load generator (meshsim's limit)");
    }
    return r;
  }
}
