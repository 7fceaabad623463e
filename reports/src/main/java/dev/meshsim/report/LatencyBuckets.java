package dev.meshsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Log-spaced latency buckets for the text histogram: about {@code rows} buckets between the lowest
 * and the highest recorded value, with edges rounded to two significant digits so they read well.
 * Uses {@link StrictMath} so that the edges are the same on every JVM.
 */
public final class LatencyBuckets {
  /** One bucket: values in {@code [fromNanos, toNanos)}. */
  public record Bucket(long fromNanos, long toNanos, long count) {}

  private LatencyBuckets() {}

  /** The buckets of a histogram of nanoseconds; empty when nothing was recorded. */
  public static List<Bucket> of(Histogram nanos, int rows) {
    if (nanos.getTotalCount() == 0) {
      return List.of();
    }
    long[] edges = edges(nanos.getMinValue(), nanos.getMaxValue(), rows);
    long[] counts = new long[edges.length - 1];
    for (HistogramIterationValue v : nanos.recordedValues()) {
      counts[indexOf(edges, v.getValueIteratedTo())] += v.getCountAtValueIteratedTo();
    }
    List<Bucket> buckets = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new Bucket(edges[i], edges[i + 1], counts[i]));
    }
    return buckets;
  }

  /** Ascending edges; the first is at most {@code min}, the last above {@code max}. */
  static long[] edges(long min, long max, int rows) {
    long low = round(Math.max(1, min), RoundingMode.FLOOR);
    long high = round(max + 1, RoundingMode.CEILING);
    double ratio = StrictMath.pow((double) high / low, 1.0 / rows);
    TreeSet<Long> edges = new TreeSet<>(List.of(low, high));
    for (int i = 1; i < rows; i++) {
      long edge = round(low * StrictMath.pow(ratio, i), RoundingMode.HALF_EVEN);
      if (edge > low && edge < high) {
        edges.add(edge);
      }
    }
    return edges.stream().mapToLong(Long::longValue).toArray();
  }

  private static int indexOf(long[] edges, long value) {
    int i = 0;
    while (value >= edges[i + 1]) {
      i++;
    }
    return i;
  }

  /** {@code value} rounded to two significant digits, then to a whole nanosecond. */
  private static long round(double value, RoundingMode mode) {
    return new BigDecimal(value).round(new MathContext(2, mode)).setScale(0, mode).longValueExact();
  }
}
