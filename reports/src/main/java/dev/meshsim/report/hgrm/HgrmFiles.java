package dev.meshsim.report.hgrm;

import dev.meshsim.report.series.Series;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The texts of one load's HdrHistogram files. Values are latencies recorded in nanoseconds; the
 * {@code .hgrm} table is scaled to milliseconds (ratio 1e6), as HdrHistogram users usually plot
 * them, and the interval log keeps nanoseconds with its max column in milliseconds (the writer's
 * default ratio). Timestamps are seconds of simulated time from its zero (base time 0): no
 * wall-clock time, so the bytes repeat.
 */
public final class HgrmFiles {
  /** HdrHistogram's usual resolution of the percentile table. */
  static final int TICKS_PER_HALF_DISTANCE = 5;
  static final double NANOS_PER_MILLI = 1e6;

  private HgrmFiles() {}

  /** HdrHistogram's percentile distribution of the load's whole-run histogram, in milliseconds. */
  public static String percentileDistribution(Histogram nanos) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
      nanos.outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_MILLI);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The load's interval log: header, legend, then one line per non-empty bucket ({@code series} null: none). */
  public static String intervalLog(String scenario, String load, Series series) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputComment("meshsim interval log: scenario " + oneLine(scenario) + ", load " + oneLine(load)
          + "; latencies in ns, times in s of simulated time");
      log.outputLogFormatVersion();
      log.outputBaseTime(0);
      log.outputLegend();
      if (series != null) {
        out.print(series.intervalLogLines());
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A comment line must stay one line. */
  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\p{Cntrl}]", " ");
  }
}
