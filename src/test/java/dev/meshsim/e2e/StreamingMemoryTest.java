package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Memory does not grow with simulated duration: what a run's result keeps for a scenario without a
 * timeline is the same size after N and after 8N simulated seconds. Measured on the structures
 * themselves (their element counts), not through the heap, so the test does not depend on the GC.
 */
class StreamingMemoryTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void withoutATimelineTheResultKeepsNoTimeSeries() {
    Scenario base = Scenarios.test("export-to");
    RunResult shortRun = Scenarios.run(base.withDuration(10 * SECOND));
    RunResult longRun = Scenarios.run(base.withDuration(80 * SECOND));
    assertTrue(longRun.total().requests() > 7 * shortRun.total().requests(), "the long run ran longer");
    assertEquals(shortRun.timeline().series().size(), longRun.timeline().series().size(),
        "time-series buckets kept after 10 s and after 80 s");
    assertEquals(0, longRun.timeline().series().size(), "no report shows a series without a timeline");
  }

  @Test
  void withATimelineTheSeriesHasOneBucketPerReportBucket() {
    Scenario s = Scenarios.test("locality-failover");
    RunResult r = Scenarios.run(s);
    long bucket = s.timeline().bucketNanos();
    long expected = (s.durationNanos() - s.warmupNanos() + bucket - 1) / bucket;
    assertEquals(expected, r.timeline().series().size());
  }
}
