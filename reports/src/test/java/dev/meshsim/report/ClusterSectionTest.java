package dev.meshsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Envoy's per-cluster stats and outlier events reach both the JSON and the text summary. */
class ClusterSectionTest {
  private static final String CLUSTER = "outbound|8000||httpbin.default.svc.cluster.local";

  private static RunResult result() {
    TrafficStats total = new TrafficStats();
    total.record(1_000_000, 503, "UO", null);
    total.countCluster(CLUSTER);
    ClusterStats stats = new ClusterStats();
    stats.increment(ClusterStats.Stat.UPSTREAM_RQ_PENDING_OVERFLOW);
    stats.increment(ClusterStats.Stat.UPSTREAM_RQ_PENDING_OVERFLOW);
    stats.increment(ClusterStats.Stat.UPSTREAM_CX_TOTAL);
    stats.countResponse(503, "UO");
    stats.addEvent(new ClusterStats.OutlierEvent(12_500_000_000L, "fortio-0", "httpbin-1", true));
    return new RunResult("cb", 1, 20_000_000_000L, 0, total, Map.of(), 0, 20_000_000_000L,
        Map.of(CLUSTER, stats));
  }

  @Test
  void jsonClustersCarryRequestsStatsAndEjections() throws Exception {
    JsonNode c = new ObjectMapper().readTree(JsonReport.toJson(result())).get("clusters").get(CLUSTER);
    assertEquals(1, c.get("requests").longValue());
    assertEquals(2, c.get("upstream_rq_pending_overflow").longValue());
    assertEquals(1, c.get("upstream_cx_total").longValue());
    assertEquals(1, c.get("codes").get("503").longValue());
    assertEquals(1, c.get("flags").get("UO").longValue());
    JsonNode event = c.get("outlierEvents").get(0);
    assertEquals(0, new java.math.BigDecimal("12.500").compareTo(event.get("timeSeconds").decimalValue()));
    assertEquals("ejected", event.get("event").asText());
    assertEquals("httpbin-1", event.get("host").asText());
  }

  @Test
  void textListsStatsAndEjections() {
    String text = TextSummary.render(result());
    assertTrue(text.contains("    upstream_rq_pending_overflow : 2\n"), text);
    assertTrue(text.contains("    codes: 503=1\n    flags: UO=1\n"), text);
    assertTrue(text.contains("12.500 s ejected httpbin-1 (by fortio-0)"), text);
  }
}
