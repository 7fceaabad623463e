package dev.meshsim.bench;

import dev.meshsim.report.accesslog.AccessLogWriter;
import dev.meshsim.report.prometheus.IstioMetrics;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.FinishedRequest;
import dev.meshsim.result.ProxyLogEntry;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each report output costs per finished request, the price a run pays on top of the
 * simulation when it asks for that output: one operation is one request handed to the listener.
 * Requests are 4,096 prebuilt records (3 loads, 5% 503 UO), replayed in end-time order so the time
 * series advance through their buckets as in a run. The access log formats every line and writes
 * it to a writer that discards it, so disk speed is not measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReportListenersBenchmark {
  private static final int N = 4096;
  private FinishedRequest[] requests;
  private int next;
  private long shift;
  private SeriesRecorder series;
  private IstioMetrics metrics;
  private AccessLogWriter accessLog;

  @Setup
  public void setUp() {
    requests = new FinishedRequest[N];
    for (int i = 0; i < N; i++) {
      long start = i * 3_000_000L;
      boolean overflow = i % 20 == 0;
      String load = "load-" + (i % 3);
      requests[i] = new FinishedRequest(load, "default", "10.0.0." + (i % 3), "GET", "/reviews/1", "reviews:9080",
          "reviews.default.svc.cluster.local", 9080, Map.of(), start, start + 4_000_000L + (i % 17) * 100_000L,
          start + 10_000, start + 3_990_000L, start + 20_000, overflow ? 503 : 200, overflow ? "UO" : "-", "default",
          "outbound|9080|v1|reviews.default.svc.cluster.local", "10.1.0." + (i % 4) + ":9080", "reviews-v1-" + (i % 4));
    }
    series = new SeriesRecorder(0, 1_000_000_000L, true);
    metrics = new IstioMetrics();
    accessLog = new AccessLogWriter(Writer.nullWriter(), 1, 1);
  }

  /** The next request, shifted in time on each pass so that time keeps moving forward. */
  private FinishedRequest nextRequest() {
    FinishedRequest r = requests[next++];
    if (next == N) {
      next = 0;
      shift += N * 3_000_000L;
    }
    if (shift == 0) {
      return r;
    }
    return new FinishedRequest(r.load(), r.sourceNamespace(), r.sourceIp(), r.method(), r.path(), r.authority(),
        r.destinationService(), r.destinationPort(), r.headers(), r.startNanos() + shift, r.endNanos() + shift,
        r.proxyStartNanos() + shift, r.proxyEndNanos() + shift, r.routedNanos() + shift, r.code(), r.flags(),
        r.routeName(), r.upstreamCluster(), r.upstreamHost(), r.upstreamPod());
  }

  @Benchmark
  public FinishedRequest baseline() {
    return nextRequest();
  }

  @Benchmark
  public void timeSeries() {
    series.finished(nextRequest());
  }

  @Benchmark
  public void istioMetrics() {
    metrics.finished(nextRequest());
  }

  /** One outbound entry per request, as the client sidecar of a load logs it. */
  @Benchmark
  public void accessLog() {
    FinishedRequest r = nextRequest();
    accessLog.logged(new ProxyLogEntry(r.load(), false, r.proxyStartNanos(), r.proxyEndNanos(),
        r.proxyEndNanos() - r.routedNanos(), r.method(), r.path(), r.authority(), null, r.startNanos(), r.code(),
        r.flags(), r.upstreamHost(), r.upstreamCluster(), r.sourceIp() + ":40000", "10.96.1.1:9080",
        r.sourceIp() + ":50000", null, r.routeName(), r.tcpProxied()));
  }
}
