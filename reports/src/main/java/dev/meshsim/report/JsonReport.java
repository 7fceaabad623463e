package dev.meshsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run's results as pretty-printed JSON for machines. Keys come in a fixed order, lines end in
 * {@code \n} with one at the end, and decimals are exact 3-decimal numbers, so the same result
 * always gives the same bytes, on any JVM. Holds no wall-clock figure.
 *
 * <pre>{@code
 * { "scenario", "seed", "durationSeconds", "warmupSeconds", "measuredSeconds",
 *   "simulatedEndSeconds", "unfinished",
 *   "requests", "throughput", "latencyMs" {mean, p50, p90, p99, p999, max},
 *   "codes" {"200": n}, "flags" {"-": n}, "clusters" {name: n},
 *   "loads" { name: {requests, throughput, latencyMs, codes, flags, clusters} } }
 * }</pre>
 *
 * <p>Latency figures are null when no request was counted.
 */
public final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory()
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private JsonReport() {}

  /** The report as a JSON string ending in a newline. */
  public static String toJson(RunResult result) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(prettyPrinter());
      run(result, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to a string", e);
    }
    return out.append('\n').toString();
  }

  /** Writes the report to {@code file} in UTF-8, replacing it. */
  public static void write(RunResult result, Path file) throws IOException {
    Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private static void run(RunResult r, JsonGenerator json) throws IOException {
    long window = r.durationNanos() - r.warmupNanos();
    json.writeStartObject();
    json.writeStringField("scenario", r.scenario());
    json.writeNumberField("seed", r.seed());
    json.writeNumberField("durationSeconds", Decimals.seconds(r.durationNanos()));
    json.writeNumberField("warmupSeconds", Decimals.seconds(r.warmupNanos()));
    json.writeNumberField("measuredSeconds", Decimals.seconds(window));
    json.writeNumberField("simulatedEndSeconds", Decimals.seconds(r.simulatedEndNanos()));
    json.writeNumberField("unfinished", r.unfinished());
    traffic(TrafficSummary.of(r.total(), window), json, false);
    ClusterSection.json(r, json);
    json.writeObjectFieldStart("loads");
    for (Map.Entry<String, TrafficStats> load : r.loads().entrySet()) {
      json.writeObjectFieldStart(load.getKey());
      traffic(TrafficSummary.of(load.getValue(), window), json, true);
      json.writeEndObject();
    }
    json.writeEndObject();
    TraceSection.json(r, json);
    TimelineSection.json(r, json);
    json.writeEndObject();
  }

  /** A traffic block; the run-wide one writes its clusters through {@link ClusterSection}. */
  static void traffic(TrafficSummary s, JsonGenerator json, boolean clusterCounts)
      throws IOException {
    json.writeNumberField("requests", s.requests());
    json.writeNumberField("throughput", s.throughput());
    latency(s.latencyMs(), json);
    counts("codes", s.codes(), json);
    counts("flags", s.flags(), json);
    if (clusterCounts) {
      counts("clusters", s.clusters(), json);
    }
  }

  private static void latency(LatencyMillis ms, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("latencyMs");
    decimal("mean", ms.mean(), json);
    decimal("p50", ms.p50(), json);
    decimal("p90", ms.p90(), json);
    decimal("p99", ms.p99(), json);
    decimal("p999", ms.p999(), json);
    decimal("max", ms.max(), json);
    json.writeEndObject();
  }

  private static void decimal(String name, BigDecimal value, JsonGenerator json)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  private static void counts(String name, Map<?, Long> counts, JsonGenerator json)
      throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<?, Long> e : counts.entrySet()) {
      json.writeNumberField(String.valueOf(e.getKey()), e.getValue());
    }
    json.writeEndObject();
  }
}
