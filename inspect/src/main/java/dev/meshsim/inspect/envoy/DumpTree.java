package dev.meshsim.inspect.envoy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshsim.inspect.snapshot.InspectException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A config_dump read as a JSON tree, whichever way it was printed: Envoy's admin prints proto
 * field names ({@code circuit_breakers}), {@code istioctl … -o json} their JSON names ({@code
 * circuitBreakers}); fields are looked up by either. Real dumps carry many extension types meshsim
 * has no classes for, so they are read as trees rather than as protobufs.
 */
final class DumpTree {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DumpTree() {}

  /** Parses {@code text}; anything but a config_dump is bad input. */
  static JsonNode parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InspectException(source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode configs = root == null ? MissingNode.getInstance() : field(root, "configs");
    if (!configs.isArray() || configs.isEmpty()) {
      throw new InspectException(source + ": not an Envoy config_dump (no \"configs\" array; take one with"
          + " `istioctl proxy-config all POD -o json` or the admin's /config_dump)");
    }
    return root;
  }

  /** The config of {@code envoy.admin.v3.<kind>} in the dump, or a missing node. */
  static JsonNode config(JsonNode dump, String kind) {
    for (JsonNode c : field(dump, "configs")) {
      if (c.path("@type").asText().endsWith("envoy.admin.v3." + kind)) {
        return c;
      }
    }
    return MissingNode.getInstance();
  }

  /** The field named {@code name} in proto or JSON spelling, or a missing node. */
  static JsonNode field(JsonNode node, String name) {
    String wanted = canonical(name);
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (canonical(e.getKey()).equals(wanted)) {
        return e.getValue();
      }
    }
    return MissingNode.getInstance();
  }

  /** Follows a path of field names. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = field(n, p);
    }
    return n;
  }

  private static String canonical(String name) {
    return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** The resources under {@code list[].inner} (e.g. dynamic_active_clusters[].cluster) by name. */
  static Map<String, JsonNode> byName(JsonNode config, String list, String inner) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode item : field(config, list)) {
      JsonNode resource = field(item, inner);
      out.put(field(resource, "name").asText(), resource);
    }
    return out;
  }

  /** A number (UInt32Value prints as a bare number), or {@code dflt} when absent. */
  static long number(JsonNode n, long dflt) {
    return n.isMissingNode() || n.isNull() ? dflt : n.asLong();
  }

  /** A protobuf Duration ({@code "0.250s"}) in nanoseconds, or {@code dflt} when absent. */
  static long duration(JsonNode n, long dflt) {
    if (n.isMissingNode() || n.isNull()) {
      return dflt;
    }
    String s = n.asText();
    return new BigDecimal(s.endsWith("s") ? s.substring(0, s.length() - 1) : s).movePointRight(9).longValue();
  }
}
