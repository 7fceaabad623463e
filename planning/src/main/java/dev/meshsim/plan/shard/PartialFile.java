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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * A shard's partial result: a header saying which plan it belongs to, and its samples, each with
 * exact counters and the latency histogram as HdrHistogram's compressed, base64 encoding (the
 * payload of a {@code HistogramLogWriter} line).
 *
 * @param header which plan and which shard
 * @param entries the samples, in pair order
 */
public record PartialFile(Header header, List<Entry> entries) {
  /** The first key of a shard file. */
  public static final String KIND = "plan-shard";

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
    root.put("meshsim", KIND);
    root.put("version", header.version());
    root.put("scenario", header.scenario());
    root.put("seed", header.seed());
    root.put("scenarioDigest", header.scenarioDigest());
    ArrayNode args = root.putArray("arguments");
    header.arguments().forEach(args::add);
    root.put("shard", header.shard());
    root.put("shards", header.shards());
    ArrayNode samples = root.putArray("samples");
    for (Entry e : entries) {
      ObjectNode s = samples.addObject();
      s.put("key", e.key());
      s.put("rep", e.rep());
      s.put("requests", e.sample().requests());
      s.put("non2xx", e.sample().non2xx());
      ObjectNode flags = s.putObject("flags");
      e.sample().flags().forEach(flags::put);
      s.put("measuredSeconds", e.sample().measuredSeconds());
      s.put("histogram", Base64.getEncoder().encodeToString(e.sample().histogram()));
    }
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
    if (root == null || !root.isObject() || !KIND.equals(root.path("meshsim").asText())) {
      throw notAShard(name, "it has no \"meshsim\": \"" + KIND + "\" (write one with meshsim plan … --shard K/M --partial FILE)");
    }
    List<String> args = new ArrayList<>();
    root.path("arguments").forEach(a -> args.add(a.asText()));
    Header header = new Header(text(root, "version", name), text(root, "scenario", name),
        number(root, "seed", name), text(root, "scenarioDigest", name), args,
        (int) number(root, "shard", name), (int) number(root, "shards", name));
    List<Entry> entries = new ArrayList<>();
    for (JsonNode s : root.path("samples")) {
      TreeMap<String, Long> flags = new TreeMap<>();
      s.path("flags").fields().forEachRemaining(f -> flags.put(f.getKey(), f.getValue().asLong()));
      byte[] histogram;
      try {
        histogram = Base64.getDecoder().decode(text(s, "histogram", name));
      } catch (IllegalArgumentException e) {
        throw notAShard(name, "a sample's histogram is not base64");
      }
      Sample sample = new Sample(number(s, "requests", name), number(s, "non2xx", name), flags,
          s.path("measuredSeconds").asDouble(), histogram);
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
