package dev.meshsim.report;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A fortio-style plain-text summary of a run for people: the run's header, then one block for the
 * total and one per load generator with throughput, latency figures and histogram in
 * milliseconds, and counts by response code, Envoy response flag and Envoy cluster.
 *
 * <p>Deterministic: lines end in {@code \n}, and numbers are formatted exactly, independent of the
 * default locale and of the JVM version.
 */
public final class TextSummary {
  /** About how many rows the latency histogram has. */
  static final int HISTOGRAM_ROWS = 12;

  /** Width of the histogram bar of the fullest bucket. */
  static final int BAR_WIDTH = 40;

  private TextSummary() {}

  /** The summary as a string. */
  public static String render(RunResult result) {
    StringBuilder out = new StringBuilder();
    header(result, out);
    long window = result.durationNanos() - result.warmupNanos();
    block("total", TrafficSummary.of(result.total(), window), result.total(), out);
    for (Map.Entry<String, TrafficStats> load : result.loads().entrySet()) {
      TrafficStats stats = load.getValue();
      block("load " + load.getKey(), TrafficSummary.of(stats, window), stats, out);
    }
    ClusterSection.text(result, out);
    TraceSection.text(result, out);
    TimelineSection.text(result, out);
    return out.toString();
  }

  /** Prints the summary to {@code out}. */
  public static void print(RunResult result, PrintStream out) {
    out.print(render(result));
    out.flush();
  }

  /** Writes the summary to {@code out}. */
  public static void write(RunResult result, Writer out) throws IOException {
    out.write(render(result));
    out.flush();
  }

  private static void header(RunResult r, StringBuilder out) {
    out.append("scenario ").append(r.scenario()).append(", seed ").append(r.seed()).append('\n');
    out.append("measured ").append(seconds(r.durationNanos() - r.warmupNanos()))
        .append(" s (duration ").append(seconds(r.durationNanos()))
        .append(" s - warmup ").append(seconds(r.warmupNanos()))
        .append(" s), simulated end at ").append(seconds(r.simulatedEndNanos())).append(" s\n");
    if (r.unfinished() > 0) {
      out.append("unfinished ").append(r.unfinished())
          .append(" (still in flight at the end, in no other count)\n");
    }
  }

  private static void block(String title, TrafficSummary s, TrafficStats stats, StringBuilder out) {
    out.append('\n').append("== ").append(title).append(" ==\n");
    out.append("  requests ").append(s.requests())
        .append(", throughput ").append(s.throughput().toPlainString()).append(" req/s\n");
    latency(s.latencyMs(), out);
    histogram(LatencyBuckets.of(stats.latency(), HISTOGRAM_ROWS), s.requests(), out);
    counts("codes", s.codes(), s.requests(), out);
    counts("flags", s.flags(), s.requests(), out);
    long routed = s.clusterTotal();
    counts("clusters (% of " + routed + " routed)", s.clusters(), routed, out);
  }

  private static void latency(LatencyMillis ms, StringBuilder out) {
    if (ms.isEmpty()) {
      out.append("  latency (ms): no requests\n");
      return;
    }
    out.append("  latency (ms)\n");
    new TextTable("    ", "LLR")
        .row("mean", ":", plain(ms.mean()))
        .row("p50", ":", plain(ms.p50()))
        .row("p90", ":", plain(ms.p90()))
        .row("p99", ":", plain(ms.p99()))
        .row("p99.9", ":", plain(ms.p999()))
        .row("max", ":", plain(ms.max()))
        .appendTo(out);
  }

  private static void histogram(
      List<LatencyBuckets.Bucket> buckets, long total, StringBuilder out) {
    if (buckets.isEmpty()) {
      return;
    }
    out.append("  histogram (ms): range, count, cumulative %\n");
    long fullest = buckets.stream().mapToLong(LatencyBuckets.Bucket::count).max().orElse(1);
    TextTable table = new TextTable("    ", "LRLRLRRLL");
    long cumulative = 0;
    for (LatencyBuckets.Bucket b : buckets) {
      cumulative += b.count();
      table.row(">=", ms(b.fromNanos()), "<", ms(b.toNanos()), ":", Long.toString(b.count()),
          Decimals.percent(cumulative, total).toPlainString(), "%", bar(b.count(), fullest));
    }
    table.appendTo(out);
  }

  private static void counts(String title, Map<?, Long> counts, long base, StringBuilder out) {
    if (counts.isEmpty()) {
      return;
    }
    out.append("  ").append(title).append('\n');
    TextTable table = new TextTable("    ", "LLRRL");
    counts.forEach((key, n) -> table.row(String.valueOf(key), ":", Long.toString(n),
        Decimals.percent(n, base).toPlainString(), "%"));
    table.appendTo(out);
  }

  /** {@code #} proportional to {@code count}; at least one for a non-empty bucket. */
  private static String bar(long count, long fullest) {
    return "#".repeat((int) ((count * BAR_WIDTH + fullest - 1) / fullest));
  }

  private static String ms(long nanos) {
    return Decimals.millis(nanos).toPlainString();
  }

  private static String seconds(long nanos) {
    return Decimals.seconds(nanos).toPlainString();
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }
}
