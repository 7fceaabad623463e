package dev.meshsim.inspect.envoy;

import static dev.meshsim.inspect.envoy.DumpTree.at;
import static dev.meshsim.inspect.envoy.DumpTree.duration;
import static dev.meshsim.inspect.envoy.DumpTree.field;
import static dev.meshsim.inspect.envoy.DumpTree.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * Compares one cluster field by field, each at its effective value: a field left out means
 * Envoy's default (cluster.proto, circuit_breaker.proto, outlier_detection.proto), so an explicit
 * default and an absent field agree.
 */
final class ClusterDiff {
  private static final long SECOND = 1_000_000_000L;
  private static final String HTTP_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

  private ClusterDiff() {}

  static void compare(String name, JsonNode ours, JsonNode real, List<String> out) {
    String p = "cluster " + name + ": ";
    same(out, p + "connect_timeout", duration(field(ours, "connect_timeout"), 5 * SECOND),
        duration(field(real, "connect_timeout"), 5 * SECOND));
    same(out, p + "lb_policy", text(field(ours, "lb_policy"), "ROUND_ROBIN"), text(field(real, "lb_policy"),
        "ROUND_ROBIN"));
    JsonNode ot = defaultThresholds(ours);
    JsonNode rt = defaultThresholds(real);
    same(out, p + "circuit_breakers.max_connections", number(field(ot, "max_connections"), 1024),
        number(field(rt, "max_connections"), 1024));
    same(out, p + "circuit_breakers.max_pending_requests", number(field(ot, "max_pending_requests"), 1024),
        number(field(rt, "max_pending_requests"), 1024));
    same(out, p + "circuit_breakers.max_requests", number(field(ot, "max_requests"), 1024),
        number(field(rt, "max_requests"), 1024));
    same(out, p + "circuit_breakers.max_retries", number(field(ot, "max_retries"), 3),
        number(field(rt, "max_retries"), 3));
    JsonNode oh = at(ours, "typed_extension_protocol_options", HTTP_OPTIONS, "common_http_protocol_options");
    JsonNode rh = at(real, "typed_extension_protocol_options", HTTP_OPTIONS, "common_http_protocol_options");
    same(out, p + "max_requests_per_connection", number(field(oh, "max_requests_per_connection"), 0),
        number(field(rh, "max_requests_per_connection"), 0));
    same(out, p + "idle_timeout", duration(field(oh, "idle_timeout"), 3600 * SECOND),
        duration(field(rh, "idle_timeout"), 3600 * SECOND));
    same(out, p + "healthy_panic_threshold", at(ours, "common_lb_config", "healthy_panic_threshold", "value")
        .asDouble(50), at(real, "common_lb_config", "healthy_panic_threshold", "value").asDouble(50));
    outlier(p, field(ours, "outlier_detection"), field(real, "outlier_detection"), out);
  }

  private static void outlier(String p, JsonNode ours, JsonNode real, List<String> out) {
    if (ours.isMissingNode() != real.isMissingNode()) {
      out.add(p + "outlier_detection: meshsim " + (ours.isMissingNode() ? "none" : "set") + ", real "
          + (real.isMissingNode() ? "none" : "set"));
      return;
    }
    if (ours.isMissingNode()) {
      return;
    }
    String q = p + "outlier_detection.";
    for (String[] f : new String[][] {{"consecutive_5xx", "5"}, {"enforcing_consecutive_5xx", "100"},
        {"consecutive_gateway_failure", "5"}, {"enforcing_consecutive_gateway_failure", "0"},
        {"enforcing_success_rate", "100"}, {"max_ejection_percent", "10"}}) {
      long d = Long.parseLong(f[1]);
      same(out, q + f[0], number(field(ours, f[0]), d), number(field(real, f[0]), d));
    }
    same(out, q + "interval", duration(field(ours, "interval"), 10 * SECOND),
        duration(field(real, "interval"), 10 * SECOND));
    same(out, q + "base_ejection_time", duration(field(ours, "base_ejection_time"), 30 * SECOND),
        duration(field(real, "base_ejection_time"), 30 * SECOND));
  }

  /** The thresholds entry for priority DEFAULT (the one Istio sends), or missing for Envoy's defaults. */
  private static JsonNode defaultThresholds(JsonNode cluster) {
    for (JsonNode t : at(cluster, "circuit_breakers", "thresholds")) {
      String priority = field(t, "priority").asText("DEFAULT");
      if (priority.isEmpty() || priority.equals("DEFAULT")) {
        return t;
      }
    }
    return MissingNode.getInstance();
  }

  private static String text(JsonNode n, String dflt) {
    return n.isMissingNode() ? dflt : n.asText();
  }

  static void same(List<String> out, String what, Object ours, Object real) {
    if (!ours.equals(real)) {
      out.add(what + ": meshsim " + ours + ", real " + real);
    }
  }
}
