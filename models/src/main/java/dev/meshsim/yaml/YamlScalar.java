package dev.meshsim.yaml;

import com.google.re2j.Pattern;
import java.math.BigInteger;

/**
 * A scalar as written, with the type YAML resolved it to. The text is kept verbatim so that a
 * label value written {@code 1.10} stays {@code "1.10"}; numbers and booleans are only accepted
 * where the scalar was plain (unquoted), as Kubernetes rejects {@code replicas: "2"}.
 */
public final class YamlScalar extends YamlNode {

  /** The type YAML (1.1, as Jackson resolves it) gave the scalar. */
  public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

  private static final int MAX_SHOWN = 60;
  private static final Pattern LOOKS_TYPED = Pattern.compile("[-+]?[0-9.]+|true|false");

  private final String text;
  private final Kind kind;
  private final boolean quoted;
  private final Object value;

  /**
   * @param value the resolved value: a Number for INT/FLOAT, a Boolean for BOOL, else null
   */
  YamlScalar(Position position, YamlNode parent, String segment, String text, Kind kind, boolean quoted,
      Object value) {
    super(position, parent, segment);
    this.text = text;
    this.kind = kind;
    this.quoted = quoted;
    this.value = value;
  }

  /** The scalar as written, without quotes; empty for an empty (null) value. */
  public String text() {
    return text;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the scalar was written in quotes (single, double) or as a block scalar. */
  public boolean quoted() {
    return quoted;
  }

  /** True for {@code ~}, {@code null} and an empty value: YAML's way of writing "nothing". */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  @Override
  public YamlScalar asScalar(String what) {
    if (isNull()) {
      throw expected(what);
    }
    return this;
  }

  /** The value as a long, or null if it is not a plain whole number that fits. */
  Long longValue() {
    if (kind != Kind.INT || !(value instanceof Number n)) {
      return null;
    }
    if (n instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    return n.longValue();
  }

  /** The value as a finite double, or null if it is not a plain number. */
  Double doubleValue() {
    if ((kind != Kind.INT && kind != Kind.FLOAT) || !(value instanceof Number n)) {
      return null;
    }
    double d = n.doubleValue();
    return Double.isFinite(d) ? d : null;
  }

  /** The value as a boolean, or null if it is not a plain boolean. */
  Boolean boolValue() {
    return kind == Kind.BOOL ? (Boolean) value : null;
  }

  @Override
  public String describe() {
    if (isNull()) {
      return "nothing (null)";
    }
    if (isDocumentRoot() && kind == Kind.STRING) {
      // A file whose whole content is one scalar is not YAML meant for meshsim (a password file,
      // notes…): never echo its content.
      return "a document of plain text, not a mapping (is this a YAML file?)";
    }
    if (quoted && kind == Kind.STRING && LOOKS_TYPED.matches(text)) {
      return "the quoted string " + quote(text) + " (remove the quotes)";
    }
    return kind == Kind.STRING ? quote(text) : text;
  }

  /** {@code text} in double quotes, escaped and shortened, for messages. */
  public static String quote(String text) {
    String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    StringBuilder b = new StringBuilder("\"");
    for (char c : shown.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
