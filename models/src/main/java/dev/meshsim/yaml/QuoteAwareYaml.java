package dev.meshsim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The Jackson glue: a YAML parser that also tells whether the last scalar was quoted (Jackson's
 * public API does not, but its parser keeps the SnakeYAML event in a protected field), and the
 * translation of SnakeYAML's multi-line error messages into one line.
 */
final class QuoteAwareYaml {

  private static final Factory FACTORY = new Factory();

  private QuoteAwareYaml() {}

  static Parser parser(Reader reader) throws IOException {
    return (Parser) FACTORY.createParser(reader);
  }

  /** Creates {@link Parser}s; only the Reader path is used, so only it is overridden. */
  private static final class Factory extends YAMLFactory {
    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
      return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  /** A YAMLParser exposing the style of the scalar just read. */
  static final class Parser extends YAMLParser {
    Parser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options,
        com.fasterxml.jackson.core.ObjectCodec codec, Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
    }

    boolean lastScalarQuoted() {
      return _lastEvent instanceof ScalarEvent e && !e.isPlain();
    }
  }

  /**
   * 1-based line and column of the problem. SnakeYAML's problem mark is preferred: for an
   * unterminated quote Jackson reports where the key started, SnakeYAML where the text ran out.
   */
  static int[] problemLineColumn(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
    }
    JsonLocation loc = e.getLocation();
    return loc == null ? null : new int[] {loc.getLineNr(), loc.getColumnNr()};
  }

  /** SnakeYAML's problem (and its context, e.g. "while parsing a flow sequence") on one line. */
  static String problem(JsonProcessingException e) {
    String text;
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
      text = m.getProblem();
      if (m.getContext() != null) {
        text += " (" + m.getContext() + startedAt(m.getContextMark()) + ")";
      }
    } else if (String.valueOf(e.getOriginalMessage()).startsWith("Expected a field name")) {
      text = "mapping keys must be plain values, not lists or mappings";
    } else {
      text = String.valueOf(e.getOriginalMessage());
    }
    return text.replaceAll("\\s+", " ").trim();
  }

  private static String startedAt(Mark mark) {
    return mark == null ? "" : " that started at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
