package dev.meshsim.plan.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshsim.plan.PlanInputException;
import dev.meshsim.plan.Sample;
import org.HdrHistogram.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A shard's partial result: a header saying which plan it belongs to, its samples' exact counters,
 * and their latency histograms as one HdrHistogram interval log ({@link HistogramLog}), each sample
 * naming its interval by tag.
 *
 * @param header which plan and which shard
 * @param entries the samples, in pair order
 */
public record PartialFile(Header header, List<Entry> entries) {
  /** The {@code kind} of a shard file. */
  public static final String KIND = "plan-shard";

  /**
   * The shard file's layout version, in its {@code format} member. 1 (unversioned): {@code "meshsim":
   * "plan-shard"} first. 2: {@code "kind": "plan-shard", "format": 2}, the {@code "meshsim"} member
   * being the output mark every meshsim output starts with. A reader takes its own format only.
   */
  public static final int FORMAT = 2;

  /** As many shards as an Indexed Job may have completions. */
  public static final int MAX_SHARDS = 100_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public PartialFile {
    entries = List.copyOf(entries);
  }

  /**
   * What a shard belongs to. Two files merge only if everything but {@code shard} is equal.
   *
   * @param version the meshsim version that wrote it
   * @param scenario the scenario's name
   * @param seed the scenario's seed
   * @param scenarioDigest SHA-256 of the scenario file's bytes
   * @param arguments the plan's arguments (question, scenario file, options that change the result)
   * @param shard K
   * @param shards M
   */
  public record Header(String version, String scenario, long seed, String scenarioDigest, List<String> arguments,
      int shard, int shards) {
    public Header {
      arguments = List.copyOf(arguments);
    }
  }

  /** Replication {@code rep} of point {@code key}. */
  public record Entry(long key, int rep, Sample sample) {}

  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND); // the CLI puts meshsim's output mark, "meshsim", before it
    root.put("format", FORMAT);
    root.put("version", header.version());
    root.put("scenario", header.scenario());
    root.put("seed", header.seed());
    root.put("scenarioDigest", header.scenarioDigest());
    ArrayNode args = root.putArray("arguments");
    header.arguments().forEach(args::add);
    root.put("shard", header.shard());
    root.put("shards", header.shards());
    ArrayNode samples = root.putArray("samples");
    List<String> tags = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    for (Entry e : entries) {
      ObjectNode s = samples.addObject();
      s.put("key", e.key());
      s.put("rep", e.rep());
      s.put("requests", e.sample().requests());
      s.put("non2xx", e.sample().non2xx());
      ObjectNode flags = s.putObject("flags");
      e.sample().flags().forEach(flags::put);
      s.put("measuredSeconds", e.sample().measuredSeconds());
      String tag = HistogramLog.tag(e.key(), e.rep());
      s.put("histogram", tag);
      tags.add(tag);
      histograms.add(e.sample().measured().histogram());
    }
    root.put("histogramLog", HistogramLog.write(tags, histograms));
    try {
      return MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
          .writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a shard file; {@code name} is how messages call it. Anything malformed is bad input. */
  public static PartialFile parse(String text, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw notAShard(name, "it is not JSON");
    }
    if (root != null && root.isObject() && KIND.equals(root.path("meshsim").asText())) {
      throw new PlanInputException(name + ": a shard file of format 1, written by an older meshsim; this meshsim"
          + " merges format " + FORMAT + " only: run that shard again with this meshsim.");
    }
    if (root == null || !root.isObject() || !KIND.equals(root.path("kind").asText())) {
      throw notAShard(name, "it has no \"kind\": \"" + KIND
          + "\" (write one with meshsim plan … --shard K/M --partial FILE)");
    }
    long format = number(root, "format", name);
    if (format != FORMAT) {
      throw new PlanInputException(name + ": a shard file of format " + format + "; this meshsim merges format "
          + FORMAT + " only: run that shard again with this meshsim.");
    }
    long shards = number(root, "shards", name);
    long shard = number(root, "shard", name);
    if (shards < 1 || shards > MAX_SHARDS || shard < 0 || shard >= shards) {
      throw notAShard(name, "it claims to be shard " + shard + " of " + shards);
    }
    List<String> args = new ArrayList<>();
    root.path("arguments").forEach(a -> args.add(a.asText()));
    Header header = new Header(text(root, "version", name), text(root, "scenario", name),
        number(root, "seed", name), text(root, "scenarioDigest", name), args,
        (int) shard, (int) shards);
    Map<String, Histogram> log = HistogramLog.read(text(root, "histogramLog", name), name);
    List<Entry> entries = new ArrayList<>();
    for (JsonNode s : root.path("samples")) {
      TreeMap<String, Long> flags = new TreeMap<>();
      s.path("flags").fields().forEachRemaining(f -> flags.put(f.getKey(), f.getValue().asLong()));
      Histogram histogram = log.get(text(s, "histogram", name));
      if (histogram == null) {
        throw notAShard(name, "sample " + text(s, "histogram", name) + " has no interval in the histogram log");
      }
      Sample sample = new Sample(number(s, "requests", name), number(s, "non2xx", name), flags,
          s.path("measuredSeconds").asDouble(), Sample.compress(histogram));
      entries.add(new Entry(number(s, "key", name), (int) number(s, "rep", name), sample));
    }
    return new PartialFile(header, entries);
  }

  private static String text(JsonNode node, String field, String name) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw notAShard(name, "\"" + field + "\" is missing or not a string");
    }
    return v.asText();
  }

  private static long number(JsonNode node, String field, String name) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw notAShard(name, "\"" + field + "\" is missing or not a whole number");
    }
    return v.asLong();
  }

  private static PlanInputException notAShard(String name, String why) {
    return new PlanInputException(name + ": not a meshsim shard file: " + why + ".");
  }
}
