package dev.meshsim.testkit.diff;

import dev.meshsim.testkit.Request;
import java.util.List;
import java.util.Locale;

/**
 * What a diff found.
 *
 * @param routeChanges request classes whose destinations differ, in discovery order
 * @param loads per load, the simulated metrics before and after
 * @param replications seeds per side
 * @param durationNanos measured simulated time per replication (after the scenario's warm-up)
 */
public record DiffReport(List<RouteChange> routeChanges, List<LoadComparison> loads, int replications,
    long durationNanos) {

  /** One request class: where it went before and where it goes now ({@code cluster share} each). */
  public record RouteChange(Request request, List<String> before, List<String> after) {}

  /** One metric of one load on both sides. */
  public record Metric(String name, Estimate before, Estimate after, boolean significant) {}

  /** A mean over replications and the half-width of its 95% interval. */
  public record Estimate(double mean, double halfWidth) {}

  /** A load's metrics. */
  public record LoadComparison(String load, List<Metric> metrics) {}

  public DiffReport {
    routeChanges = List.copyOf(routeChanges);
    loads = List.copyOf(loads);
  }

  public String render() {
    return dev.meshsim.testkit.Printable.escapeLines(renderRaw());
  }

  private String renderRaw() {
    StringBuilder out = new StringBuilder();
    out.append("Request classes that change destination: ").append(routeChanges.size()).append('\n');
    for (RouteChange c : routeChanges) {
      out.append("  ").append(c.request()).append('\n')
          .append("    before: ").append(c.before().isEmpty() ? "404 NR (no route)" : String.join(", ", c.before()))
          .append('\n')
          .append("    after:  ").append(c.after().isEmpty() ? "404 NR (no route)" : String.join(", ", c.after()))
          .append('\n');
    }
    out.append("\nSimulated, ").append(replications).append(" replications of ").append(durationNanos / 1_000_000_000L)
        .append("s each after warm-up (mean ± 95% half-width; * = significant):\n");
    for (LoadComparison l : loads) {
      out.append("load ").append(l.load()).append('\n');
      for (Metric m : l.metrics()) {
        out.append(String.format(Locale.ROOT, "  %s %-58s %18s  ->  %s", m.significant() ? "*" : " ", m.name(),
            format(m.name(), m.before()), format(m.name(), m.after()))).append('\n');
      }
    }
    return out.toString();
  }

  private static String format(String metric, Estimate e) {
    boolean ms = metric.startsWith("latency");
    double scale = ms ? 1 : 100;
    String unit = ms ? "ms" : "%";
    return String.format(Locale.ROOT, "%.2f%s ± %.2f", e.mean() * scale, unit, e.halfWidth() * scale);
  }
}
