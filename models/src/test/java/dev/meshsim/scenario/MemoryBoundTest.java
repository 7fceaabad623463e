package dev.meshsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.yaml.ReadLimits;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small inputs that used to need gigabytes: alias bombs, huge files, one bucket per nanosecond. */
class MemoryBoundTest {
  @TempDir Path tmp;

  /** 1000 routes of 1000 destinations from a few hundred bytes of anchors and aliases. */
  static String aliasBomb() {
    StringBuilder b = new StringBuilder(TestScenarios.MINIMAL).append("x-d0: &d0 {destination: {host: reviews}}\n");
    String[] levels = {"d0", "d1", "d2", "d3", "d4", "d5"};
    for (int i = 1; i < levels.length; i++) {
      b.append("x-").append(levels[i]).append(": &").append(levels[i]).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(16, "*" + levels[i - 1]))).append("]\n");
    }
    return b.append("istio:\n  - {apiVersion: networking.istio.io/v1, kind: VirtualService, metadata: {name: v},")
        .append(" spec: {hosts: [reviews], http: [{route: *d5}]}}\n").toString();
  }

  @Test
  void aliasesAreCountedAfterExpansion() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      ScenarioException e = TestScenarios.error(tmp, aliasBomb());
      assertTrue(e.getMessage().contains("more than 1000000 values once its aliases are expanded"), e.getMessage());
      assertTrue(e.line() > 0 && !e.path().isEmpty(), e.getMessage());
    });
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws Exception {
    Path big = tmp.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: 3 GiB of nothing
    }
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL + "istioFiles: [big.yaml]\n");
      assertEquals("istioFiles[0]", e.path());
      assertTrue(e.getMessage().contains("larger than meshsim's limit of 64 MiB per input file"), e.getMessage());
    });
    Path s = TestScenarios.write(tmp, "small.yaml", TestScenarios.MINIMAL);
    ScenarioException limited = assertThrows(ScenarioException.class,
        () -> ScenarioLoader.load(s, ReadLimits.DEFAULT.withMaxFileBytes(100)));
    assertTrue(limited.getMessage().endsWith("larger than meshsim's limit of 100 bytes per input file"
        + " (raise it with --max-input-size)"), limited.getMessage());
  }

  @Test
  void aBucketPerNanosecondIsRefusedWithABucketThatFits() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL.replace("duration: 10s", "duration: 30s")
        + "report: {bucket: 1ns}\ntimeline: [{at: 1s, kill: {deployment: reviews-v1}}]\n");
    assertEquals("report.bucket", e.path());
    assertTrue(e.getMessage().endsWith("report.bucket 1ns gives 30000000000 buckets over the duration 30s, over"
        + " meshsim's limit of 100000; a bucket of 500us or more fits"), e.getMessage());
  }

  @Test
  void theDefaultBucketCountsToo() {
    ScenarioException e = TestScenarios.error(tmp, TestScenarios.MINIMAL.replace("duration: 10s", "duration: 720h")
        + "timeline: [{at: 1s, kill: {deployment: reviews-v1}}]\n");
    assertEquals("timeline", e.path());
    assertTrue(e.getMessage().contains("report.bucket 1s gives 2592000 buckets"), e.getMessage());
    Scenario noTimeline = TestScenarios.errorFree(tmp, TestScenarios.MINIMAL);
    assertEquals(720L * 3600 * 1_000_000_000L, ScenarioLoader.withDuration(noTimeline, 720L * 3600 * 1_000_000_000L)
        .durationNanos(), "no timeline, no time series: nothing to bound");
  }

  @Test
  void aDurationOverrideIsCheckedAsTheFileIs() throws Exception {
    Scenario s = TestScenarios.load(tmp, TestScenarios.MINIMAL + "report: {bucket: 1ms}\n"
        + "timeline: [{at: 1s, kill: {deployment: reviews-v1}}]\n").scenario();
    assertEquals(1_000_000_000L * 60, ScenarioLoader.withDuration(s, 1_000_000_000L * 60).durationNanos());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> ScenarioLoader.withDuration(s, 1_000_000_000L * 3600 * 1000));
    assertTrue(tooLong.getMessage().contains("at most 720h"), tooLong.getMessage());
    IllegalArgumentException buckets = assertThrows(IllegalArgumentException.class,
        () -> ScenarioLoader.withDuration(s, 1_000_000_000L * 3600));
    assertTrue(buckets.getMessage().contains("a bucket of 50ms or more fits"), buckets.getMessage());
  }
}
