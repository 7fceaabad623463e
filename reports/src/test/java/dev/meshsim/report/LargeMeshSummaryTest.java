package dev.meshsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.report.html.HtmlReport;
import dev.meshsim.report.html.ReportContext;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A 200-load mesh: the text summary prints the busiest and the failing loads in full and one line
 * for each other one; the page draws the top N and lists the rest in a collapsed table.
 */
class LargeMeshSummaryTest {
  private static final long S = 1_000_000_000L;
  private static final int LOADS = 200;
  private static final String FAILING = "load-150";

  private static RunResult mesh(SeriesRecorder series) {
    Map<String, TrafficStats> loads = new LinkedHashMap<>();
    Map<String, ClusterStats> clusters = new TreeMap<>();
    TrafficStats total = new TrafficStats();
    for (int i = 0; i < LOADS; i++) {
      String name = String.format("load-%03d", i);
      String cluster = "outbound|80||svc-" + i + ".default.svc.cluster.local";
      TrafficStats t = new TrafficStats();
      ClusterStats c = new ClusterStats();
      int requests = name.equals(FAILING) ? 5 : 10 + i;
      for (int j = 0; j < requests; j++) {
        int code = name.equals(FAILING) ? 503 : 200;
        t.record((j + 1) * 1_000_000L, code, code == 503 ? "UF" : "-", cluster);
        total.record((j + 1) * 1_000_000L, code, code == 503 ? "UF" : "-", null);
        c.increment(ClusterStats.Stat.UPSTREAM_RQ_TOTAL);
        c.countResponse(code, code == 503 ? "UF" : "-");
        long start = j * 100_000_000L;
        series.finished(new FinishedRequest(name, "default", "10.0.0.1", "GET", "/", "svc-" + i, "svc-" + i
            + ".default.svc.cluster.local", 80, Map.of(), start, start + (j + 1) * 1_000_000L, start, start, start,
            code, code == 503 ? "UF" : "-", "default", cluster, "10.1.0.1:80", "svc-" + i + "-0"));
      }
      loads.put(name, t);
      clusters.put(cluster, c);
    }
    series.finish(10 * S);
    return new RunResult("large", 1, 10 * S, 0, total, loads, 0, 10 * S, clusters);
  }

  @Test
  void textSummary_showsTheTopLoadsInFull_andOneLinePerOther() {
    RunResult r = mesh(new SeriesRecorder(0, S, false));
    String text = TextSummary.render(r);
    long blocks = text.lines().filter(l -> l.startsWith("== load ")).count();
    assertEquals(TextSummary.TOP_LOADS, blocks);
    assertTrue(text.contains("== load " + FAILING + " =="), "the failing load is in full although it is small");
    assertTrue(text.contains("== load load-199 =="), "the busiest is in full");
    assertTrue(text.contains(LOADS - TextSummary.TOP_LOADS + " other loads"));
    assertTrue(text.lines().anyMatch(l -> l.matches("  load-000 +10 .*")), "a quiet load as one line");
    assertTrue(text.lines().count() < 1000, "readable: " + text.lines().count() + " lines");
  }

  @Test
  void page_drawsTheTopN_andCollapsesTheRest() {
    SeriesRecorder series = new SeriesRecorder(0, S, false);
    RunResult r = mesh(series);
    String html = HtmlReport.render(r, series, new ReportContext("meshsim run large", "test", "1.30", 6));
    assertEquals(6, html.split("<h3>load ", -1).length - 1, "six loads drawn");
    assertTrue(html.contains("<h3>load " + FAILING + "</h3>"));
    assertTrue(html.contains("<details><summary>194 more loads</summary>"));
    assertTrue(html.length() < 2_000_000, "page " + html.length());
  }
}
