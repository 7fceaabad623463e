package dev.meshsim.report.html;

import dev.meshsim.report.chart.XyChart;
import dev.meshsim.result.FailureWindow;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TimelineResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What every time chart of a run carries: a marker per timeline action, labelled with its number in
 * the timeline table (names would overlap), and a shaded stretch per failure window, in seconds of
 * simulated time.
 */
record Decorations(List<double[]> shades, List<String> labels, double[] markers) {
  static Decorations of(RunResult r) {
    TimelineResult t = r.timeline();
    if (t == null) {
      return new Decorations(List.of(), List.of(), new double[0]);
    }
    List<double[]> shades = new ArrayList<>();
    for (FailureWindow w : t.failureWindows()) {
      shades.add(new double[] {w.fromNanos() / 1e9, Math.max(w.toNanos(), w.fromNanos() + t.bucketNanos() / 4) / 1e9});
    }
    List<String> labels = new ArrayList<>();
    double[] markers = new double[t.actions().size()];
    for (int i = 0; i < markers.length; i++) {
      TimelineResult.Action a = t.actions().get(i);
      markers[i] = a.atNanos() / 1e9;
      labels.add(Integer.toString(i + 1)); // the number of its row in the timeline table
    }
    return new Decorations(shades, labels, markers);
  }

  XyChart applyTo(XyChart chart) {
    for (double[] s : shades) {
      chart.shade(s[0], s[1]);
    }
    for (int i = 0; i < markers.length; i++) {
      chart.marker(markers[i], labels.get(i));
    }
    return chart;
  }
}
