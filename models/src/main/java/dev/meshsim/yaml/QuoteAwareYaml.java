package dev.meshsim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;
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

  /**
   * Creates {@link Parser}s; only the Reader path is used, so only it is overridden. Jackson's and
   * SnakeYAML's own limits are set just above meshsim's ({@link ReadLimits}), which {@link
   * YamlReader} and {@link SourceFiles} check first with positions and meshsim's words; these are
   * the backstop. SnakeYAML's 3 MiB code-point limit is lifted: the byte limit per file is meshsim's.
   */
  private static final class Factory extends YAMLFactory {
    Factory() {
      super(new YAMLFactoryBuilder(new YAMLFactory()).loaderOptions(loaderOptions()));
      setStreamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(ReadLimits.DEFAULT_MAX_DEPTH + 10)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(ReadLimits.MAX_NUMBER_CHARS)
          .build());
    }

    private static LoaderOptions loaderOptions() {
      LoaderOptions o = new LoaderOptions();
      o.setCodePointLimit(Integer.MAX_VALUE);
      o.setNestingDepthLimit(ReadLimits.DEFAULT_MAX_DEPTH + 10);
      o.setMaxAliasesForCollections(Integer.MAX_VALUE); // meshsim counts expanded nodes instead
      return o;
    }

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

    /**
     * The anchor ({@code &name}) of the mapping, list or scalar just started, or null. Read from
     * the SnakeYAML event: Jackson's {@code getCurrentAnchor()} is not set for a scalar that is a
     * mapping's value, which made {@code replicas: &r 2 … workers: *r} fail.
     */
    String lastAnchor() {
      return _lastEvent instanceof NodeEvent e && !(e instanceof AliasEvent) ? e.getAnchor() : null;
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
