package dev.meshsim.plan;

import dev.meshsim.result.TrafficStats;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What one replication measured of the requests an SLO reads: exact counters and the latency
 * histogram in HdrHistogram's compressed encoding (the payload of an HdrHistogram log line), which
 * is how a sample travels in a shard file and how it is kept in memory between the rounds of a
 * search (a few KB instead of the histogram's few hundred).
 *
 * @param requests counted requests (started after the warmup, finished before the end)
 * @param non2xx of those, how many got anything but a 2xx
 * @param flags per Envoy response flag (UO, UF, URX …), how many requests carried it
 * @param measuredSeconds the measured window, duration minus warmup
 * @param histogram the latency histogram in nanoseconds, compressed
 */
public record Sample(long requests, long non2xx, SortedMap<String, Long> flags, double measuredSeconds,
    byte[] histogram) {

  public Sample {
    flags = Collections.unmodifiableSortedMap(new TreeMap<>(flags));
    histogram = histogram.clone();
  }

  /** The sample of {@code stats}, the traffic of one load (or all loads) of one run. */
  public static Sample of(TrafficStats stats, double measuredSeconds) {
    long non2xx = 0;
    for (Map.Entry<Integer, Long> e : stats.codes().entrySet()) {
      if (e.getKey() < 200 || e.getKey() > 299) {
        non2xx += e.getValue();
      }
    }
    TreeMap<String, Long> flags = new TreeMap<>();
    stats.flags().forEach((combined, n) -> {
      for (String flag : combined.split(",")) {
        if (!flag.isEmpty() && !flag.equals("-")) {
          flags.merge(flag, n, Long::sum);
        }
      }
    });
    return new Sample(stats.requests(), non2xx, flags, measuredSeconds, compress(stats.latency()));
  }

  /**
   * The flag key of an overloaded replication. Not an Envoy flag: it marks the sample of a run that
   * stopped because its backlog passed meshsim's bound on requests in flight, and travels in shard
   * files as any flag count does.
   */
  public static final String OVERLOADED = "overloaded";

  /** The sample of a replication that stopped overloaded ({@link #OVERLOADED}). */
  public static Sample overloaded(double measuredSeconds) {
    return new Sample(0, 0, new TreeMap<>(Map.of(OVERLOADED, 1L)), measuredSeconds,
        compress(new Histogram(1, TrafficStats.MAX_TRACKABLE_NANOS, 3)));
  }

  /** Whether this replication stopped overloaded. */
  public boolean overloaded() {
    return flags.containsKey(OVERLOADED);
  }

  /** The histogram decoded, for the metrics to read. */
  public Measured measured() {
    try {
      return new Measured(this, Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(histogram), 0));
    } catch (DataFormatException e) {
      throw new IllegalStateException("a sample's histogram does not decode", e);
    }
  }

  /** {@code h} in HdrHistogram's compressed encoding. */
  public static byte[] compress(Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    byte[] out = new byte[length];
    buffer.flip();
    buffer.get(out);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s && requests == s.requests && non2xx == s.non2xx && flags.equals(s.flags)
        && Double.compare(measuredSeconds, s.measuredSeconds) == 0 && measured().histogram.equals(s.measured().histogram);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(requests) * 31 + Long.hashCode(non2xx);
  }

  /** A sample with its histogram decoded. */
  public record Measured(Sample sample, Histogram histogram) {
    public double percentileNanos(double percentile) {
      return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }

    public double meanNanos() {
      return histogram.getTotalCount() == 0 ? 0 : histogram.getMean();
    }
  }
}
