package dev.meshsim.report.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshsim.report.AllOutputs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fortio files read back as fortio's UI reads them. The field names are fortio's own, read from
 * its Go source (github.com/fortio/fortio at 45e1871): {@code periodic.RunnerResults}, {@code
 * fhttp.HTTPRunnerResults} (with its embedded {@code HTTPOptions}) and {@code stats.HistogramData},
 * {@code Bucket} (embedding {@code Interval}) and {@code Percentile}; Go marshals exported fields
 * under their own names.
 */
class FortioJsonTest {
  static final Set<String> RUNNER_RESULTS = Set.of("RunType", "Labels", "StartTime", "RequestedQPS",
      "RequestedDuration", "ActualQPS", "ActualDuration", "NumThreads", "Version", "DurationHistogram",
      "ErrorsDurationHistogram", "Exactly", "Jitter", "Uniform", "NoCatchUp", "RunID", "AccessLoggerInfo", "ID");
  static final Set<String> HTTP_RESULTS = Set.of("RetCodes", "IPCountMap", "URL", "NumConnections", "Sizes",
      "HeaderSizes", "Sockets", "SocketCount", "ConnectionStats", "AbortOn");
  static final Set<String> HISTOGRAM_DATA = Set.of("Count", "Min", "Max", "Sum", "Avg", "StdDev", "Data",
      "Percentiles");
  static final Set<String> BUCKET = Set.of("Start", "End", "Percent", "Count");
  static final Set<String> PERCENTILE = Set.of("Percentile", "Value");

  @Test
  void everyKey_isAFortioField_andTheFiguresAreTheJsonReports() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.circuitBreaking();
    JsonNode report = FormatsFixture.json(r);
    for (String load : new String[] {"fortio-c2", "fortio-c3"}) {
      JsonNode f = new ObjectMapper().readTree(r.files().get(load + ".fortio.json"));
      JsonNode expected = report.path("loads").path(load);
      f.fieldNames().forEachRemaining(k -> assertTrue(RUNNER_RESULTS.contains(k) || HTTP_RESULTS.contains(k),
          "not a fortio result field: " + k));
      for (String k : new String[] {"DurationHistogram", "RetCodes", "ActualQPS", "RequestedQPS", "NumThreads",
          "ActualDuration", "RequestedDuration", "StartTime", "URL"}) {
        assertTrue(f.has(k), load + " lacks " + k);
      }
      JsonNode h = f.path("DurationHistogram");
      keys(h, HISTOGRAM_DATA);
      assertEquals(expected.path("requests").asLong(), h.path("Count").asLong());
      assertEquals(expected.path("codes"), f.path("RetCodes"), "RetCodes are the report's codes");
      assertEquals(expected.path("latencyMs").path("p50").decimalValue(), ms(h.path("Percentiles").get(0)));
      assertEquals(expected.path("latencyMs").path("p90").decimalValue(), ms(h.path("Percentiles").get(2)));
      assertEquals(expected.path("latencyMs").path("p99").decimalValue(), ms(h.path("Percentiles").get(3)));
      assertEquals(expected.path("latencyMs").path("max").decimalValue(),
          h.path("Max").decimalValue().movePointRight(3).setScale(3, RoundingMode.HALF_EVEN));
      long sum = 0;
      double lastPercent = 0;
      for (JsonNode b : h.path("Data")) {
        keys(b, BUCKET);
        assertTrue(b.path("Start").asDouble() <= b.path("End").asDouble(), b.toString());
        assertTrue(b.path("Percent").asDouble() >= lastPercent, "cumulative percent");
        lastPercent = b.path("Percent").asDouble();
        sum += b.path("Count").asLong();
      }
      assertEquals(h.path("Count").asLong(), sum, "buckets hold every request");
      assertEquals(100.0, lastPercent, 1e-9);
      h.path("Percentiles").forEach(p -> keys(p, PERCENTILE));
      assertEquals("max", f.path("RequestedQPS").asText(), "fortio -qps 0");
      long errors = 0;
      for (Iterator<String> it = expected.path("codes").fieldNames(); it.hasNext(); ) {
        String code = it.next();
        errors += code.startsWith("2") ? 0 : expected.path("codes").path(code).asLong();
      }
      assertEquals(errors, f.path("ErrorsDurationHistogram").path("Count").asLong(), "non-2xx are fortio errors");
    }
    JsonNode c3 = new ObjectMapper().readTree(r.files().get("fortio-c3.fortio.json"));
    assertEquals(3, c3.path("NumThreads").asInt());
    assertEquals("exactly 30 calls", c3.path("RequestedDuration").asText());
    // fortio's ActualDuration of a -n run is how long its calls took, not the scenario's duration.
    long actual = c3.path("ActualDuration").asLong();
    double sumSeconds = c3.path("DurationHistogram").path("Sum").asDouble();
    double maxSeconds = c3.path("DurationHistogram").path("Max").asDouble();
    assertTrue(actual >= maxSeconds * 1e9 * 0.99 && actual <= sumSeconds * 1e9 * 1.01,
        "between the longest call and all calls back to back: " + actual + " ns");
    assertEquals(30 / (actual / 1e9), c3.path("ActualQPS").asDouble(), 1e-6 * 30 / (actual / 1e9));
  }

  private static BigDecimal ms(JsonNode percentile) {
    return percentile.path("Value").decimalValue().movePointRight(3).setScale(3, RoundingMode.HALF_EVEN);
  }

  private static void keys(JsonNode node, Set<String> allowed) {
    node.fieldNames().forEachRemaining(k -> assertTrue(allowed.contains(k), "unexpected key " + k + " in " + node));
  }
}
