package dev.meshsim.testkit.check;

import dev.meshsim.testkit.Printable;
import dev.meshsim.testkit.RouteRule;
import java.util.List;
import java.util.Locale;

/**
 * What a run of route tests found: each mismatch, the tests that passed, and route coverage (the
 * share of VirtualService {@code http[]} routes some test reached).
 *
 * @param results per test, in file order
 * @param rules every route of the config
 * @param covered the routes some test reached (with {@code comprehensive}: and asserted fully)
 * @param comprehensive whether coverage is router_check_tool's {@code --covall} kind
 */
public record CheckReport(List<TestResult> results, List<RouteRule> rules, List<RouteRule> covered,
    boolean comprehensive) {

  /** One test's outcome. */
  public record TestResult(String name, List<Mismatch> mismatches) {
    public boolean passed() {
      return mismatches.isEmpty();
    }
  }

  /** One failed expectation: {@code field} was expected {@code expected}, was {@code actual}. */
  public record Mismatch(String field, String expected, String actual) {}

  public CheckReport {
    results = List.copyOf(results);
    rules = List.copyOf(rules);
    covered = List.copyOf(covered);
  }

  public long failed() {
    return results.stream().filter(r -> !r.passed()).count();
  }

  /** Coverage in percent; 100 when the config has no VirtualService routes. */
  public double coveragePercent() {
    return rules.isEmpty() ? 100.0 : 100.0 * covered.size() / rules.size();
  }

  /** Passed when no test failed and coverage reaches {@code failUnderPercent}. */
  public boolean passed(double failUnderPercent) {
    return failed() == 0 && coveragePercent() >= failUnderPercent;
  }

  /**
   * The report as router_check_tool users read it: one line per mismatch ({@code expected: [..],
   * actual: [..], test type: ..}), with {@code details} a line per test, then a summary and the
   * coverage; with {@code comprehensive} coverage, the untested routes.
   */
  public String render(boolean details, boolean onlyFailures) {
    return Printable.escapeLines(renderRaw(details, onlyFailures));
  }

  private String renderRaw(boolean details, boolean onlyFailures) {
    StringBuilder out = new StringBuilder();
    for (TestResult r : results) {
      if (details && !(onlyFailures && r.passed())) {
        out.append(r.passed() ? "PASS " : "FAIL ").append(r.name()).append('\n');
      }
      for (Mismatch m : r.mismatches()) {
        out.append(r.name()).append(": expected: [").append(m.expected()).append("], actual: [")
            .append(m.actual()).append("], test type: ").append(m.field()).append('\n');
      }
    }
    out.append(results.size()).append(results.size() == 1 ? " test: " : " tests: ")
        .append(results.size() - failed()).append(" passed, ").append(failed()).append(" failed\n");
    out.append("Current route coverage: ").append(percent(coveragePercent())).append("% (")
        .append(covered.size()).append(" of ").append(rules.size()).append(" VirtualService http routes")
        .append(comprehensive ? ", fully asserted" : "").append(")\n");
    if (comprehensive) {
      for (RouteRule rule : rules) {
        if (!covered.contains(rule)) {
          out.append("Missing test for route: ").append(rule.describe()).append('\n');
        }
      }
    }
    return out.toString();
  }

  static String percent(double p) {
    String s = String.format(Locale.ROOT, "%.2f", p);
    return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
  }
}
