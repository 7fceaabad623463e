package dev.meshsim.yaml;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping with string keys, in file order, remembering where each key was written. Also
 * the typed-access helpers binders use: {@code m.integer("replicas", 1, 0)} reads an optional
 * whole number >= 0 defaulting to 1. A key whose value is YAML null ({@code key:} or {@code key: ~})
 * counts as absent, as it does for Kubernetes.
 */
public final class YamlMap extends YamlNode {

  /** One key: where it was written and its value. */
  private record Entry(Position keyPosition, YamlNode value) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  YamlMap(Position position, YamlNode parent, String segment) {
    super(position, parent, segment);
  }

  /** Adds a key; a duplicate key is an error, as in Kubernetes and Istio's strict decoding. */
  void put(String key, Position keyPosition, YamlNode value) {
    Entry first = entries.get(key);
    if (first != null) {
      throw new YamlException(keyPosition, childPath(key), "duplicate key " + YamlScalar.quote(key)
          + " (first written at line " + first.keyPosition.line() + ", column " + first.keyPosition.column() + ")");
    }
    entries.put(key, new Entry(keyPosition, value));
  }

  @Override
  public YamlMap asMap() {
    return this;
  }

  @Override
  public String describe() {
    return "a mapping";
  }

  /** The keys, in file order. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /** Whether {@code key} is present with a non-null value. */
  public boolean has(String key) {
    return get(key) != null;
  }

  /** The value of {@code key}, or null if absent or null. */
  public YamlNode get(String key) {
    Entry e = entries.get(key);
    if (e == null || e.value instanceof YamlScalar s && s.isNull()) {
      return null;
    }
    return e.value;
  }

  public Optional<YamlNode> optional(String key) {
    return Optional.ofNullable(get(key));
  }

  /** The value of {@code key}; an error at this map if it is absent. */
  public YamlNode required(String key) {
    YamlNode v = get(key);
    if (v == null) {
      throw fail("missing required key " + YamlScalar.quote(key));
    }
    return v;
  }

  /** Where {@code key} was written, or this map's position if it is absent. */
  public Position keyPosition(String key) {
    Entry e = entries.get(key);
    return e == null ? position() : e.keyPosition;
  }

  /** The field path of {@code key} in this map. */
  public String childPath(String key) {
    return join(path(), key, false);
  }

  /** An exception positioned at {@code key} itself (not its value). */
  public YamlException failAtKey(String key, String problem) {
    return new YamlException(keyPosition(key), childPath(key), problem);
  }

  /** This map, after checking that every key is one of {@code allowed}. */
  public YamlMap allowOnly(String... allowed) {
    return allowOnly(List.of(allowed));
  }

  /**
   * This map, after checking that every key is one of {@code allowed}; the error for an unknown key
   * lists the allowed keys and suggests the closest one if it looks like a typo.
   */
  public YamlMap allowOnly(Collection<String> allowed) {
    for (String key : entries.keySet()) {
      if (!allowed.contains(key)) {
        throw failAtKey(key, unknownKeyProblem(key, allowed));
      }
    }
    return this;
  }

  /** The message for an unknown key. */
  public static String unknownKeyProblem(String key, Collection<String> allowed) {
    return unknownKeyProblem(key, allowed, String.join(", ", allowed));
  }

  /**
   * The message for an unknown key, suggesting one of {@code candidates} and describing what is
   * allowed in words (for maps whose keys follow a pattern).
   */
  public static String unknownKeyProblem(String key, Collection<String> candidates, String allowedText) {
    if (key.equals("<<")) {
      return "YAML merge keys (<<) are not supported; write the keys out";
    }
    String hint = Suggestions.didYouMean(key, candidates);
    return "unknown key " + YamlScalar.quote(key) + (hint.isEmpty() ? "." : hint)
        + " Allowed keys here: " + allowedText + ".";
  }

  /** A required non-empty string. */
  public String string(String key) {
    return required(key).asNonEmptyString();
  }

  /** An optional string (may be empty when written {@code ""}). */
  public String string(String key, String dflt) {
    return optional(key).map(YamlNode::asString).orElse(dflt);
  }

  /** An optional whole number >= {@code min}. */
  public int integer(String key, int dflt, int min) {
    return optional(key).map(n -> n.asInt(min)).orElse(dflt);
  }

  /** An optional whole number in {@code [min, max]}. */
  public long longInt(String key, long dflt, long min, long max) {
    return optional(key).map(n -> n.asLong(min, max)).orElse(dflt);
  }

  /** An optional number in {@code [min, max]}. */
  public double number(String key, double dflt, double min, double max) {
    return optional(key).map(n -> n.asDouble(min, max)).orElse(dflt);
  }

  public boolean bool(String key, boolean dflt) {
    return optional(key).map(YamlNode::asBool).orElse(dflt);
  }

  /** An optional list, empty when absent. */
  public List<YamlNode> list(String key) {
    return optional(key).map(n -> n.asList().items()).orElse(List.of());
  }

  /** An optional list of strings, empty when absent. */
  public List<String> stringList(String key) {
    return list(key).stream().map(YamlNode::asString).toList();
  }

  /** An optional string-to-string map, in file order, empty when absent. */
  public Map<String, String> stringMap(String key) {
    return stringMap(key, false);
  }

  /**
   * An optional string-to-string map, in file order, empty when absent.
   *
   * @param lowerCaseKeys lower-case the keys (HTTP header names); two keys that differ only in case
   *     are then an error
   */
  public Map<String, String> stringMap(String key, boolean lowerCaseKeys) {
    Map<String, String> out = new LinkedHashMap<>();
    YamlNode node = get(key);
    if (node == null) {
      return out;
    }
    YamlMap m = node.asMap();
    for (String k : m.keys()) {
      String name = lowerCaseKeys ? k.toLowerCase(Locale.ROOT) : k;
      if (out.containsKey(name)) {
        throw m.failAtKey(k, "duplicate key " + YamlScalar.quote(name) + " (names are case-insensitive)");
      }
      out.put(name, m.entries.get(k).value.asString());
    }
    return out;
  }
}
