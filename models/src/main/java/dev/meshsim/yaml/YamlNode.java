package dev.meshsim.yaml;

import java.util.function.Function;
import com.google.re2j.Pattern;

/**
 * A node of a positioned YAML tree: a {@link YamlMap}, a {@link YamlList} or a {@link YamlScalar}.
 * Every node knows its position and its field path, so that any later check can point at the exact
 * spot in the file. The typed accessors ({@link #asInt}, {@link #asMap}, …) throw a {@link
 * YamlException} saying what was expected and what was found.
 */
public abstract sealed class YamlNode permits YamlMap, YamlList, YamlScalar {

  /** Keys that can follow a dot in a path unquoted; others are written {@code ["a.b/c"]}. */
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private final Position position;
  private final YamlNode parent;
  private String segment;

  /**
   * @param parent the containing node, null for a document root
   * @param segment the key (for a map value), {@code [i]} (for a list item), or the root's label
   */
  YamlNode(Position position, YamlNode parent, String segment) {
    this.position = position;
    this.parent = parent;
    this.segment = segment;
  }

  public final Position position() {
    return position;
  }

  /** Whether this node is a whole document rather than a value inside one. */
  final boolean isDocumentRoot() {
    return parent == null;
  }

  /**
   * The field path, e.g. {@code services[0].deployments[1].replicas}. Computed on demand from the
   * parent chain so that a document's root label can be set once the document count is known.
   */
  public final String path() {
    if (parent == null) {
      return segment;
    }
    return join(parent.path(), segment, parent instanceof YamlList);
  }

  /** The path of {@code key} under the node at {@code base}. */
  static String join(String base, String segment, boolean isIndex) {
    if (isIndex) {
      return base + segment;
    }
    String key = SIMPLE_KEY.matcher(segment).matches() ? segment : "[" + YamlScalar.quote(segment) + "]";
    return base.isEmpty() || key.startsWith("[") ? base + key : base + "." + key;
  }

  /** Sets a document root's label (e.g. {@code document[1]}); see {@link YamlReader}. */
  final void relabelRoot(String label) {
    if (parent == null) {
      segment = label;
    }
  }

  /** What this node is, for messages: {@code a mapping}, {@code a list}, {@code "two"}, {@code 3}. */
  public abstract String describe();

  /** An exception positioned at this node. */
  public final YamlException fail(String problem) {
    return new YamlException(position, path(), problem);
  }

  /** {@code expected <what>, got <describe()>}, positioned here. */
  public final YamlException expected(String what) {
    return fail("expected " + what + ", got " + describe());
  }

  public YamlMap asMap() {
    throw expected("a mapping");
  }

  public YamlList asList() {
    throw expected("a list");
  }

  /** A non-null scalar, whatever its type. */
  public YamlScalar asScalar(String what) {
    throw expected(what);
  }

  /** Any non-null scalar's text as written: {@code v1}, {@code 1.10}, {@code on}. */
  public String asString() {
    return asScalar("a string").text();
  }

  /** A non-empty string. */
  public String asNonEmptyString() {
    String s = asString();
    if (s.isEmpty()) {
      throw expected("a non-empty string");
    }
    return s;
  }

  /** An unquoted whole number in {@code [min, Integer.MAX_VALUE]}. */
  public int asInt(int min) {
    return (int) asLong(min, Integer.MAX_VALUE);
  }

  /** An unquoted whole number in {@code [min, max]}. */
  public int asInt(int min, int max) {
    return (int) asLong(min, max);
  }

  /** An unquoted whole number in {@code [min, max]}. */
  public long asLong(long min, long max) {
    // Bounds at or beyond the int range are not worth printing ("in [1, 2147483647]").
    String what = "a whole number" + range(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
    Long v = asScalar(what).longValue();
    if (v == null || v < min || v > max) {
      throw expected(what);
    }
    return v;
  }

  /** An unquoted finite number in {@code [min, max]}. */
  public double asDouble(double min, double max) {
    String what = "a number" + range(min, max, -Double.MAX_VALUE, Double.MAX_VALUE);
    Double v = asScalar(what).doubleValue();
    if (v == null || v < min || v > max) {
      throw expected(what);
    }
    return v;
  }

  /** An unquoted {@code true} or {@code false} (YAML 1.1 also allows yes/no/on/off). */
  public boolean asBool() {
    Boolean b = asScalar("true or false").boolValue();
    if (b == null) {
      throw expected("true or false");
    }
    return b;
  }

  /**
   * A scalar's text converted by {@code parser}, which reports a bad value by throwing {@link
   * IllegalArgumentException} with a complete one-sentence message; the message is then positioned
   * here. Quoted and plain scalars are both accepted (Istio writes durations either way).
   */
  public <T> T parse(String what, Function<String, T> parser) {
    String text = asScalar(what).text();
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
  }

  private static String range(double min, double max, double lowest, double highest) {
    boolean hasMin = min > lowest;
    boolean hasMax = max < highest;
    if (hasMin && hasMax) {
      return " in [" + num(min) + ", " + num(max) + "]";
    }
    if (hasMin) {
      return " >= " + num(min);
    }
    return hasMax ? " <= " + num(max) : "";
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
