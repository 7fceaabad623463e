package dev.meshsim.scenario;

import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlList;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlReader;
import dev.meshsim.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Edits of single values of a scenario file, as {@code meshsim plan sweep --set PATH=VALUE} asks
 * for, applied to the file's text before it is bound. The path is a field path as errors print it
 * ({@code istio[0].spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests}); it must name a
 * value the file already has, so a typo is an error rather than an ignored key. The new value is
 * written in place of the old one, on the same line and column, so the usual binding checks apply
 * to it and an error about it names both the file position and the {@code --set} argument.
 *
 * <p>Only the scenario file itself is edited, not the files of {@code istioFiles}.
 */
public final class ScenarioOverrides {

  /**
   * One edit.
   *
   * @param argument the command-line argument it came from, quoted in errors
   * @param path the field path of the value to replace
   * @param value the new value, as it would be written in YAML
   */
  public record Edit(String argument, String path, String value) {}

  /** Values safe to write unquoted anywhere a plain scalar may go, flow context included. */
  private static final Pattern PLAIN = Pattern.compile("-?[A-Za-z0-9_./][A-Za-z0-9_.+\\-/]*");
  private static final Pattern SEGMENT = Pattern.compile("\\[(\\d+)]|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]|\\.?([^.\\[]+)");

  private ScenarioOverrides() {}

  /** {@code text} of {@code file} with every edit applied, in order. */
  static String apply(String text, String file, List<Edit> edits) {
    String edited = text;
    for (Edit edit : edits) {
      edited = applyOne(edited, file, edit);
    }
    return edited;
  }

  /** The positions of the edited values, for {@link #attribute}. */
  static List<Position> positions(String text, String file, List<Edit> edits) {
    List<Position> out = new ArrayList<>();
    String edited = text;
    for (Edit edit : edits) {
      out.add(target(edited, file, edit).position());
      edited = applyOne(edited, file, edit);
    }
    return out;
  }

  /**
   * A binding error at the position of an edited value, re-worded to name the {@code --set}
   * argument that wrote it; other errors unchanged.
   */
  static ScenarioException attribute(ScenarioException e, List<Edit> edits, List<Position> positions) {
    for (int i = 0; i < edits.size(); i++) {
      Position p = positions.get(i);
      if (p.line() == e.line() && p.column() == e.column() && p.file().equals(e.file())) {
        return new ScenarioException(e.file(), e.line(), e.column(), e.path(),
            e.problem() + " (this value was written by " + edits.get(i).argument() + ")");
      }
    }
    return e;
  }

  private static String applyOne(String text, String file, Edit edit) {
    YamlScalar old = target(text, file, edit);
    int start = offset(text, old.position());
    int end = start + writtenLength(text, start, old, edit);
    return text.substring(0, start) + render(edit.value(), old.quoted()) + text.substring(end);
  }

  /** The scalar {@code edit.path()} names in {@code text}, or an error naming the argument. */
  private static YamlScalar target(String text, String file, Edit edit) {
    List<YamlNode> docs = YamlReader.read(text, file);
    if (docs.size() != 1) {
      throw fail(edit, "the scenario file must hold exactly one YAML document");
    }
    YamlNode node = docs.get(0);
    var m = SEGMENT.matcher(edit.path());
    int at = 0;
    while (at < edit.path().length()) {
      if (!m.find(at) || m.start() != at) {
        throw fail(edit, "cannot read the path at \"" + edit.path().substring(at)
            + "\"; write keys separated by dots and list items as [N], e.g. services[0].deployments[0].replicas");
      }
      node = step(node, m, edit);
      at = m.end();
    }
    if (!(node instanceof YamlScalar scalar) || scalar.isNull()) {
      throw fail(edit, node.path() + " is " + node.describe() + "; --set replaces a single value (a number,"
          + " a string, a duration), so name one of its fields");
    }
    return scalar;
  }

  private static YamlNode step(YamlNode node, java.util.regex.Matcher m, Edit edit) {
    if (m.group(1) != null) {
      if (!(node instanceof YamlList list)) {
        throw fail(edit, where(node) + " is " + node.describe() + ", not a list, so [" + m.group(1) + "] names nothing");
      }
      int index = parseIndex(m.group(1));
      if (index >= list.size()) {
        throw fail(edit, where(node) + " has " + list.size() + " item" + (list.size() == 1 ? "" : "s")
            + " ([0] to [" + (list.size() - 1) + "]), so [" + m.group(1) + "] names nothing");
      }
      return list.get(index);
    }
    String key = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
    if (!(node instanceof YamlMap map)) {
      String hint = node.path().equals("istio") && key.equals("version")
          ? "; write istio as {version: \"1.24\", resources: [...]} to give it a version" : "";
      throw fail(edit, where(node) + " is " + node.describe() + ", not a mapping, so ." + key + " names nothing" + hint);
    }
    YamlNode child = map.get(key);
    if (child == null) {
      throw fail(edit, where(node) + ": " + YamlMap.unknownKeyProblem(key, map.keys(), map.keys().isEmpty()
          ? "none" : String.join(", ", map.keys())).replace("unknown key", "no key").replace("Allowed keys here", "Keys written here")
          + " --set only replaces values the file already has.");
    }
    return child;
  }

  private static int parseIndex(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static String where(YamlNode node) {
    return node.path().isEmpty() ? "the document" : node.path();
  }

  private static YamlException fail(Edit edit, String problem) {
    return new YamlException(Position.ofFile(edit.argument()), edit.path(), problem);
  }

  /** Offset in {@code text} of a 1-based line and column as the YAML parser reports them. */
  private static int offset(String text, Position p) {
    int off = 0;
    for (int line = 1; line < p.line(); line++) {
      off = text.indexOf('\n', off) + 1;
    }
    return off + p.column() - 1;
  }

  /** How many characters the old value takes in the text, quotes included. */
  private static int writtenLength(String text, int start, YamlScalar old, Edit edit) {
    char first = start < text.length() ? text.charAt(start) : 0;
    if (first == '"' || first == '\'') {
      for (int i = start + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          break;
        }
        if (first == '"' && c == '\\') {
          i++;
        } else if (c == first) {
          if (first == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i++;
          } else {
            return i - start + 1;
          }
        }
      }
    } else if (!old.quoted() && text.startsWith(old.text(), start)) {
      return old.text().length();
    }
    throw fail(edit, old.path() + " at " + old.position() + " is written over several lines or as a block;"
        + " --set can only replace a value written on one line");
  }

  /** The new value as YAML text: plain where that is safe and the old one was plain, else quoted. */
  private static String render(String value, boolean wasQuoted) {
    if (!wasQuoted && PLAIN.matcher(value).matches()) {
      return value;
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
