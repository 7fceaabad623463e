package dev.meshsim.scenario;

import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which objects (kind/namespace/name) have been applied, and by which apply: one {@code kubectl
 * apply -f} is one batch (the inline block, then each file). Inside one batch a name may appear
 * once, as {@code kubectl apply} rejects a file that repeats an object; a later batch replaces the
 * object as a second {@code kubectl apply -f} updates it in place, keeping its creation order (which
 * is what Istio sorts duplicate VirtualServices by).
 */
final class AppliedObjects {

  /** Where an object was last applied and its creation order. */
  private record Seen(Position at, int batch, int order) {}

  private final Map<String, Seen> seen = new LinkedHashMap<>();
  private final Warnings warnings;

  AppliedObjects(Warnings warnings) {
    this.warnings = warnings;
  }

  /**
   * Registers {@code kind namespace/name}, written at {@code nameNode} in {@code batch}, and returns
   * its creation order: {@code readOrder} for a new object, or the order of the object it replaces
   * (with an info line).
   */
  int apply(String kind, String namespace, String name, YamlNode nameNode, int batch, int readOrder) {
    String key = kind + "/" + namespace + "/" + name;
    Seen first = seen.get(key);
    if (first != null && first.batch == batch) {
      throw nameNode.fail(kind + " " + namespace + "/" + name + " is defined twice (first at " + first.at + ")");
    }
    int order = first == null ? readOrder : first.order;
    if (first != null) {
      warnings.info(nameNode, kind + " " + namespace + "/" + name + " replaces the one applied at " + first.at
          + ", as a second kubectl apply -f would");
    }
    seen.put(key, new Seen(nameNode.position(), batch, order));
    return order;
  }

  /** Whether {@code kind namespace/name} was applied before. */
  boolean contains(String kind, String namespace, String name) {
    return seen.containsKey(kind + "/" + namespace + "/" + name);
  }
}
