package dev.meshsim.inspect.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshsim.inspect.snapshot.Snapshot;
import dev.meshsim.inspect.snapshot.Snapshot.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code compare POD real.json}: meshsim's config_dump of a proxy against one taken from a real
 * pod, resource by resource, for what meshsim models (outbound clusters: timeouts, load balancer,
 * circuit breakers, connection options, outlier detection; outbound route tables: matches,
 * clusters and weights, timeouts, retries). What the real dump has and meshsim does not model
 * (inbound and special clusters, other route tables and virtual hosts, header matches, gRPC
 * retry conditions, listeners' filter chains) is listed apart.
 */
public final class ConfigDumpCompare {
  /** Differences in what meshsim models, and what it does not model. */
  public record Result(List<String> differences, List<String> notModelled) {
    public Result {
      differences = List.copyOf(differences);
      notModelled = List.copyOf(notModelled);
    }

    public String render() {
      StringBuilder out = new StringBuilder();
      differences.forEach(d -> out.append(d).append('\n'));
      out.append(differences.size()).append(differences.size() == 1 ? " difference" : " differences")
          .append(" in what meshsim models\n");
      if (!notModelled.isEmpty()) {
        out.append("not modelled by meshsim (not compared):\n");
        notModelled.forEach(n -> out.append("  ").append(n).append('\n'));
      }
      return out.toString();
    }
  }

  private ConfigDumpCompare() {}

  public static Result compare(Snapshot snapshot, Proxy proxy, String realJson, String source) {
    JsonNode real = DumpTree.parse(realJson, source);
    JsonNode ours = DumpTree.parse(ConfigDumps.toJson(ConfigDumps.of(snapshot, proxy)), "meshsim");
    List<String> diffs = new ArrayList<>();
    TreeSet<String> notModelled = new TreeSet<>();
    clusters(ours, real, diffs, notModelled);
    routes(ours, real, diffs, notModelled);
    notModelled.add("listeners (meshsim models which exist, not their filter chains)");
    return new Result(diffs, List.copyOf(notModelled));
  }

  private static void clusters(JsonNode ours, JsonNode real, List<String> diffs, TreeSet<String> notModelled) {
    Map<String, JsonNode> o = DumpTree.byName(DumpTree.config(ours, "ClustersConfigDump"), "dynamic_active_clusters",
        "cluster");
    JsonNode realConfig = DumpTree.config(real, "ClustersConfigDump");
    Map<String, JsonNode> r = DumpTree.byName(realConfig, "dynamic_active_clusters", "cluster");
    r.putAll(DumpTree.byName(realConfig, "static_clusters", "cluster"));
    for (String name : o.keySet()) {
      if (!r.containsKey(name)) {
        diffs.add("cluster " + name + ": only in meshsim");
      }
    }
    for (Map.Entry<String, JsonNode> e : r.entrySet()) {
      if (o.containsKey(e.getKey())) {
        ClusterDiff.compare(e.getKey(), o.get(e.getKey()), e.getValue(), diffs);
      } else if (e.getKey().startsWith("outbound|")) {
        diffs.add("cluster " + e.getKey() + ": only in the real proxy");
      } else {
        notModelled.add("cluster " + e.getKey());
      }
    }
  }

  private static void routes(JsonNode ours, JsonNode real, List<String> diffs, TreeSet<String> notModelled) {
    Map<String, JsonNode> o = DumpTree.byName(DumpTree.config(ours, "RoutesConfigDump"), "dynamic_route_configs",
        "route_config");
    JsonNode realConfig = DumpTree.config(real, "RoutesConfigDump");
    Map<String, JsonNode> r = DumpTree.byName(realConfig, "dynamic_route_configs", "route_config");
    r.putAll(DumpTree.byName(realConfig, "static_route_configs", "route_config"));
    for (String name : o.keySet()) {
      if (!r.containsKey(name)) {
        diffs.add("route " + name + ": only in meshsim");
      }
    }
    for (Map.Entry<String, JsonNode> e : r.entrySet()) {
      if (o.containsKey(e.getKey())) {
        RouteDiff.compare(e.getKey(), o.get(e.getKey()), e.getValue(), diffs, notModelled);
      } else {
        notModelled.add("route " + e.getKey());
      }
    }
  }
}
