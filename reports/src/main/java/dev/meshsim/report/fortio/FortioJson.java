package dev.meshsim.report.fortio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.meshsim.report.LatencyBuckets;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A load's results as fortio's HTTP result JSON. The latency histogram is the load's HdrHistogram,
 * the one the JSON report reads, exported in fortio's shape: {@code Data} holds only non-empty
 * buckets, the first starting at {@code Min}, the last ending at {@code Max}, each with its
 * cumulative {@code Percent}. Numbers are exact decimals (never {@code Double.toString}, which
 * changed between JDKs), so the bytes are the same everywhere. {@code StartTime} is the simulated
 * clock's zero, 1970-01-01, plus the warmup: there is no wall-clock time in a simulated run.
 */
public final class FortioJson {
  /** fortio's default {@code -p}. */
  static final double[] PERCENTILES = {50, 75, 90, 99, 99.9};
  private static final int BUCKETS = 40;
  private static final JsonFactory FACTORY = new JsonFactory().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private FortioJson() {}

  /** The load's fortio JSON, ending in a newline. */
  public static String toJson(RunResult r, LoadDescription load, Histogram errors, String version) {
    TrafficStats stats = r.loads().get(load.name());
    if (stats == null) {
      throw new IllegalArgumentException("no load " + load.name());
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      DefaultIndenter indent = new DefaultIndenter("  ", "\n");
      json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent));
      write(r, load, stats, errors, version, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to a string", e);
    }
    return out.append('\n').toString();
  }

  private static void write(RunResult r, LoadDescription load, TrafficStats stats, Histogram errors, String version,
      JsonGenerator json) throws IOException {
    // fortio's ActualDuration is how long the run took: for a run of so many calls (-n), from its
    // start to the last answer (fortio periodic/periodic.go, Run), else the measured window.
    long window = load.exactly() > 0 ? stats.spanNanos() : r.durationNanos() - r.warmupNanos();
    json.writeStartObject();
    json.writeStringField("RunType", "HTTP");
    json.writeStringField("Labels", r.scenario() + " " + load.name() + " (meshsim simulation)");
    json.writeStringField("StartTime", GoFormat.startTime(r.warmupNanos()));
    json.writeStringField("RequestedQPS", load.requestedQps() > 0 ? GoFormat.qps(load.requestedQps()) : "max");
    json.writeStringField("RequestedDuration", load.exactly() > 0 ? "exactly " + load.exactly() + " calls"
        : GoFormat.duration(load.durationNanos()));
    json.writeNumberField("ActualQPS", BigDecimal.valueOf(stats.requests()).multiply(BigDecimal.valueOf(1_000_000_000L))
        .divide(BigDecimal.valueOf(Math.max(1, window)), 9, RoundingMode.HALF_EVEN).stripTrailingZeros());
    json.writeNumberField("ActualDuration", window);
    json.writeNumberField("NumThreads", load.connections());
    json.writeStringField("Version", version);
    json.writeFieldName("DurationHistogram");
    histogram(stats.latency(), json);
    json.writeFieldName("ErrorsDurationHistogram");
    histogram(errors, json);
    json.writeNumberField("Exactly", load.exactly());
    json.writeBooleanField("Jitter", false);
    json.writeBooleanField("Uniform", false);
    json.writeBooleanField("NoCatchUp", false);
    json.writeNumberField("RunID", 0);
    json.writeStringField("AccessLoggerInfo", "");
    json.writeStringField("ID", r.scenario() + "-" + load.name());
    json.writeObjectFieldStart("RetCodes");
    for (Map.Entry<Integer, Long> c : stats.codes().entrySet()) {
      json.writeNumberField(Integer.toString(c.getKey()), c.getValue());
    }
    json.writeEndObject();
    json.writeStringField("URL", load.url());
    json.writeNumberField("NumConnections", Math.max(1, load.connections()));
    json.writeNumberField("SocketCount", load.connections());
    json.writeNumberField("AbortOn", 0);
    json.writeEndObject();
  }

  /** fortio's {@code stats.HistogramData}, in seconds. */
  private static void histogram(Histogram nanos, JsonGenerator json) throws IOException {
    json.writeStartObject();
    long count = nanos.getTotalCount();
    json.writeNumberField("Count", count);
    json.writeNumberField("Min", seconds(count == 0 ? 0 : nanos.getMinValue()));
    json.writeNumberField("Max", seconds(count == 0 ? 0 : nanos.getMaxValue()));
    json.writeNumberField("Sum", seconds(count == 0 ? 0 : nanos.getMean() * count));
    json.writeNumberField("Avg", seconds(count == 0 ? 0 : nanos.getMean()));
    json.writeNumberField("StdDev", seconds(count == 0 ? 0 : nanos.getStdDeviation()));
    json.writeArrayFieldStart("Data");
    if (count > 0) {
      long cumulative = 0;
      var buckets = LatencyBuckets.of(nanos, BUCKETS);
      for (int i = 0; i < buckets.size(); i++) {
        LatencyBuckets.Bucket b = buckets.get(i);
        if (b.count() == 0) {
          continue;
        }
        cumulative += b.count();
        json.writeStartObject();
        json.writeNumberField("Start", seconds(cumulative == b.count() ? nanos.getMinValue() : b.fromNanos()));
        json.writeNumberField("End", seconds(cumulative == count ? nanos.getMaxValue() : b.toNanos()));
        json.writeNumberField("Percent", BigDecimal.valueOf(100 * cumulative).divide(BigDecimal.valueOf(count), 6,
            RoundingMode.HALF_EVEN).stripTrailingZeros());
        json.writeNumberField("Count", b.count());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    if (count > 0) {
      json.writeArrayFieldStart("Percentiles");
      for (double p : PERCENTILES) {
        json.writeStartObject();
        json.writeNumberField("Percentile", BigDecimal.valueOf(p).stripTrailingZeros());
        json.writeNumberField("Value", seconds(nanos.getValueAtPercentile(p)));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static BigDecimal seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
  }

  private static BigDecimal seconds(double nanos) {
    return new BigDecimal(nanos).setScale(0, RoundingMode.HALF_EVEN).movePointLeft(9).stripTrailingZeros();
  }
}
