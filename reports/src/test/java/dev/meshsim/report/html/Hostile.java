package dev.meshsim.report.html;

import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimelineResult;
import dev.meshsim.result.TrafficStats;
import java.util.List;
import java.util.Map;

/** A run whose every name is an attack on the page: scripts, quotes, event handlers. */
final class Hostile {
  static final String SERVICE = "<script>document.title='pwned'</script>.default.svc.cluster.local";
  static final String LOAD = "\"><img src=x onerror=\"document.title='pwned'\">";
  static final String CLUSTER = "outbound|80||<svg onload=alert(1)>";
  static final String ACTION = "apply '<script>alert(\"x\")</script>'.yaml";
  private static final long S = 1_000_000_000L;

  private Hostile() {}

  record Run(RunResult result, SeriesRecorder series) {}

  static Run run() {
    TrafficStats load = new TrafficStats();
    TrafficStats total = new TrafficStats();
    SeriesRecorder series = new SeriesRecorder(0, S, false);
    for (int i = 0; i < 400; i++) {
      long start = i * 25_000_000L;
      long latency = (5 + i % 17) * 1_000_000L;
      int code = i % 20 == 0 ? 503 : 200;
      String flags = code == 503 ? "UO" : "-";
      load.record(latency, code, flags, CLUSTER);
      total.record(latency, code, flags, null);
      series.finished(new FinishedRequest(LOAD, "default", "10.0.0.1", "GET", "/<script>", SERVICE, SERVICE, 80,
          Map.of(), start, start + latency, start + 1000, start + latency - 1000, start + 2000, code, flags,
          "default", CLUSTER, "10.0.0.2:80", "<b>pod</b>-0"));
    }
    series.finish(10 * S + 200_000_000L);
    ClusterStats stats = new ClusterStats();
    stats.increment(ClusterStats.Stat.UPSTREAM_RQ_PENDING_OVERFLOW);
    stats.countResponse(503, "UO");
    TimelineResult timeline = new TimelineResult(S, List.of(new TimelineResult.Action(5 * S, ACTION)), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());
    RunResult r = new RunResult("<script>alert('scenario')</script>", 1, 10 * S, 0, total, Map.of(LOAD, load), 0,
        10 * S + 200_000_000L, Map.of(CLUSTER, stats), timeline);
    return new Run(r, series);
  }
}
