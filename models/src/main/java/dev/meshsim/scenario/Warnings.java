package dev.meshsim.scenario;

import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Collects positioned warnings in the order they are found. */
final class Warnings {

  private final List<String> lines = new ArrayList<>();

  void add(Position position, String path, String message) {
    lines.add(YamlException.format(position, path, message));
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

  List<String> list() {
    return List.copyOf(lines);
  }
}
