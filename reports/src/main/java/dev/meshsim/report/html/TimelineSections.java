package dev.meshsim.report.html;

import dev.meshsim.report.Decimals;
import dev.meshsim.report.chart.XyChart;
import dev.meshsim.result.Convergence;
import dev.meshsim.result.FailureWindow;
import dev.meshsim.result.PodEvent;
import dev.meshsim.result.PushRecord;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimelineResult;
import java.util.List;

/**
 * The timeline of a run: its actions, the failure windows, how long each change took to reach the
 * sidecars (a cumulative distribution per change, and a table), istiod's pushes over time and the
 * pod events. Shown only when the scenario has a timeline.
 */
final class TimelineSections {
  /** Changes drawn as curves at most; the table lists all. */
  private static final int MAX_CURVES = 10;
  private static final int MAX_POD_EVENTS = 500;

  private TimelineSections() {}

  static void render(RunResult r, Decorations d, StringBuilder out) {
    TimelineResult t = r.timeline();
    if (t == null || t.actions().isEmpty()) {
      return;
    }
    out.append("<h2>Timeline</h2>\n<p class=\"note\">Each action is a numbered purple line on the time charts.</p>\n")
        .append("<table>\n<tr><th>#</th><th>at s</th><th>action</th></tr>\n");
    for (int i = 0; i < t.actions().size(); i++) {
      TimelineResult.Action a = t.actions().get(i);
      out.append("<tr><td class=\"n\">").append(i + 1).append("</td><td class=\"n\">").append(s(a.atNanos()))
          .append("</td><td>").append(Html.text(a.description())).append("</td></tr>\n");
    }
    out.append("</table>\n");
    windows(t, out);
    convergence(t, out);
    pushes(t, d, out);
    podEvents(t, out);
  }

  private static void windows(TimelineResult t, StringBuilder out) {
    out.append("<h3>Failure windows</h3>\n");
    if (t.failureWindows().isEmpty()) {
      out.append("<p class=\"note\">None: every request got a 2xx.</p>\n");
      return;
    }
    out.append("<p class=\"note\">Shaded red on every time chart.</p>\n<table>\n<tr><th>from s</th><th>to s</th>")
        .append("<th>failed</th><th>of requests</th><th>codes</th><th>flags</th></tr>\n");
    for (FailureWindow w : t.failureWindows()) {
      out.append("<tr><td class=\"n\">").append(s(w.fromNanos())).append("</td><td class=\"n\">").append(s(w.toNanos()))
          .append("</td><td class=\"n\">").append(w.failed()).append("</td><td class=\"n\">").append(w.requests())
          .append("</td><td>").append(Html.text(HtmlReport.counts(w.codes()))).append("</td><td>")
          .append(Html.text(HtmlReport.counts(w.flags()))).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void convergence(TimelineResult t, StringBuilder out) {
    List<Convergence> changes = t.convergence();
    if (changes.isEmpty()) {
      return;
    }
    out.append("<h3>Convergence: time until each sidecar had applied a change</h3>\n");
    XyChart chart = new XyChart("Convergence per change (cumulative % of sidecars)", "time since the change (ms)",
        "% of sidecars");
    int drawn = 0;
    for (Convergence c : changes) {
      long[] samples = c.samplesNanos();
      if (samples.length == 0 || drawn == MAX_CURVES) {
        continue;
      }
      drawn++;
      double[] x = new double[samples.length];
      double[] y = new double[samples.length];
      for (int i = 0; i < samples.length; i++) {
        x[i] = samples[i] / 1e6;
        y[i] = 100.0 * (i + 1) / c.sidecars();
      }
      chart.line(c.change(), x, y);
    }
    if (drawn > 0) {
      out.append("<div class=\"grid\">\n");
      HtmlReport.widePanel(chart.yRange(0, 102).svg("convergence", 1140, 300), out);
      out.append("</div>\n");
    }
    out.append("<table>\n<tr><th>at s</th><th>change</th><th>sidecars</th><th>converged</th><th>lost</th>")
        .append("<th>pending</th><th>p50 ms</th><th>p99 ms</th><th>max ms</th></tr>\n");
    for (Convergence c : changes) {
      out.append("<tr><td class=\"n\">").append(s(c.atNanos())).append("</td><td>").append(Html.text(c.change()))
          .append("</td><td class=\"n\">").append(c.sidecars()).append("</td><td class=\"n\">")
          .append(c.samplesNanos().length).append("</td><td class=\"n\">").append(c.lost())
          .append("</td><td class=\"n\">").append(c.pending()).append("</td><td class=\"n\">")
          .append(ms(c.quantileNanos(0.5))).append("</td><td class=\"n\">").append(ms(c.quantileNanos(0.99)))
          .append("</td><td class=\"n\">").append(ms(c.quantileNanos(1.0))).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void pushes(TimelineResult t, Decorations d, StringBuilder out) {
    List<PushRecord> pushes = t.pushes();
    if (pushes.isEmpty()) {
      return;
    }
    double[] x = new double[pushes.size()];
    double[] build = new double[pushes.size()];
    double[] total = new double[pushes.size()];
    int full = 0;
    for (int i = 0; i < x.length; i++) {
      PushRecord p = pushes.get(i);
      x[i] = p.dispatchedNanos() / 1e9;
      build[i] = (p.readyNanos() - p.dispatchedNanos()) / 1e6;
      total[i] = p.doneNanos() < 0 ? Double.NaN : (p.doneNanos() - p.dispatchedNanos()) / 1e6;
      full += p.full() ? 1 : 0;
    }
    out.append("<h3>istiod pushes</h3>\n<p class=\"note\">").append(pushes.size()).append(" pushes (")
        .append(full).append(" full, ").append(pushes.size() - full).append(" endpoints-only).</p>\n")
        .append("<div class=\"grid\">\n");
    HtmlReport.widePanel(d.applyTo(new XyChart("istiod push time", "simulated time (s)", "ms"))
        .line("push context built", x, build).line("last proxy sent", x, total).points().svg("pushes", 1140, 260), out);
    out.append("</div>\n");
  }

  private static void podEvents(TimelineResult t, StringBuilder out) {
    List<PodEvent> events = t.podEvents();
    if (events.isEmpty()) {
      return;
    }
    out.append("<details><summary>").append(events.size()).append(" pod events</summary>\n<table>\n")
        .append("<tr><th>at s</th><th>pod</th><th>event</th></tr>\n");
    events.stream().limit(MAX_POD_EVENTS).forEach(e -> out.append("<tr><td class=\"n\">").append(s(e.atNanos()))
        .append("</td><td>").append(Html.text(e.pod())).append("</td><td>").append(Html.text(e.event()))
        .append("</td></tr>\n"));
    out.append("</table>\n");
    if (events.size() > MAX_POD_EVENTS) {
      out.append("<p class=\"note\">… and ").append(events.size() - MAX_POD_EVENTS)
          .append(" more (all are in the JSON report).</p>\n");
    }
    out.append("</details>\n");
  }

  private static String s(long nanos) {
    return Decimals.seconds(nanos).toPlainString();
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "–" : Decimals.millis(nanos).toPlainString();
  }
}
