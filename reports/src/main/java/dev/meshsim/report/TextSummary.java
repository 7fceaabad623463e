package dev.meshsim.report;

import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.text.SafeText;
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

  /** Loads printed in full at most; the others get one line each (large meshes stay readable). */
  static final int TOP_LOADS = 10;

  private TextSummary() {}

  /** The summary as a string. */
  public static String render(RunResult result) {
    StringBuilder out = new StringBuilder();
    header(result, out);
    long window = result.durationNanos() - result.warmupNanos();
    block("total", TrafficSummary.of(result.total(), window), result.total(), out);
    List<String> names = List.copyOf(result.loads().keySet());
    List<String> top = Ranking.top(names, TOP_LOADS, n -> result.loads().get(n).requests(),
        n -> failed(result.loads().get(n)), n -> n);
    for (String name : top) {
      TrafficStats stats = result.loads().get(name);
      block("load " + SafeText.escape(name), TrafficSummary.of(stats, window), stats, out);
    }
    others(result, Ranking.rest(names, top), window, out);
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
    out.append("scenario ").append(SafeText.escape(r.scenario())).append(", seed ").append(r.seed()).append('\n');
    out.append("measured ").append(seconds(r.durationNanos() - r.warmupNanos()))
        .append(" s (duration ").append(seconds(r.durationNanos()))
        .append(" s - warmup ").append(seconds(r.warmupNanos()))
        .append(" s), simulated end at ").append(seconds(r.simulatedEndNanos())).append(" s\n");
    if (r.unfinished() > 0) {
      out.append("unfinished ").append(r.unfinished())
          .append(" (still in flight at the end, in no other count)\n");
    }
  }

  /** Non-2xx responses, the errors by which loads are ranked. */
  static long failed(TrafficStats stats) {
    return stats.requests() - stats.codes().entrySet().stream()
        .filter(e -> e.getKey() >= 200 && e.getKey() < 300).mapToLong(Map.Entry::getValue).sum();
  }

  /** The loads not printed in full, one line each. */
  private static void others(RunResult r, List<String> rest, long window, StringBuilder out) {
    if (rest.isEmpty()) {
      return;
    }
    out.append('\n').append("== ").append(rest.size()).append(" other loads (the ").append(TOP_LOADS)
        .append(" above have the most traffic or errors; --json, --csv and --html have all) ==\n");
    TextTable table = new TextTable("  ", "LRRRRR");
    table.row("load", "requests", "req/s", "non-2xx %", "p50 ms", "p99 ms");
    for (String name : rest) {
      TrafficStats stats = r.loads().get(name);
      TrafficSummary s = TrafficSummary.of(stats, window);
      table.row(name, Long.toString(s.requests()), plain(s.throughput()),
          Decimals.percent(failed(stats), s.requests()).toPlainString(),
          s.latencyMs().isEmpty() ? "-" : plain(s.latencyMs().p50()),
          s.latencyMs().isEmpty() ? "-" : plain(s.latencyMs().p99()));
    }
    table.appendTo(out);
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
