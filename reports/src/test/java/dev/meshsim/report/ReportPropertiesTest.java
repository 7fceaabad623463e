package dev.meshsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.HdrHistogram.Histogram;

class ReportPropertiesTest {
  private static final long S = 1_000_000_000L;

  private static TrafficStats stats(List<Long> latencies) {
    TrafficStats stats = new TrafficStats();
    for (int i = 0; i < latencies.size(); i++) {
      stats.record(latencies.get(i), i % 3 == 0 ? 503 : 200, i % 3 == 0 ? "UF" : "-", "c" + i % 4);
    }
    return stats;
  }

  private static RunResult run(List<Long> latencies) {
    return new RunResult("p", 1, 60 * S, 10 * S, stats(latencies),
        Map.of("load", stats(latencies)), 0, 60 * S);
  }

  /** The exact nearest-rank percentile, as HdrHistogram defines it, in nanoseconds. */
  private static long nearestRank(List<Long> latencies, double percentile) {
    List<Long> sorted = latencies.stream().sorted().toList();
    int rank = (int) Math.ceil(percentile / 100 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static void assertWithinPrecision(long exactNanos, JsonNode reportedMs) {
    double exactMs = exactNanos / 1e6;
    double tolerance = exactMs / 1000 + 0.0005 + 1e-9;
    assertEquals(exactMs, reportedMs.doubleValue(), tolerance);
  }

  @Property(tries = 300)
  void percentilesAreWithinHistogramPrecisionOfTheExactOnes(
      @ForAll @Size(min = 1, max = 300)
          List<@LongRange(min = 1, max = 100_000_000_000L) Long> latencies) throws Exception {
    JsonNode ms = new ObjectMapper().readTree(JsonReport.toJson(run(latencies))).get("latencyMs");
    assertWithinPrecision(nearestRank(latencies, 50), ms.get("p50"));
    assertWithinPrecision(nearestRank(latencies, 90), ms.get("p90"));
    assertWithinPrecision(nearestRank(latencies, 99), ms.get("p99"));
    assertWithinPrecision(nearestRank(latencies, 99.9), ms.get("p999"));
    assertWithinPrecision(latencies.stream().mapToLong(Long::longValue).max().orElseThrow(),
        ms.get("max"));
  }

  @Property(tries = 300)
  void countsAddUpAndTheOutputIsAPureFunctionOfTheResult(
      @ForAll @Size(max = 200) List<@LongRange(min = 1, max = 5_000_000_000L) Long> latencies)
      throws Exception {
    String json = JsonReport.toJson(run(latencies));
    assertEquals(json, JsonReport.toJson(run(latencies)));
    assertEquals(TextSummary.render(run(latencies)), TextSummary.render(run(latencies)));
    JsonNode load = new ObjectMapper().readTree(json).get("loads").get("load");
    long codes = 0;
    for (JsonNode n : load.get("codes")) {
      codes += n.longValue();
    }
    assertEquals(latencies.size(), load.get("requests").longValue());
    assertEquals(latencies.size(), codes);
  }

  @Property(tries = 300)
  void histogramBucketsAreContiguousAndHoldEveryRecordedValue(
      @ForAll @Size(min = 1, max = 300)
          List<@LongRange(min = 1, max = TrafficStats.MAX_TRACKABLE_NANOS) Long> latencies,
      @ForAll @IntRange(min = 1, max = 20) int rows) {
    Histogram histogram = new Histogram(1, TrafficStats.MAX_TRACKABLE_NANOS, 3);
    latencies.forEach(histogram::recordValue);
    List<LatencyBuckets.Bucket> buckets = LatencyBuckets.of(histogram, rows);

    assertTrue(buckets.size() >= 1 && buckets.size() <= rows, () -> buckets.size() + " buckets");
    assertTrue(buckets.get(0).fromNanos() <= histogram.getMinValue());
    assertTrue(buckets.get(buckets.size() - 1).toNanos() > histogram.getMaxValue());
    long[] expected = new long[buckets.size()];
    for (long latency : latencies) {
      long reported = histogram.highestEquivalentValue(latency);
      for (int i = 0; i < buckets.size(); i++) {
        LatencyBuckets.Bucket b = buckets.get(i);
        assertTrue(b.fromNanos() < b.toNanos());
        if (i > 0) {
          assertEquals(buckets.get(i - 1).toNanos(), b.fromNanos());
        }
        if (b.fromNanos() <= reported && reported < b.toNanos()) {
          expected[i]++;
        }
      }
    }
    for (int i = 0; i < buckets.size(); i++) {
      assertEquals(expected[i], buckets.get(i).count(), "bucket " + i);
    }
  }
}
