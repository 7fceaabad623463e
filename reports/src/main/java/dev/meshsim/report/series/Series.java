package dev.meshsim.report.series;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One time series (a load, a service or the total), filled in time order. The open bucket has its
 * own interval histogram; when a later request arrives the bucket is closed into a {@link
 * SeriesPoint} and, if asked, appended to an HdrHistogram interval log ({@link HistogramLogWriter}).
 * Interval histograms keep 2 significant digits (values within 1%): enough for a chart, and small
 * (about 18 kB per open series) so that a mesh with hundreds of series stays light.
 */
public final class Series {
  private static final long MAX_NANOS = 3_600_000_000_000L;

  private final String name;
  private final long originNanos;
  private final long bucketNanos;
  private final List<SeriesPoint> points = new ArrayList<>();
  private final AbstractHistogram open = new IntCountsHistogram(1, MAX_NANOS, 2);
  private final TreeMap<String, Long> outcomes = new TreeMap<>();
  private long openIndex;
  private long non5xx;
  private final ByteArrayOutputStream logBytes;
  private final PrintStream logStream;
  private final HistogramLogWriter log;

  Series(String name, long originNanos, long bucketNanos, boolean intervalLog) {
    this.name = name;
    this.originNanos = originNanos;
    this.bucketNanos = bucketNanos;
    if (intervalLog) {
      logBytes = new ByteArrayOutputStream();
      logStream = new PrintStream(logBytes, false, StandardCharsets.UTF_8);
      log = new HistogramLogWriter(logStream);
    } else {
      logBytes = null;
      logStream = null;
      log = null;
    }
  }

  public String name() {
    return name;
  }

  void record(long endNanos, long latencyNanos, int code, String flags) {
    long index = Math.max(0, (endNanos - originNanos) / bucketNanos);
    advanceTo(index);
    open.recordValue(Math.max(1, Math.min(latencyNanos, MAX_NANOS)));
    outcomes.merge(SeriesPoint.outcomeKey(code, flags), 1L, Long::sum);
    if (code < 500) {
      non5xx++;
    }
  }

  /** Closes buckets until the open one is {@code index}; empty buckets in between are kept. */
  private void advanceTo(long index) {
    while (openIndex < index) {
      close();
      openIndex++;
    }
  }

  /** Closes every bucket that starts before {@code endNanos}: the series then covers the run. */
  void finish(long endNanos) {
    long last = Math.max(0, (endNanos - originNanos + bucketNanos - 1) / bucketNanos - 1);
    advanceTo(last);
    close();
    openIndex++;
  }

  private void close() {
    long start = originNanos + openIndex * bucketNanos;
    long n = open.getTotalCount();
    points.add(new SeriesPoint(start, n, non5xx, at(50), at(90), at(99), n == 0 ? 0 : open.getMaxValue(), outcomes));
    if (log != null && n > 0) {
      open.setStartTimeStamp(start / 1_000_000);
      open.setEndTimeStamp((start + bucketNanos) / 1_000_000);
      log.outputIntervalHistogram(open);
    }
    open.reset();
    outcomes.clear();
    non5xx = 0;
  }

  private long at(double percentile) {
    return open.getTotalCount() == 0 ? 0 : open.getValueAtPercentile(percentile);
  }

  /** The closed buckets, in time order. */
  public List<SeriesPoint> points() {
    return Collections.unmodifiableList(points);
  }

  /**
   * The interval histograms of the closed buckets as {@link HistogramLogWriter} lines (no header),
   * values in nanoseconds, timestamps in seconds of simulated time; empty if not asked for.
   */
  public String intervalLogLines() {
    if (log == null) {
      return "";
    }
    logStream.flush();
    return logBytes.toString(StandardCharsets.UTF_8);
  }
}
