package dev.meshsim.report;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-built run results with known contents. */
final class Fixtures {
  static final String V1 = "outbound|9080|v1|reviews.default.svc.cluster.local";
  static final String V2 = "outbound|9080|v2|reviews.default.svc.cluster.local";
  static final String RATINGS = "outbound|9080||ratings.default.svc.cluster.local";
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  private Fixtures() {}

  /**
   * 1000 requests with latencies 1, 2, … 1000 ms over a 50 s window (60 s − 10 s warmup). Each
   * 100th is a 503 UF to v2; the first 5 are 404 NR with no cluster; the rest 200 to v1. Odd
   * milliseconds come from load "users", even from "admin". The total also counts 500 upstream
   * requests to ratings. 3 requests were unfinished.
   */
  static RunResult bookinfo() {
    TrafficStats total = new TrafficStats();
    TrafficStats users = new TrafficStats();
    TrafficStats admin = new TrafficStats();
    for (int i = 1; i <= 1000; i++) {
      record(total, i);
      record(i % 2 == 1 ? users : admin, i);
    }
    for (int i = 0; i < 500; i++) {
      total.countCluster(RATINGS);
    }
    Map<String, TrafficStats> loads = new LinkedHashMap<>();
    loads.put("users", users);
    loads.put("admin", admin);
    return new RunResult("bookinfo", 42, 60 * S, 10 * S, total, loads, 3, 61_500 * MS);
  }

  /** A run in which nothing finished: the load "idle" counted no request. */
  static RunResult empty() {
    return new RunResult("quiet", 7, 20 * S, 5 * S, new TrafficStats(),
        Map.of("idle", new TrafficStats()), 0, 20 * S);
  }

  private static void record(TrafficStats stats, int ms) {
    if (ms <= 5) {
      stats.record(ms * MS, 404, "NR", null);
    } else if (ms % 100 == 0) {
      stats.record(ms * MS, 503, "UF", V2);
    } else {
      stats.record(ms * MS, 200, "-", V1);
    }
  }
}
