package dev.meshsim.report.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshsim.report.AllOutputs;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV files read by Apache Commons CSV with its default format and the header row: no options. */
class CsvFilesTest {
  static List<CSVRecord> read(String csv) throws Exception {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
        .getRecords();
  }

  @Test
  void timeseries_addsUpToTheReportsCodesAndFlags_perLoad() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.outOfOrderApply();
    JsonNode loads = FormatsFixture.json(r).path("loads");
    Map<String, TreeMap<String, Long>> codes = new TreeMap<>();
    Map<String, TreeMap<String, Long>> flags = new TreeMap<>();
    double lastStart = -1;
    for (CSVRecord row : read(r.files().get("timeseries.csv"))) {
      long n = Long.parseLong(row.get("requests"));
      codes.computeIfAbsent(row.get("load"), k -> new TreeMap<>()).merge(row.get("response_code"), n, Long::sum);
      flags.computeIfAbsent(row.get("load"), k -> new TreeMap<>()).merge(row.get("response_flags"), n, Long::sum);
      assertEquals("1.000", row.get("bucket_s"));
      lastStart = Math.max(lastStart, Double.parseDouble(row.get("bucket_start_s")));
    }
    for (String load : List.of("to-reviews", "to-ratings")) {
      assertEquals(asMap(loads.path(load).path("codes")), codes.get(load), load);
      assertEquals(asMap(loads.path(load).path("flags")), flags.get(load), load);
    }
    assertTrue(flags.get("to-reviews").containsKey("NC"), "the out-of-order apply's NC shows in the series");
    assertTrue(lastStart >= 19, "buckets to the end of the run: " + lastStart);
  }

  @Test
  void latencyAndClustersAndConvergence_matchTheReport() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.outOfOrderApply();
    JsonNode report = FormatsFixture.json(r);
    long total = 0;
    for (CSVRecord row : read(r.files().get("latency.csv"))) {
      if (row.get("kind").equals("total")) {
        total += Long.parseLong(row.get("requests"));
        if (Long.parseLong(row.get("requests")) > 0) {
          assertTrue(Double.parseDouble(row.get("p50_ms")) <= Double.parseDouble(row.get("p99_ms")));
        }
      }
    }
    assertEquals(report.path("requests").asLong(), total);
    int checked = 0;
    for (CSVRecord row : read(r.files().get("clusters.csv"))) {
      JsonNode cluster = report.path("clusters").path(row.get("cluster"));
      String stat = row.get("stat");
      JsonNode expected = stat.startsWith("response_code.") ? cluster.path("codes").path(stat.substring(14))
          : stat.startsWith("response_flags.") ? cluster.path("flags").path(stat.substring(15)) : cluster.path(stat);
      assertEquals(expected.asLong(), Long.parseLong(row.get("value")), row.toString());
      checked++;
    }
    assertTrue(checked > 5);
    List<CSVRecord> changes = read(r.files().get("convergence.csv"));
    JsonNode convergence = report.path("timeline").path("convergence");
    assertEquals(convergence.size(), changes.size());
    for (int i = 0; i < changes.size(); i++) {
      assertEquals(convergence.get(i).path("change").asText(), changes.get(i).get("change"));
      assertEquals(convergence.get(i).path("converged").asLong(), Long.parseLong(changes.get(i).get("converged")));
    }
  }

  @Test
  void fieldsWithCommasOrQuotes_survive() throws Exception {
    CSVRecord row = read("a,b\n" + "\"x,\"\"y\"\"\",z\n").get(0);
    assertEquals("x,\"y\"", row.get("a"));
  }

  private static Map<String, Long> asMap(JsonNode node) {
    TreeMap<String, Long> m = new TreeMap<>();
    node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
    return m;
  }
}
