package dev.meshsim.report;

import static dev.meshsim.report.Fixtures.MS;
import static dev.meshsim.report.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.FailureWindow;
import dev.meshsim.result.Phase;
import dev.meshsim.result.PodEvent;
import dev.meshsim.result.PushRecord;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimeBucket;
import dev.meshsim.result.TimelineResult;
import dev.meshsim.result.TrafficStats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimelineSectionTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A 3s run with one apply at 1s that failed 2 requests and reached 4 sidecars. */
  static RunResult withTimeline() {
    TrafficStats before = new TrafficStats();
    before.record(5 * MS, 200, "-", "c");
    TrafficStats after = new TrafficStats();
    after.record(6 * MS, 503, "NC", "c");
    after.record(7 * MS, 503, "NC", "c");
    after.record(8 * MS, 200, "-", "c");
    List<TimeBucket> series = new ArrayList<>();
    series.add(new TimeBucket(0, 1, 0, 5 * MS, 5 * MS, new TreeMap<>(Map.of(200, 1L)), new TreeMap<>(Map.of("-", 1L))));
    series.add(new TimeBucket(S, 3, 2, 21 * MS, 8 * MS, new TreeMap<>(Map.of(200, 1L, 503, 2L)),
        new TreeMap<>(Map.of("-", 1L, "NC", 2L))));
    series.add(new TimeBucket(2 * S, 0, 0, 0, 0, new TreeMap<>(), new TreeMap<>()));
    TimelineResult t = new TimelineResult(S,
        List.of(new TimelineResult.Action(S, "apply change.yaml")),
        series,
        List.of(new Phase("start", 0, S, before), new Phase("apply change.yaml", S, 3 * S, after)),
        List.of(new FailureWindow(1_100 * MS, 1_250 * MS, 2, 3, new TreeMap<>(Map.of(503, 2L)),
            new TreeMap<>(Map.of("NC", 2L)))),
        List.of(new Convergence("apply change.yaml", S, true, 2, 4, 1,
            new long[] {120 * MS, 90 * MS, 700 * MS})),
        List.of(new PushRecord(1, true, 1, 1_100 * MS, 1_101 * MS, 1_110 * MS),
            new PushRecord(2, false, 1, 1_400 * MS, 1_400 * MS, -1)),
        List.of(new PodEvent(1_500 * MS, "reviews-v1-0", "killed")));
    TrafficStats total = new TrafficStats();
    return new RunResult("timed", 1, 3 * S, 0, total, Map.of("users", total), 0, 3 * S, Map.of(), t);
  }

  @Test
  void jsonHasTheTimelineBlockLast() throws Exception {
    JsonNode json = MAPPER.readTree(JsonReport.toJson(withTimeline()));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals("timeline", keys.get(keys.size() - 1));
    JsonNode t = json.get("timeline");
    List<String> tkeys = new ArrayList<>();
    t.fieldNames().forEachRemaining(tkeys::add);
    assertEquals(List.of("bucketSeconds", "actions", "phases", "failureWindows", "convergence", "pushes",
        "podEvents", "series"), tkeys);
    assertEquals(0, new BigDecimal("1").compareTo(t.get("actions").get(0).get("atSeconds").decimalValue()));
    assertEquals(2, t.get("phases").get(1).get("failed").longValue());
    assertEquals(3, t.get("phases").get(1).get("requests").longValue());
    JsonNode c = t.get("convergence").get(0);
    assertEquals(3, c.get("converged").longValue());
    assertEquals(1, c.get("lost").longValue());
    assertEquals(0, c.get("pending").longValue());
    assertEquals(0, new BigDecimal("120").compareTo(c.get("ms").get("p50").decimalValue()));
    assertEquals(0, new BigDecimal("700").compareTo(c.get("ms").get("max").decimalValue()));
    assertEquals(1, c.get("le").get("0.1").longValue(), "pilot_proxy_convergence_time buckets");
    assertEquals(2, c.get("le").get("0.5").longValue());
    assertEquals(3, c.get("le").get("1").longValue());
    assertEquals(3, c.get("le").get("+Inf").longValue());
    assertTrue(t.get("pushes").get(1).get("allSentSeconds").isNull());
    assertTrue(t.get("series").get(2).get("meanMs").isNull());
    assertEquals(0, new BigDecimal("7").compareTo(t.get("series").get(1).get("meanMs").decimalValue()));
    assertEquals(2, t.get("failureWindows").get(0).get("flags").get("NC").longValue());
  }

  @Test
  void textListsEachPart() {
    String text = TextSummary.render(withTimeline());
    assertTrue(text.contains("== timeline =="));
    assertTrue(text.contains("1.100 - 1.250 s 2 failed of 3 codes 503:2 flags NC:2"), text);
    assertTrue(text.contains("1.000 apply change.yaml       2        4 120.000 700.000 700.000 700.000       1"
        + " (1 went away, 0 never got it)"), text);
    assertTrue(text.contains("istiod pushes: 2 (1 full, 1 endpoints only)"), text);
    assertTrue(text.contains("1.500 reviews-v1-0 killed"), text);
    assertTrue(text.contains("1.000        3      2   7.000  8.000 200:1 503:2 -:1 NC:2"), text);
  }

  @Test
  void runsWithoutATimelinePrintNothingMore() throws Exception {
    assertFalse(TextSummary.render(Fixtures.bookinfo()).contains("timeline"));
    assertNull(MAPPER.readTree(JsonReport.toJson(Fixtures.bookinfo())).get("timeline"));
  }
}
