package dev.meshsim.inspect.envoy;

import static dev.meshsim.inspect.envoy.ClusterDiff.same;
import static dev.meshsim.inspect.envoy.DumpTree.at;
import static dev.meshsim.inspect.envoy.DumpTree.duration;
import static dev.meshsim.inspect.envoy.DumpTree.field;
import static dev.meshsim.inspect.envoy.DumpTree.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares one route configuration's virtual hosts route by route: the path match, the cluster or
 * weighted clusters, the timeout (Envoy's default 15s when absent) and the retry policy. Header
 * matches and gRPC retry conditions are not modelled by meshsim's snapshot and are reported so.
 */
final class RouteDiff {
  private static final long SECOND = 1_000_000_000L;
  /** gRPC retry_on tokens: meshsim's HTTP apps never send grpc-status. */
  private static final Set<String> GRPC = Set.of("cancelled", "deadline-exceeded", "internal", "resource-exhausted",
      "unavailable");

  private RouteDiff() {}

  static void compare(String config, JsonNode ours, JsonNode real, List<String> out, Set<String> notModelled) {
    Map<String, JsonNode> ourHosts = hosts(ours);
    Map<String, JsonNode> realHosts = hosts(real);
    for (String vh : ourHosts.keySet()) {
      if (!realHosts.containsKey(vh)) {
        out.add("route " + config + " virtual host " + vh + ": only in meshsim");
      }
    }
    for (Map.Entry<String, JsonNode> e : realHosts.entrySet()) {
      JsonNode o = ourHosts.get(e.getKey());
      if (o == null) {
        notModelled.add("route " + config + " virtual host " + e.getKey());
      } else {
        routes("route " + config + " " + e.getKey(), field(o, "routes"), field(e.getValue(), "routes"), out,
            notModelled);
      }
    }
  }

  private static Map<String, JsonNode> hosts(JsonNode routeConfig) {
    Map<String, JsonNode> out = new TreeMap<>();
    field(routeConfig, "virtual_hosts").forEach(vh -> out.put(field(vh, "name").asText(), vh));
    return out;
  }

  private static void routes(String p, JsonNode ours, JsonNode real, List<String> out, Set<String> notModelled) {
    same(out, p + ": routes", ours.size(), real.size());
    for (int i = 0; i < Math.min(ours.size(), real.size()); i++) {
      String q = p + " route[" + i + "] ";
      JsonNode o = ours.get(i);
      JsonNode r = real.get(i);
      if (!field(field(r, "match"), "headers").isMissingNode()) {
        notModelled.add(q.strip() + ": header matches");
      }
      same(out, q + "match", path(field(o, "match")), path(field(r, "match")));
      same(out, q + "clusters", clusters(field(o, "route")), clusters(field(r, "route")));
      same(out, q + "timeout", duration(at(o, "route", "timeout"), 15 * SECOND),
          duration(at(r, "route", "timeout"), 15 * SECOND));
      JsonNode or = at(o, "route", "retry_policy");
      JsonNode rr = at(r, "route", "retry_policy");
      same(out, q + "retry_policy.num_retries", retries(or), retries(rr));
      if (!or.isMissingNode() && !rr.isMissingNode()) {
        same(out, q + "retry_policy.retry_on", retryOn(or, notModelled), retryOn(rr, notModelled));
        same(out, q + "retry_policy.per_try_timeout", duration(field(or, "per_try_timeout"), 0),
            duration(field(rr, "per_try_timeout"), 0));
        same(out, q + "retry_policy.retriable_status_codes", codes(or), codes(rr));
        same(out, q + "retry_policy.previous_hosts", previousHosts(or), previousHosts(rr));
        same(out, q + "retry_policy.host_selection_retry_max_attempts",
            number(field(or, "host_selection_retry_max_attempts"), 1),
            number(field(rr, "host_selection_retry_max_attempts"), 1));
      }
    }
  }

  private static String path(JsonNode match) {
    for (String kind : List.of("prefix", "path")) {
      if (!field(match, kind).isMissingNode()) {
        return kind + " " + field(match, kind).asText();
      }
    }
    return "regex " + at(match, "safe_regex", "regex").asText();
  }

  /** The cluster, or the weighted clusters as {name=weight}. */
  private static String clusters(JsonNode action) {
    if (!field(action, "cluster").isMissingNode()) {
      return field(action, "cluster").asText();
    }
    Map<String, Long> weights = new TreeMap<>();
    at(action, "weighted_clusters", "clusters").forEach(c -> weights.put(field(c, "name").asText(),
        number(field(c, "weight"), 0)));
    return weights.toString();
  }

  private static Set<Long> codes(JsonNode policy) {
    Set<Long> codes = new TreeSet<>();
    field(policy, "retriable_status_codes").forEach(c -> codes.add(c.asLong()));
    return codes;
  }

  private static boolean previousHosts(JsonNode policy) {
    for (JsonNode p : field(policy, "retry_host_predicate")) {
      if (field(p, "name").asText().endsWith("previous_hosts")) {
        return true;
      }
    }
    return false;
  }

  /** Envoy: a retry policy without num_retries retries once; no policy, never. */
  private static long retries(JsonNode policy) {
    return policy.isMissingNode() ? 0 : number(field(policy, "num_retries"), 1);
  }

  private static Set<String> retryOn(JsonNode policy, Set<String> notModelled) {
    Set<String> tokens = new TreeSet<>();
    for (String t : field(policy, "retry_on").asText().split(",")) {
      if (GRPC.contains(t.strip())) {
        notModelled.add("gRPC retry_on conditions (" + t.strip() + ")");
      } else if (!t.isBlank()) {
        tokens.add(t.strip());
      }
    }
    return tokens;
  }
}
