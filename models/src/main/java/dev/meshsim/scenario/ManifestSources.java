package dev.meshsim.scenario;

import dev.meshsim.yaml.SourceFiles;
import dev.meshsim.yaml.YamlException;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads manifests as {@code kubectl apply -f} does: each file is one apply (batch), holding any
 * number of YAML documents ({@code ---}); JSON is YAML too; a {@code kind: List} (what
 * {@code kubectl get -o yaml} prints) stands for its {@code items}.
 */
final class ManifestSources {

  private ManifestSources() {}

  /**
   * Feeds every object of the inline list {@code inline} (batch 0) and then of each file named in
   * {@code files} (batches 1, 2, … after {@code firstFileBatch}) to {@code sink}.
   *
   * @return the next free batch number
   */
  static int read(Path scenarioFile, SourceFiles sources, List<YamlNode> inline, List<YamlNode> files,
      int firstBatch, BiConsumer<YamlMap, Integer> sink) {
    int batch = firstBatch;
    for (YamlNode doc : inline) {
      objects(doc).forEach(o -> sink.accept(o, firstBatch));
    }
    for (YamlNode entry : files) {
      int b = ++batch;
      objects(read(scenarioFile, sources, entry)).forEach(o -> sink.accept(o, b));
    }
    return batch + 1;
  }

  /** The documents of the file named at {@code entry}, relative to the scenario file. */
  static List<YamlNode> read(Path scenarioFile, SourceFiles sources, YamlNode entry) {
    Path file = scenarioFile.resolveSibling(entry.asNonEmptyString());
    String text;
    try {
      text = sources.readText(file);
    } catch (YamlException e) {
      if (e.position().line() > 0) {
        throw e; // a problem inside the file (invalid UTF-8): report it there
      }
      throw entry.fail("cannot read " + file + ": " + e.problem());
    }
    try {
      return YamlReader.read(text, file.toString(), sources.limits());
    } catch (YamlException e) {
      if (!isJsonWithTabs(text)) {
        throw e;
      }
      return YamlReader.read(text.replace('\t', ' '), file.toString(), sources.limits());
    }
  }

  /**
   * JSON indented with tabs, which YAML does not allow but kubectl (reading JSON as JSON) does. A
   * tab outside a JSON string is whitespace and inside one it is invalid JSON, so each tab becomes a
   * space, keeping every column.
   */
  private static boolean isJsonWithTabs(String text) {
    String start = text.stripLeading();
    return text.indexOf('\t') >= 0 && (start.startsWith("{") || start.startsWith("["));
  }

  private static List<YamlMap> objects(List<YamlNode> docs) {
    List<YamlMap> out = new ArrayList<>();
    docs.forEach(d -> out.addAll(objects(d)));
    return out;
  }

  /** The object itself, or the items of a {@code kind: List} (v1 List, or any *List kind kubectl prints). */
  static List<YamlMap> objects(YamlNode doc) {
    YamlMap m = doc.asMap();
    YamlNode kind = m.get("kind");
    if (kind == null || !kind.asString().equals("List")) {
      return List.of(m);
    }
    List<YamlMap> items = new ArrayList<>();
    for (YamlNode item : m.list("items")) {
      YamlMap im = item.asMap();
      if (im.has("kind") && im.required("kind").asString().equals("List")) {
        throw im.required("kind").fail("a List inside a List is not an object kubectl can apply");
      }
      items.add(im);
    }
    return items;
  }
}
