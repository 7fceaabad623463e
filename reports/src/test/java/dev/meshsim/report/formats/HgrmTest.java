package dev.meshsim.report.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshsim.report.AllOutputs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

/** The HdrHistogram files read back: the .hgrm table by its format, the .hlog by HdrHistogram's own reader. */
class HgrmTest {
  private static final Pattern ROW = Pattern.compile(
      " *(\\d+\\.\\d{3}) +(\\d\\.\\d{12}) +(\\d+) +(\\d+\\.\\d{2}|Infinity)?");

  @Test
  void percentileTable_hasHdrHistogramsHeader_andTheReportsCountMeanAndPercentiles() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.outOfOrderApply();
    JsonNode load = FormatsFixture.json(r).path("loads").path("to-reviews");
    String hgrm = r.files().get("to-reviews.hgrm");
    String[] lines = hgrm.split("\n");
    assertEquals("Value     Percentile TotalCount 1/(1-Percentile)", lines[0].trim());
    long lastCount = 0;
    double median = Double.NaN;
    for (String line : lines) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        long count = Long.parseLong(m.group(3));
        assertTrue(count >= lastCount, "TotalCount is cumulative");
        lastCount = count;
        if (Double.isNaN(median) && Double.parseDouble(m.group(2)) >= 0.5) {
          median = Double.parseDouble(m.group(1));
        }
      }
    }
    assertEquals(load.path("requests").asLong(), lastCount, "last row counts every request");
    assertEquals(load.path("latencyMs").path("p50").asDouble(), median, 0.001 * median + 0.001);
    Matcher mean = Pattern.compile("#\\[Mean += +([\\d.]+),").matcher(hgrm);
    assertTrue(mean.find());
    assertEquals(load.path("latencyMs").path("mean").asDouble(), Double.parseDouble(mean.group(1)), 0.0015);
    Matcher total = Pattern.compile("Total count += +(\\d+)]").matcher(hgrm);
    assertTrue(total.find());
    assertEquals(load.path("requests").asLong(), Long.parseLong(total.group(1)));
  }

  @Test
  void intervalLog_readByHistogramLogReader_addsUpToTheReport() throws Exception {
    AllOutputs.Rendered r = FormatsFixture.outOfOrderApply();
    for (String name : new String[] {"to-reviews", "to-ratings"}) {
      JsonNode load = FormatsFixture.json(r).path("loads").path(name);
      HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(
          r.files().get(name + ".hlog").getBytes(StandardCharsets.UTF_8)));
      Histogram all = new Histogram(2);
      int intervals = 0;
      double lastStart = -1;
      for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
        intervals++;
        assertTrue(h.getStartTimeStamp() / 1000.0 > lastStart, "intervals in time order");
        lastStart = h.getStartTimeStamp() / 1000.0;
        all.add((Histogram) h);
      }
      assertTrue(intervals >= 15, name + ": one interval per second of a 20 s run: " + intervals);
      assertEquals(load.path("requests").asLong(), all.getTotalCount(), name + ": every request in some interval");
      double maxMs = all.getMaxValue() / 1e6;
      assertEquals(load.path("latencyMs").path("max").asDouble(), maxMs, 0.01 * maxMs, "max within 2 digits");
    }
  }
}
