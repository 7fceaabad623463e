package dev.meshsim.report.html;

/**
 * What the page says about how it was made, next to the results.
 *
 * @param commandLine the command that made it, as typed (shown, escaped; no wall-clock time)
 * @param meshsimVersion e.g. {@code 0.1.0}
 * @param istioVersion the simulated Istio release, e.g. {@code 1.30}
 * @param topN how many loads and services get full chart panels; the rest go in a collapsed table
 */
public record ReportContext(String commandLine, String meshsimVersion, String istioVersion, int topN) {
  public static final int DEFAULT_TOP_N = 6;

  public ReportContext {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be at least 1");
    }
  }
}
