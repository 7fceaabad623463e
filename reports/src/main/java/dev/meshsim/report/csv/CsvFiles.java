package dev.meshsim.report.csv;

import dev.meshsim.report.Decimals;
import dev.meshsim.report.series.Series;
import dev.meshsim.report.series.SeriesPoint;
import dev.meshsim.report.series.SeriesRecorder;
import dev.meshsim.result.ClusterStats;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CSV files of a run, by file name, in a fixed order. */
public final class CsvFiles {
  private CsvFiles() {}

  public static Map<String, String> render(RunResult r, SeriesRecorder series) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("timeseries.csv", timeseries(series));
    files.put("latency.csv", latency(series));
    files.put("clusters.csv", clusters(r));
    files.put("convergence.csv", convergence(r));
    return files;
  }

  /** Requests that ended in each bucket, per load, response code and Envoy response flags. */
  static String timeseries(SeriesRecorder series) {
    CsvWriter csv = new CsvWriter("bucket_start_s", "bucket_s", "load", "response_code", "response_flags", "requests");
    String width = s(series.bucketNanos());
    for (Series load : series.loads().values()) {
      for (SeriesPoint p : load.points()) {
        p.outcomes().forEach((key, n) -> {
          int space = key.indexOf(' ');
          csv.row(s(p.startNanos()), width, load.name(), key.substring(0, space), key.substring(space + 1), n);
        });
      }
    }
    return csv.toString();
  }

  /** Per bucket and series (total, each load, each destination service): counts and latency percentiles. */
  static String latency(SeriesRecorder series) {
    CsvWriter csv = new CsvWriter("bucket_start_s", "bucket_s", "kind", "name", "requests", "non_5xx", "p50_ms",
        "p90_ms", "p99_ms", "max_ms");
    String width = s(series.bucketNanos());
    rows(csv, width, "total", series.total());
    series.loads().values().forEach(l -> rows(csv, width, "load", l));
    series.services().values().forEach(l -> rows(csv, width, "service", l));
    return csv.toString();
  }

  private static void rows(CsvWriter csv, String width, String kind, Series s) {
    for (SeriesPoint p : s.points()) {
      boolean any = p.requests() > 0;
      csv.row(s(p.startNanos()), width, kind, s.name(), p.requests(), p.non5xx(), any ? ms(p.p50Nanos()) : "",
          any ? ms(p.p90Nanos()) : "", any ? ms(p.p99Nanos()) : "", any ? ms(p.maxNanos()) : "");
    }
  }

  /** Envoy's stats per cluster, one row per counter (codes and flags of the final responses too). */
  static String clusters(RunResult r) {
    CsvWriter csv = new CsvWriter("cluster", "stat", "value");
    for (Map.Entry<String, ClusterStats> c : r.clusterStats().entrySet()) {
      c.getValue().counters().forEach((stat, n) -> csv.row(c.getKey(), stat, n));
      c.getValue().responseCodes().forEach((code, n) -> csv.row(c.getKey(), "response_code." + code, n));
      c.getValue().responseFlags().forEach((flags, n) -> csv.row(c.getKey(), "response_flags." + flags, n));
    }
    return csv.toString();
  }

  /** One row per config or endpoints change: how long the sidecars took to apply it. */
  static String convergence(RunResult r) {
    CsvWriter csv = new CsvWriter("at_s", "change", "full", "version", "sidecars", "converged", "lost", "pending",
        "p50_ms", "p90_ms", "p99_ms", "max_ms");
    if (r.timeline() != null) {
      for (Convergence c : r.timeline().convergence()) {
        boolean any = c.samplesNanos().length > 0;
        csv.row(s(c.atNanos()), c.change(), c.full(), c.version(), c.sidecars(), c.samplesNanos().length, c.lost(),
            c.pending(), any ? ms(c.quantileNanos(0.5)) : "", any ? ms(c.quantileNanos(0.9)) : "",
            any ? ms(c.quantileNanos(0.99)) : "", any ? ms(c.quantileNanos(1)) : "");
      }
    }
    return csv.toString();
  }

  private static String s(long nanos) {
    return Decimals.seconds(nanos).toPlainString();
  }

  private static String ms(long nanos) {
    return Decimals.millis(nanos).toPlainString();
  }
}
