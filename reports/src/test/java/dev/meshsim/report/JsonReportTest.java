package dev.meshsim.report;

import static dev.meshsim.report.Fixtures.MS;
import static dev.meshsim.report.Fixtures.RATINGS;
import static dev.meshsim.report.Fixtures.S;
import static dev.meshsim.report.Fixtures.V1;
import static dev.meshsim.report.Fixtures.V2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonNode parse(RunResult result) throws Exception {
    return MAPPER.readTree(JsonReport.toJson(result));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Map<String, Long> counts(JsonNode node) {
    Map<String, Long> counts = new TreeMap<>();
    node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().longValue()));
    return counts;
  }

  /** Asserts a latency figure is within HdrHistogram's 0.1% (plus rounding) of the exact value. */
  private static void assertNear(double expectedMs, JsonNode actual) {
    assertTrue(actual.isNumber(), () -> actual + " is not a number");
    double tolerance = expectedMs * 0.001 + 0.001;
    assertEquals(expectedMs, actual.doubleValue(), tolerance);
  }

  @Test
  void topLevelKeysComeInAFixedOrder() throws Exception {
    assertEquals(
        List.of("scenario", "seed", "durationSeconds", "warmupSeconds", "measuredSeconds",
            "simulatedEndSeconds", "unfinished", "requests", "throughput", "latencyMs", "codes",
            "flags", "clusters", "loads"),
        keys(parse(Fixtures.bookinfo())));
  }

  @Test
  void headerDescribesTheRun() throws Exception {
    JsonNode json = parse(Fixtures.bookinfo());
    assertEquals("bookinfo", json.get("scenario").textValue());
    assertEquals(42, json.get("seed").longValue());
    assertEquals(0, new BigDecimal("60").compareTo(json.get("durationSeconds").decimalValue()));
    assertEquals(0, new BigDecimal("10").compareTo(json.get("warmupSeconds").decimalValue()));
    assertEquals(0, new BigDecimal("50").compareTo(json.get("measuredSeconds").decimalValue()));
    assertEquals(0,
        new BigDecimal("61.5").compareTo(json.get("simulatedEndSeconds").decimalValue()));
    assertEquals(3, json.get("unfinished").longValue());
    assertEquals(1000, json.get("requests").longValue());
    assertEquals(0, new BigDecimal("20").compareTo(json.get("throughput").decimalValue()));
  }

  @Test
  void decimalsAreWrittenAsNumbersWithThreePlaces() {
    String json = JsonReport.toJson(Fixtures.bookinfo());
    assertTrue(json.contains("\"durationSeconds\" : 60.000,"), json);
    assertTrue(json.contains("\"throughput\" : 20.000,"), json);
    assertTrue(json.contains("\"simulatedEndSeconds\" : 61.500,"), json);
    assertTrue(json.contains("\"mean\" : 500.500,"), json);
  }

  @Test
  void latencyPercentilesAreCloseToTheRecordedOnes() throws Exception {
    JsonNode latency = parse(Fixtures.bookinfo()).get("latencyMs");
    assertEquals(List.of("mean", "p50", "p90", "p99", "p999", "max"), keys(latency));
    assertNear(500.5, latency.get("mean"));
    assertNear(500, latency.get("p50"));
    assertNear(900, latency.get("p90"));
    assertNear(990, latency.get("p99"));
    assertNear(999, latency.get("p999"));
    assertNear(1000, latency.get("max"));
  }

  @Test
  void codesFlagsAndClustersAreExact() throws Exception {
    JsonNode json = parse(Fixtures.bookinfo());
    assertEquals(Map.of("200", 985L, "404", 5L, "503", 10L), counts(json.get("codes")));
    assertEquals(Map.of("-", 985L, "NR", 5L, "UF", 10L), counts(json.get("flags")));
    assertEquals(Map.of(V1, 985L, V2, 10L, RATINGS, 500L), routed(json.get("clusters")));
    assertEquals(List.of("200", "404", "503"), keys(json.get("codes")));
  }

  @Test
  void eachLoadHasItsOwnBlockInScenarioOrder() throws Exception {
    JsonNode loads = parse(Fixtures.bookinfo()).get("loads");
    assertEquals(List.of("users", "admin"), keys(loads));
    JsonNode users = loads.get("users");
    assertEquals(List.of("requests", "throughput", "latencyMs", "codes", "flags", "clusters"),
        keys(users));
    assertEquals(500, users.get("requests").longValue());
    assertEquals(0, new BigDecimal("10").compareTo(users.get("throughput").decimalValue()));
    assertNear(999, users.get("latencyMs").get("max"));
    assertNear(499, users.get("latencyMs").get("p50"));
    assertEquals(Map.of("200", 497L, "404", 3L), counts(users.get("codes")));
    assertEquals(Map.of("-", 497L, "NR", 3L), counts(users.get("flags")));
    assertEquals(Map.of(V1, 497L), counts(users.get("clusters")));
    JsonNode admin = loads.get("admin");
    assertEquals(Map.of("200", 488L, "404", 2L, "503", 10L), counts(admin.get("codes")));
    assertEquals(Map.of(V1, 488L, V2, 10L), counts(admin.get("clusters")));
    assertNear(1000, admin.get("latencyMs").get("max"));
  }

  @Test
  void noRequestsGiveNullLatencyAndEmptyCounts() throws Exception {
    JsonNode json = parse(Fixtures.empty());
    assertEquals(0, json.get("requests").longValue());
    assertEquals(0, BigDecimal.ZERO.compareTo(json.get("throughput").decimalValue()));
    for (String key : List.of("mean", "p50", "p90", "p99", "p999", "max")) {
      assertTrue(json.get("latencyMs").get(key).isNull(), key);
    }
    assertEquals(0, json.get("codes").size());
    assertEquals(0, json.get("loads").get("idle").get("flags").size());
  }

  @Test
  void sameResultGivesTheSameBytes() {
    String first = JsonReport.toJson(Fixtures.bookinfo());
    assertEquals(first, JsonReport.toJson(Fixtures.bookinfo()));
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals(first, JsonReport.toJson(Fixtures.bookinfo()));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void outputIsExactlyAsExpected() {
    TrafficStats total = new TrafficStats();
    total.record(1_500, 200, "-", "c");
    total.record(250_000, 503, "UF,URX", "c");
    RunResult tiny = new RunResult("tiny", -1, 4 * S, S, total, Map.of(), 0, 4 * S + 7 * MS);
    String expected = """
        {
          "scenario" : "tiny",
          "seed" : -1,
          "durationSeconds" : 4.000,
          "warmupSeconds" : 1.000,
          "measuredSeconds" : 3.000,
          "simulatedEndSeconds" : 4.007,
          "unfinished" : 0,
          "requests" : 2,
          "throughput" : 0.667,
          "latencyMs" : {
            "mean" : 0.126,
            "p50" : 0.002,
            "p90" : 0.250,
            "p99" : 0.250,
            "p999" : 0.250,
            "max" : 0.250
          },
          "codes" : {
            "200" : 1,
            "503" : 1
          },
          "flags" : {
            "-" : 1,
            "UF,URX" : 1
          },
          "clusters" : {
            "c" : {
              "requests" : 2
            }
          },
          "loads" : { }
        }
        """;
    assertEquals(expected, JsonReport.toJson(tiny));
  }

  @Test
  void writeStoresTheSameUtf8BytesEndingInOneNewline(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.json");
    JsonReport.write(Fixtures.bookinfo(), file);
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(JsonReport.toJson(Fixtures.bookinfo()).getBytes(StandardCharsets.UTF_8),
        bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("}\n"));
    assertFalse(text.endsWith("\n\n"));
    assertFalse(text.contains("\r"));
  }

  /** The run-wide clusters block: requests routed per cluster (Envoy stats sit beside them). */
  private static Map<String, Long> routed(JsonNode clusters) {
    Map<String, Long> m = new java.util.TreeMap<>();
    clusters.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().get("requests").longValue()));
    return m;
  }
}
