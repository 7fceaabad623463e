package dev.meshsim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into positioned trees. Built on Jackson's streaming YAML parser because Jackson's
 * JsonNode tree drops locations, and every later error must point at a line and column.
 */
public final class YamlReader {

  private final QuoteAwareYaml.Parser parser;
  private final String file;
  /** Anchors of the current document; lookups only, so HashMap order does not matter. */
  private final Map<String, YamlNode> anchors = new HashMap<>();

  private YamlReader(QuoteAwareYaml.Parser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  /** Reads every non-empty document of {@code file}; positions name the file as given. */
  public static List<YamlNode> readFile(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new YamlException(Position.ofFile(name), "", "no such file");
    } catch (MalformedInputException e) {
      throw new YamlException(Position.ofFile(name), "", "the file is not valid UTF-8");
    } catch (IOException e) {
      throw new YamlException(Position.ofFile(name), "", "cannot read the file (" + e + ")");
    }
    return read(text, name);
  }

  /**
   * Reads every non-empty document of {@code text} ({@code ---} separates documents; an empty
   * document, such as one left by a trailing {@code ---}, is skipped as kubectl skips it). When
   * there are several documents their paths start with {@code document[i]}.
   */
  public static List<YamlNode> read(String text, String file) {
    try (QuoteAwareYaml.Parser p = QuoteAwareYaml.parser(new StringReader(text))) {
      return new YamlReader(p, file).documents();
    } catch (JsonProcessingException e) {
      throw new YamlException(malformedPosition(e, file), "", "malformed YAML: " + QuoteAwareYaml.problem(e));
    } catch (IOException e) {
      throw new YamlException(Position.ofFile(file), "", "cannot read YAML (" + e + ")");
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
    String anchor = (String) parser.getObjectId(); // YAML anchors are Jackson object ids
    YamlNode node = switch (t) {
      case START_OBJECT -> map(new YamlMap(pos, parent, segment));
      case START_ARRAY -> list(new YamlList(pos, parent, segment));
      default -> scalar(t, pos, parent, segment);
    };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private YamlMap map(YamlMap m) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyPos = position(parser.currentTokenLocation());
      m.put(key, keyPos, value(parser.nextToken(), m, key));
    }
    return m;
  }

  private YamlList list(YamlList l) throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      l.add(value(t, l, "[" + l.size() + "]"));
    }
    return l;
  }

  private YamlNode scalar(JsonToken t, Position pos, YamlNode parent, String segment) throws IOException {
    if (parser.isCurrentAlias()) {
      // An alias shares the anchored node, so errors point at the anchor's definition.
      YamlNode target = anchors.get(parser.getText());
      if (target == null) {
        String path = parent == null ? segment : YamlNode.join(parent.path(), segment, parent instanceof YamlList);
        throw new YamlException(pos, path, "unknown alias *" + parser.getText());
      }
      return target;
    }
    YamlScalar.Kind kind = switch (t) {
      case VALUE_NUMBER_INT -> YamlScalar.Kind.INT;
      case VALUE_NUMBER_FLOAT -> YamlScalar.Kind.FLOAT;
      case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOL;
      case VALUE_NULL -> YamlScalar.Kind.NULL;
      default -> YamlScalar.Kind.STRING;
    };
    Object value = switch (kind) {
      case INT, FLOAT -> parser.getNumberValue();
      case BOOL -> t == JsonToken.VALUE_TRUE;
      default -> null;
    };
    return new YamlScalar(pos, parent, segment, parser.getText(), kind, parser.lastScalarQuoted(), value);
  }

  private Position position(JsonLocation loc) {
    return new Position(file, loc.getLineNr(), loc.getColumnNr());
  }

  private static Position malformedPosition(JsonProcessingException e, String file) {
    int[] lineColumn = QuoteAwareYaml.problemLineColumn(e);
    return lineColumn == null ? Position.ofFile(file) : new Position(file, lineColumn[0], lineColumn[1]);
  }
}
