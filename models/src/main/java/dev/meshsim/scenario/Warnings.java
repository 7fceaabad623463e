package dev.meshsim.scenario;

import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects positioned warnings in the order they are found, and info lines (things done as a user
 * would expect, worth saying: a later file replacing an object).
 */
final class Warnings {
  /** Warnings of one text printed in full; the rest are counted in one line (20,000 ConfigMaps). */
  static final int MAX_ALIKE = 10;

  private final List<String> lines = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  /** How many warnings of each text were given, in first-seen order. */
  private final Map<String, Integer> alike = new LinkedHashMap<>();

  void add(Position position, String path, String message) {
    if (alike.merge(message, 1, Integer::sum) <= MAX_ALIKE) {
      lines.add(YamlException.format(position, path, message));
    }
  }

  void add(YamlNode node, String message) {
    add(node.position(), node.path(), message);
  }

  /** Warns, at each present key (in file order), that the Istio field is valid but not modelled. */
  void notModelled(YamlMap map, String... keys) {
    List<String> wanted = List.of(keys);
    for (String key : map.keys()) {
      if (wanted.contains(key) && map.has(key)) {
        add(map.keyPosition(key), map.childPath(key), key + " is not modelled yet; ignored");
      }
    }
  }

  /** An info line, positioned like a warning. */
  void info(YamlNode node, String message) {
    infos.add(YamlException.format(node.position(), node.path(), message));
  }

  List<String> infos() {
    return List.copyOf(infos);
  }

  List<String> list() {
    List<String> all = new ArrayList<>(lines);
    alike.forEach((message, n) -> {
      if (n > MAX_ALIKE) {
        all.add((n - MAX_ALIKE) + " more warnings like these: " + message);
      }
    });
    return List.copyOf(all);
  }
}
