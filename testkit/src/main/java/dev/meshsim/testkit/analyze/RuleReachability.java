package dev.meshsim.testkit.analyze;

import dev.meshsim.istio.HttpMatchRequest;
import dev.meshsim.istio.HttpRoute;
import dev.meshsim.istio.StringMatch;
import dev.meshsim.istio.VirtualService;
import dev.meshsim.testkit.analyze.Finding.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * IST0130 VirtualServiceUnreachableRule and IST0131 VirtualServiceIneffectiveMatch, computed: a
 * match is ineffective when an earlier match block takes every request it would take (each of the
 * earlier block's conditions is implied by this block's), and a rule is unreachable when all its
 * matches are, or when a rule without matches comes before it. Istio's own check (istio {@code
 * pkg/config/validation/validation.go}, {@code analyzeUnreachableHTTPRules}) finds literal
 * duplicates and some prefix overlaps; this one also finds exact-under-prefix, prefix-under-prefix,
 * extra conditions and sourceLabels supersets. Messages use Istio's templates and rule naming
 * ({@code "name"} or {@code #index}).
 */
final class RuleReachability {
  private RuleReachability() {}

  static List<Finding> run(VirtualService vs) {
    List<Finding> out = new ArrayList<>();
    List<HttpRoute> rules = vs.http();
    int catchAll = -1;
    for (int r = 0; r < rules.size(); r++) {
      HttpRoute rule = rules.get(r);
      if (rule.match().isEmpty()) {
        if (catchAll >= 0) {
          out.add(unreachable(vs, rule, r, "only the last rule can have no matches", rules, catchAll));
        }
        catchAll = catchAll < 0 ? r : catchAll;
        continue;
      }
      if (catchAll >= 0) {
        out.add(unreachable(vs, rule, r, "route without matches defined before", rules, catchAll));
        continue;
      }
      int covered = 0;
      int lastCover = -1;
      for (int m = 0; m < rule.match().size(); m++) {
        int by = coveringRule(rules, r, m);
        if (by >= 0) {
          covered++;
          lastCover = by;
          out.add(new Finding(Level.Info, "IST0131", "VirtualService", vs.meta().namespace(), vs.meta().name(),
              "VirtualService rule " + ruleName(rule, r) + " match " + matchName(rule.match().get(m), m)
                  + " is not used (duplicate/overlapping match in rule " + ruleName(rules.get(by), by) + ").",
              "requests this match names are routed by rule " + ruleName(rules.get(by), by) + " instead"));
        }
      }
      if (covered == rule.match().size()) {
        out.add(unreachable(vs, rule, r, "all matches used by prior rules", rules, lastCover));
      }
    }
    return out;
  }

  private static Finding unreachable(VirtualService vs, HttpRoute rule, int r, String reason, List<HttpRoute> rules,
      int takenBy) {
    return new Finding(Level.Warning, "IST0130", "VirtualService", vs.meta().namespace(), vs.meta().name(),
        "VirtualService rule " + ruleName(rule, r) + " not used (" + reason + ").",
        "no request reaches this rule, so its destinations get no traffic from it: sidecars route what it matches "
            + "by rule " + ruleName(rules.get(takenBy), takenBy));
  }

  /** The earliest rule (this one included, for earlier blocks of it) with a block covering match m of rule r. */
  private static int coveringRule(List<HttpRoute> rules, int r, int m) {
    HttpMatchRequest target = rules.get(r).match().get(m);
    for (int k = 0; k <= r; k++) {
      List<HttpMatchRequest> blocks = rules.get(k).match();
      int limit = k == r ? m : blocks.size();
      for (int b = 0; b < limit; b++) {
        if (covers(blocks.get(b), target)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Whether every request {@code later} matches is matched by {@code earlier}. */
  static boolean covers(HttpMatchRequest earlier, HttpMatchRequest later) {
    return field(earlier.uri(), later.uri(), earlier.ignoreUriCase(), later.ignoreUriCase())
        && field(earlier.scheme(), later.scheme(), false, false)
        && field(earlier.method(), later.method(), false, false)
        && field(earlier.authority(), later.authority(), false, false)
        && (earlier.port() == null || earlier.port().equals(later.port()))
        && all(earlier.headers(), later.headers())
        && all(earlier.queryParams(), later.queryParams())
        && sameWithout(earlier.withoutHeaders(), later.withoutHeaders())
        && later.sourceLabels().entrySet().containsAll(earlier.sourceLabels().entrySet())
        && (earlier.sourceNamespace() == null || earlier.sourceNamespace().equals(later.sourceNamespace()))
        && (earlier.gateways().isEmpty() || earlier.gateways().equals(later.gateways()));
  }

  private static boolean field(StringMatch earlier, StringMatch later, boolean earlierCaseless, boolean laterCaseless) {
    if (earlier == null) {
      return true;
    }
    // a caseless earlier match takes more; a caseless later one may take requests a cased earlier one misses
    return later != null && (earlierCaseless || !laterCaseless) && implies(later, earlier);
  }

  private static boolean all(Map<String, StringMatch> earlier, Map<String, StringMatch> later) {
    for (var e : earlier.entrySet()) {
      StringMatch l = later.get(e.getKey());
      if (l == null || !implies(l, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** An earlier withoutHeaders condition must be one the later block has too (else it may exclude more). */
  private static boolean sameWithout(Map<String, StringMatch> earlier, Map<String, StringMatch> later) {
    for (var e : earlier.entrySet()) {
      StringMatch l = later.get(e.getKey());
      if (l == null || !same(l, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Whether every value matching {@code a} matches {@code b}. */
  static boolean implies(StringMatch a, StringMatch b) {
    return switch (b.kind()) {
      case PRESENT -> true;
      case EXACT -> a.kind() == StringMatch.Kind.EXACT && a.value().equals(b.value());
      case PREFIX -> (a.kind() == StringMatch.Kind.EXACT || a.kind() == StringMatch.Kind.PREFIX)
          && a.value().startsWith(b.value());
      case REGEX -> same(a, b) || a.kind() == StringMatch.Kind.EXACT && b.pattern().matcher(a.value()).matches();
    };
  }

  private static boolean same(StringMatch a, StringMatch b) {
    return a.kind() == b.kind() && Objects.equals(a.value(), b.value());
  }

  /** Istio's {@code routeName}: the quoted name, else {@code #index}. */
  static String ruleName(HttpRoute rule, int index) {
    return rule.name() != null && !rule.name().isEmpty() ? ConfigChecks.quote(rule.name()) : "#" + index;
  }

  static String matchName(HttpMatchRequest match, int index) {
    return match.name() != null && !match.name().isEmpty() ? ConfigChecks.quote(match.name()) : "#" + index;
  }
}
