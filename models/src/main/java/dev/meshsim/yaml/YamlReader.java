package dev.meshsim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads YAML into positioned trees. Built on Jackson's streaming YAML parser because Jackson's
 * JsonNode tree drops locations, and every later error must point at a line and column. Files are
 * read through {@link SourceFiles}, which checks the file and records it; this class checks the
 * text against {@link ReadLimits}: line length (before parsing, so a huge line fails fast),
 * nesting depth and the node count after alias expansion.
 */
public final class YamlReader {

  private final QuoteAwareYaml.Parser parser;
  private final String file;
  private final ReadLimits limits;
  /** Anchors of the current document; lookups only, so HashMap order does not matter. */
  private final Map<String, YamlNode> anchors = new HashMap<>();
  /** For each anchored node, how many nodes it stands for once expanded. */
  private final Map<YamlNode, Long> expandedSizes = new IdentityHashMap<>();
  private long nodes;
  private int depth;

  private YamlReader(QuoteAwareYaml.Parser parser, String file, ReadLimits limits) {
    this.parser = parser;
    this.file = file;
    this.limits = limits;
  }

  /** {@link #read(String, String, ReadLimits)} with the default limits. */
  public static List<YamlNode> read(String text, String file) {
    return read(text, file, ReadLimits.DEFAULT);
  }

  /**
   * Reads every non-empty document of {@code text} ({@code ---} separates documents; an empty
   * document, such as one left by a trailing {@code ---}, is skipped as kubectl skips it). When
   * there are several documents their paths start with {@code document[i]}.
   */
  public static List<YamlNode> read(String text, String file, ReadLimits limits) {
    checkLineLengths(text, file, limits.maxLineChars());
    checkCharacters(text, file);
    try (QuoteAwareYaml.Parser p = QuoteAwareYaml.parser(new StringReader(text))) {
      return new YamlReader(p, file, limits).documents();
    } catch (JsonProcessingException e) {
      throw new YamlException(malformedPosition(e, file), "", "malformed YAML: " + QuoteAwareYaml.problem(e));
    } catch (IOException e) {
      throw new YamlException(Position.ofFile(file), "", "cannot read YAML (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The characters YAML does not allow in a stream (C0 controls but tab and line breaks, DEL, C1
   * but NEL, U+FFFE/U+FFFF), reported where they are; SnakeYAML reports them all at 1:1.
   */
  private static void checkCharacters(String text, String file) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == '\n') {
        line++;
        column = 0;
      } else if (!yamlPrintable(cp)) {
        String escape = cp <= 0xFF ? String.format(java.util.Locale.ROOT, "\\x%02X", cp)
            : String.format(java.util.Locale.ROOT, "\\u%04X", cp);
        throw new YamlException(new Position(file, line, column), "", String.format(java.util.Locale.ROOT,
            "the character U+%04X is not allowed in YAML, not even in a comment; in a double-quoted string write"
                + " it as the escape \"%s\"", cp, escape));
      }
      column++;
      i += Character.charCount(cp);
    }
  }

  /** YAML 1.1's printable set, as SnakeYAML's StreamReader checks it. */
  private static boolean yamlPrintable(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /** One linear scan; SnakeYAML takes seconds over a single 10 MB line. */
  private static void checkLineLengths(String text, String file, int max) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > max) {
          throw new YamlException(new Position(file, line, max + 1), "", "line " + line + " is " + (i - start)
              + " characters long, over meshsim's limit of " + max + " characters per line");
        }
        line++;
        start = i + 1;
      }
    }
  }

  private List<YamlNode> documents() throws IOException {
    List<YamlNode> docs = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != null) {
      anchors.clear();
      YamlNode doc = value(t, null, "");
      if (!(doc instanceof YamlScalar s && s.isNull())) {
        docs.add(doc);
      }
    }
    if (docs.size() > 1) {
      for (int i = 0; i < docs.size(); i++) {
        docs.get(i).relabelRoot("document[" + i + "]");
      }
    }
    return docs;
  }

  private YamlNode value(JsonToken t, YamlNode parent, String segment) throws IOException {
    Position pos = position(parser.currentTokenLocation());
    String anchor = parser.lastAnchor(); // for mappings, lists and scalars alike
    long before = nodes;
    YamlNode node = switch (t) {
      case START_OBJECT -> map(enter(new YamlMap(pos, parent, segment)));
      case START_ARRAY -> list(enter(new YamlList(pos, parent, segment)));
      default -> scalar(t, pos, parent, segment);
    };
    if (anchor != null && !parser.isCurrentAlias()) {
      anchors.put(anchor, node);
      expandedSizes.put(node, nodes - before);
    }
    return node;
  }

  private <N extends YamlNode> N enter(N container) {
    count(1, container.position(), container::path);
    if (++depth > limits.maxDepth()) {
      throw container.fail("nested more than " + limits.maxDepth() + " levels deep (meshsim's limit)");
    }
    return container;
  }

  private void count(long added, Position pos, Supplier<String> path) {
    nodes += added;
    if (nodes > limits.maxNodes()) {
      throw new YamlException(pos, path.get(), "the file holds more than " + limits.maxNodes()
          + " values once its aliases are expanded (meshsim's limit per file)");
    }
  }

  private YamlMap map(YamlMap m) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyPos = position(parser.currentTokenLocation());
      m.put(key, keyPos, value(parser.nextToken(), m, key));
    }
    depth--;
    return m;
  }

  private YamlList list(YamlList l) throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      l.add(value(t, l, "[" + l.size() + "]"));
    }
    depth--;
    return l;
  }

  private YamlNode scalar(JsonToken t, Position pos, YamlNode parent, String segment) throws IOException {
    Supplier<String> path =
        () -> parent == null ? segment : YamlNode.join(parent.path(), segment, parent instanceof YamlList);
    if (parser.isCurrentAlias()) {
      // An alias shares the anchored node, so errors point at the anchor's definition.
      YamlNode target = anchors.get(parser.getText());
      if (target == null) {
        throw new YamlException(pos, path.get(), "unknown alias *" + parser.getText());
      }
      count(expandedSizes.getOrDefault(target, 1L), pos, path);
      return target;
    }
    count(1, pos, path);
    YamlScalar.Kind kind = switch (t) {
      case VALUE_NUMBER_INT -> YamlScalar.Kind.INT;
      case VALUE_NUMBER_FLOAT -> YamlScalar.Kind.FLOAT;
      case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOL;
      case VALUE_NULL -> YamlScalar.Kind.NULL;
      default -> YamlScalar.Kind.STRING;
    };
    Object value = switch (kind) {
      case INT, FLOAT -> number();
      case BOOL -> t == JsonToken.VALUE_TRUE;
      default -> null;
    };
    return new YamlScalar(pos, parent, segment, parser.getText(), kind, parser.lastScalarQuoted(), value);
  }

  /**
   * The number, or null when Jackson cannot give one: YAML's {@code .nan} and {@code .inf} are
   * floats Jackson does not convert, and over-long numbers exceed its constraints. A null value
   * makes the typed accessors report "expected a number …" at the scalar, with its path.
   */
  private Number number() {
    try {
      return parser.getNumberValue();
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private Position position(JsonLocation loc) {
    return new Position(file, loc.getLineNr(), loc.getColumnNr());
  }

  private static Position malformedPosition(JsonProcessingException e, String file) {
    int[] lineColumn = QuoteAwareYaml.problemLineColumn(e);
    return lineColumn == null ? Position.ofFile(file) : new Position(file, lineColumn[0], lineColumn[1]);
  }
}
