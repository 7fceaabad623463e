package dev.meshsim.plan.shard;

import dev.meshsim.plan.PlanInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A shard's latency histograms as an HdrHistogram interval log ({@code HistogramLogWriter}'s text
 * format, readable by HdrHistogram's own {@code HistogramLogProcessor}), one tagged interval per
 * (point, replication): the tag is {@code k<key>r<rep>}, the interval's start is its position.
 */
final class HistogramLog {
  private HistogramLog() {}

  static String tag(long key, int rep) {
    return "k" + key + "r" + rep;
  }

  /** The log of {@code histograms}, in order; tags are set on copies, never on the inputs. */
  static String write(List<String> tags, List<Histogram> histograms) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputComment("meshsim plan shard: one interval per (point, replication), tag k<key>r<rep>");
      writer.outputLogFormatVersion();
      writer.outputLegend();
      for (int i = 0; i < histograms.size(); i++) {
        Histogram h = histograms.get(i).copy();
        h.setTag(tags.get(i));
        // Latencies are in ns; the max column in ms, as HdrHistogram's tools expect by default.
        writer.outputIntervalHistogram(i, i + 1, h, 1e6);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The histograms of a log, by tag. */
  static Map<String, Histogram> read(String log, String name) {
    Map<String, Histogram> out = new LinkedHashMap<>();
    try (HistogramLogReader reader = new HistogramLogReader(
        new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))) {
      EncodableHistogram h;
      while ((h = reader.nextIntervalHistogram()) != null) {
        if (!(h instanceof Histogram histogram) || histogram.getTag() == null) {
          throw bad(name, "an interval of its histogram log has no tag or is not an integer histogram");
        }
        out.put(histogram.getTag(), histogram);
      }
    } catch (RuntimeException e) {
      if (e instanceof PlanInputException p) {
        throw p;
      }
      throw bad(name, "its histogram log does not read (" + e.getClass().getSimpleName() + ")");
    }
    return out;
  }

  private static PlanInputException bad(String name, String why) {
    return new PlanInputException(name + ": not a meshsim shard file: " + why + ".");
  }
}
