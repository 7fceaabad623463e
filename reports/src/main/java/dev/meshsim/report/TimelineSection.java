package dev.meshsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.FailureWindow;
import dev.meshsim.result.Phase;
import dev.meshsim.result.PodEvent;
import dev.meshsim.result.PushRecord;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimeBucket;
import dev.meshsim.result.TimelineResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * What happened over time in a run with a timeline: the actions, the phases between them, the
 * windows in which requests failed, how long each change took to reach the sidecars, istiod's
 * pushes, pod events and the time series. Printed only when the scenario has a timeline.
 */
final class TimelineSection {
  /** istiod's {@code pilot_proxy_convergence_time} buckets, in seconds (pilot/pkg/xds/monitoring.go). */
  static final double[] CONVERGENCE_BUCKETS = {0.1, 0.5, 1, 3, 5, 10, 20, 30};
  /** Failure windows printed in text at most (the largest); JSON has all. */
  static final int MAX_WINDOWS = 10;

  private TimelineSection() {}

  static boolean present(RunResult r) {
    return r.timeline() != null && !r.timeline().actions().isEmpty();
  }

  // --- text ---

  static void text(RunResult r, StringBuilder out) {
    if (!present(r)) {
      return;
    }
    TimelineResult t = r.timeline();
    out.append('\n').append("== timeline ==\n");
    out.append("  actions\n");
    TextTable actions = new TextTable("    ", "RLL");
    t.actions().forEach(a -> actions.row(seconds(a.atNanos()), "s", a.description()));
    actions.appendTo(out);
    phases(t, out);
    windows(t, out);
    convergence(t, out);
    pushes(t, out);
    podEvents(t, out);
    series(t, out);
  }

  private static void phases(TimelineResult t, StringBuilder out) {
    out.append("  phases (requests by start time)\n");
    TextTable table = new TextTable("    ", "RRRRRRRRL");
    table.row("from s", "to s", "requests", "failed", "failed %", "p50 ms", "p99 ms", "max ms", "started by");
    for (Phase p : t.phases()) {
      long failed = failed(p.traffic().codes());
      LatencyMillis ms = LatencyMillis.of(p.traffic().latency());
      table.row(seconds(p.fromNanos()), seconds(p.toNanos()), Long.toString(p.traffic().requests()),
          Long.toString(failed), Decimals.percent(failed, p.traffic().requests()).toPlainString(),
          plain(ms.p50()), plain(ms.p99()), plain(ms.max()), p.label());
    }
    table.appendTo(out);
  }

  private static void windows(TimelineResult t, StringBuilder out) {
    if (t.failureWindows().isEmpty()) {
      out.append("  failure windows: none (every request got a 2xx)\n");
      return;
    }
    out.append("  failure windows (start of the first to the start of the last failed request)\n");
    TextTable table = new TextTable("    ", "RLRRRLL");
    List<FailureWindow> shown = largest(t.failureWindows(), MAX_WINDOWS);
    for (FailureWindow w : shown) {
      table.row(seconds(w.fromNanos()), "-", seconds(w.toNanos()) + " s", Long.toString(w.failed()),
          "failed of " + w.requests(), "codes " + counts(w.codes()), "flags " + counts(w.flags()));
    }
    table.appendTo(out);
    if (shown.size() < t.failureWindows().size()) {
      out.append("    ... and ").append(t.failureWindows().size() - shown.size())
          .append(" smaller windows (all of them are in the JSON report)\n");
    }
  }

  /** The {@code max} windows with the most failures, in time order. */
  private static List<FailureWindow> largest(List<FailureWindow> windows, int max) {
    if (windows.size() <= max) {
      return windows;
    }
    List<FailureWindow> byFailures = new ArrayList<>(windows);
    byFailures.sort(Comparator.comparingLong(FailureWindow::failed).reversed()
        .thenComparingLong(FailureWindow::fromNanos));
    List<FailureWindow> kept = new ArrayList<>(byFailures.subList(0, max));
    kept.sort(Comparator.comparingLong(FailureWindow::fromNanos));
    return kept;
  }

  private static void convergence(TimelineResult t, StringBuilder out) {
    if (t.convergence().isEmpty()) {
      return;
    }
    out.append("  convergence (from the change until each sidecar ready then had applied it)\n");
    TextTable table = new TextTable("    ", "RLRRRRRRRL");
    table.row("at s", "change", "version", "sidecars", "p50 ms", "p90 ms", "p99 ms", "max ms", "missing", "");
    for (Convergence c : t.convergence()) {
      int missing = c.lost() + c.pending();
      table.row(seconds(c.atNanos()), c.change(), c.version() < 0 ? "-" : Long.toString(c.version()),
          Integer.toString(c.sidecars()), quantile(c, 0.5), quantile(c, 0.9), quantile(c, 0.99), quantile(c, 1),
          Integer.toString(missing), missing == 0 ? "" : "(" + c.lost() + " went away, " + c.pending() + " never got it)");
    }
    table.appendTo(out);
  }

  private static void pushes(TimelineResult t, StringBuilder out) {
    long full = t.pushes().stream().filter(PushRecord::full).count();
    out.append("  istiod pushes: ").append(t.pushes().size()).append(" (").append(full).append(" full, ")
        .append(t.pushes().size() - full).append(" endpoints only)\n");
    if (t.pushes().isEmpty()) {
      return;
    }
    // The skipped column only when istiod skipped a proxy (DependsOnConfig), so other runs print as before.
    boolean skips = anySkipped(t);
    TextTable table = new TextTable("    ", skips ? "RLRRRRR" : "RLRRRR");
    List<String> header = new ArrayList<>(List.of("version", "kind", "events", "dispatched s", "ready s",
        "all sent s"));
    if (skips) {
      header.add("skipped");
    }
    table.row(header.toArray(String[]::new));
    for (PushRecord p : t.pushes()) {
      List<String> row = new ArrayList<>(List.of(Long.toString(p.version()), p.full() ? "full" : "eds",
          Integer.toString(p.events()), seconds(p.dispatchedNanos()), seconds(p.readyNanos()),
          p.doneNanos() < 0 ? "-" : seconds(p.doneNanos())));
      if (skips) {
        row.add(Integer.toString(p.skippedProxies()));
      }
      table.row(row.toArray(String[]::new));
    }
    table.appendTo(out);
  }

  /** Whether istiod skipped any proxy in the run (then pushes carry a skipped count). */
  private static boolean anySkipped(TimelineResult t) {
    return t.pushes().stream().anyMatch(p -> p.skippedProxies() > 0);
  }

  private static void podEvents(TimelineResult t, StringBuilder out) {
    if (t.podEvents().isEmpty()) {
      return;
    }
    out.append("  pod events\n");
    TextTable table = new TextTable("    ", "RLL");
    for (PodEvent e : t.podEvents()) {
      table.row(seconds(e.atNanos()), e.pod(), e.event());
    }
    table.appendTo(out);
  }

  private static void series(TimelineResult t, StringBuilder out) {
    out.append("  time series (bucket ").append(seconds(t.bucketNanos())).append(" s, requests by start time)\n");
    TextTable table = new TextTable("    ", "RRRRRLL");
    table.row("start s", "requests", "failed", "mean ms", "max ms", "codes", "flags");
    for (TimeBucket b : t.series()) {
      table.row(seconds(b.startNanos()), Long.toString(b.requests()), Long.toString(b.failed()),
          b.requests() == 0 ? "-" : Decimals.millis((double) b.latencySumNanos() / b.requests()).toPlainString(),
          b.requests() == 0 ? "-" : Decimals.millis(b.maxLatencyNanos()).toPlainString(),
          counts(b.codes()), counts(b.flags()));
    }
    table.appendTo(out);
  }

  // --- JSON ---

  static void json(RunResult r, JsonGenerator json) throws IOException {
    if (!present(r)) {
      return;
    }
    TimelineResult t = r.timeline();
    json.writeObjectFieldStart("timeline");
    json.writeNumberField("bucketSeconds", Decimals.seconds(t.bucketNanos()));
    json.writeArrayFieldStart("actions");
    for (TimelineResult.Action a : t.actions()) {
      json.writeStartObject();
      json.writeNumberField("atSeconds", Decimals.seconds(a.atNanos()));
      json.writeStringField("action", a.description());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("phases");
    for (Phase p : t.phases()) {
      json.writeStartObject();
      json.writeStringField("startedBy", p.label());
      json.writeNumberField("fromSeconds", Decimals.seconds(p.fromNanos()));
      json.writeNumberField("toSeconds", Decimals.seconds(p.toNanos()));
      json.writeNumberField("failed", failed(p.traffic().codes()));
      JsonReport.traffic(TrafficSummary.of(p.traffic(), p.toNanos() - p.fromNanos()), json, true);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("failureWindows");
    for (FailureWindow w : t.failureWindows()) {
      json.writeStartObject();
      json.writeNumberField("fromSeconds", Decimals.seconds(w.fromNanos()));
      json.writeNumberField("toSeconds", Decimals.seconds(w.toNanos()));
      json.writeNumberField("failed", w.failed());
      json.writeNumberField("requests", w.requests());
      counts("codes", w.codes(), json);
      counts("flags", w.flags(), json);
      json.writeEndObject();
    }
    json.writeEndArray();
    convergenceJson(t, json);
    boolean skips = anySkipped(t);
    json.writeArrayFieldStart("pushes");
    for (PushRecord p : t.pushes()) {
      json.writeStartObject();
      json.writeNumberField("version", p.version());
      json.writeBooleanField("full", p.full());
      json.writeNumberField("events", p.events());
      json.writeNumberField("dispatchedSeconds", Decimals.seconds(p.dispatchedNanos()));
      json.writeNumberField("readySeconds", Decimals.seconds(p.readyNanos()));
      if (p.doneNanos() < 0) {
        json.writeNullField("allSentSeconds");
      } else {
        json.writeNumberField("allSentSeconds", Decimals.seconds(p.doneNanos()));
      }
      if (skips) {
        json.writeNumberField("skippedProxies", p.skippedProxies());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("podEvents");
    for (PodEvent e : t.podEvents()) {
      json.writeStartObject();
      json.writeNumberField("atSeconds", Decimals.seconds(e.atNanos()));
      json.writeStringField("pod", e.pod());
      json.writeStringField("event", e.event());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("series");
    for (TimeBucket b : t.series()) {
      json.writeStartObject();
      json.writeNumberField("startSeconds", Decimals.seconds(b.startNanos()));
      json.writeNumberField("requests", b.requests());
      json.writeNumberField("failed", b.failed());
      if (b.requests() == 0) {
        json.writeNullField("meanMs");
        json.writeNullField("maxMs");
      } else {
        json.writeNumberField("meanMs", Decimals.millis((double) b.latencySumNanos() / b.requests()));
        json.writeNumberField("maxMs", Decimals.millis(b.maxLatencyNanos()));
      }
      counts("codes", b.codes(), json);
      counts("flags", b.flags(), json);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void convergenceJson(TimelineResult t, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("convergence");
    for (Convergence c : t.convergence()) {
      json.writeStartObject();
      json.writeStringField("change", c.change());
      json.writeNumberField("atSeconds", Decimals.seconds(c.atNanos()));
      json.writeBooleanField("full", c.full());
      if (c.version() < 0) {
        json.writeNullField("version");
      } else {
        json.writeNumberField("version", c.version());
      }
      json.writeNumberField("sidecars", c.sidecars());
      json.writeNumberField("converged", c.samplesNanos().length);
      json.writeNumberField("lost", c.lost());
      json.writeNumberField("pending", c.pending());
      json.writeObjectFieldStart("ms");
      for (String[] q : new String[][] {{"p50", "0.5"}, {"p90", "0.9"}, {"p99", "0.99"}, {"max", "1"}}) {
        long v = c.quantileNanos(Double.parseDouble(q[1]));
        if (v < 0) {
          json.writeNullField(q[0]);
        } else {
          json.writeNumberField(q[0], Decimals.millis(v));
        }
      }
      json.writeEndObject();
      // Cumulative counts in istiod's pilot_proxy_convergence_time buckets (seconds, "le").
      json.writeObjectFieldStart("le");
      for (double le : CONVERGENCE_BUCKETS) {
        long bound = Math.round(le * 1e9);
        long n = 0;
        for (long s : c.samplesNanos()) {
          if (s <= bound) {
            n++;
          }
        }
        json.writeNumberField(BigDecimal.valueOf(le).stripTrailingZeros().toPlainString(), n);
      }
      json.writeNumberField("+Inf", c.samplesNanos().length);
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  // --- helpers ---

  private static long failed(Map<Integer, Long> codes) {
    long n = 0;
    for (Map.Entry<Integer, Long> e : codes.entrySet()) {
      if (e.getKey() < 200 || e.getKey() >= 300) {
        n += e.getValue();
      }
    }
    return n;
  }

  private static String counts(SortedMap<?, Long> counts) {
    if (counts.isEmpty()) {
      return "-";
    }
    return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(" "));
  }

  private static void counts(String name, Map<?, Long> counts, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<?, Long> e : counts.entrySet()) {
      json.writeNumberField(String.valueOf(e.getKey()), e.getValue());
    }
    json.writeEndObject();
  }

  private static String quantile(Convergence c, double q) {
    long v = c.quantileNanos(q);
    return v < 0 ? "-" : Decimals.millis(v).toPlainString();
  }

  private static String seconds(long nanos) {
    return Decimals.seconds(nanos).toPlainString();
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }
}
