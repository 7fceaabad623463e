package dev.meshsim.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A YAML sequence. */
public final class YamlList extends YamlNode {

  private final List<YamlNode> items = new ArrayList<>();

  YamlList(Position position, YamlNode parent, String segment) {
    super(position, parent, segment);
  }

  void add(YamlNode item) {
    items.add(item);
  }

  /** The items, in file order. */
  public List<YamlNode> items() {
    return Collections.unmodifiableList(items);
  }

  public int size() {
    return items.size();
  }

  public YamlNode get(int index) {
    return items.get(index);
  }

  /** This list, after checking it has at least {@code min} items. */
  public YamlList requireSize(int min, String what) {
    if (items.size() < min) {
      throw fail("needs at least " + min + " " + what + (min == 1 ? "" : "s") + ", got " + items.size());
    }
    return this;
  }

  @Override
  public YamlList asList() {
    return this;
  }

  @Override
  public String describe() {
    return "a list";
  }
}
