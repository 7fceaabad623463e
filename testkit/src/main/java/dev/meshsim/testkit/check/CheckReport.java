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

  /** What {@code meshsim check} prints: standard output and standard error, as router_check_tool splits them. */
  public record Printout(String out, String err) {}

  /**
   * The report as router_check_tool prints it (envoy {@code test/tools/router_check/router.cc},
   * {@code printResults}, and {@code router_check.cc}): with {@code details}, each passing test's
   * name on standard output; each failing test's name on standard error, then one line per mismatch,
   * {@code expected: [X], actual: [Y], test type: T}. With {@code onlyFailures}, failing tests only.
   * A failed test ends the report there (no coverage, as the tool exits first); otherwise the
   * routes no test covers ({@code comprehensive}), {@code Current route coverage: P%}, and, under
   * {@code failUnderPercent}, {@code Failed to meet coverage requirement: F%} on standard error.
   *
   * <p>One difference, on purpose: without {@code details} router_check_tool prints nothing for a
   * failing test, only its exit code; meshsim prints it as {@code --only-show-failures} would, so a
   * failure is never silent.
   */
  public Printout print(boolean details, boolean onlyFailures, double failUnderPercent) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (TestResult r : results) {
      if (!r.passed()) {
        err.append(r.name()).append('\n');
        for (Mismatch m : r.mismatches()) {
          err.append("expected: [").append(m.expected()).append("], actual: [").append(m.actual())
              .append("], test type: ").append(m.field()).append('\n');
        }
      } else if (details && !onlyFailures) {
        out.append(r.name()).append('\n');
      }
    }
    if (failed() == 0) {
      if (comprehensive) {
        for (RouteRule rule : rules) {
          if (!covered.contains(rule)) {
            out.append("Missing test for route: ").append(rule.describe()).append('\n');
          }
        }
      }
      out.append("Current route coverage: ").append(percent(coveragePercent())).append("%\n");
      if (failUnderPercent != 0 && coveragePercent() < failUnderPercent) {
        err.append("Failed to meet coverage requirement: ").append(percent(failUnderPercent)).append("%\n");
      }
    }
    return new Printout(Printable.escapeLines(out.toString()), Printable.escapeLines(err.toString()));
  }

  /**
   * A percentage as a C++ stream prints a {@code double} by default, as router_check_tool writes
   * it: six significant digits, no trailing zeros ({@code 50}, {@code 66.6667}, {@code 7.44863}).
   */
  static String percent(double p) {
    if (p == 0) {
      return "0";
    }
    String g = String.format(Locale.ROOT, "%.6g", p);
    int e = g.indexOf('e');
    String mantissa = e < 0 ? g : g.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + g.substring(e);
  }
}
