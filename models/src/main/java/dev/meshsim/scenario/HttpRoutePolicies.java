package dev.meshsim.scenario;

import dev.meshsim.istio.HttpRetry;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTPRoute rule's {@code timeouts} and {@code retry}, translated as istiod does (istio {@code
 * pilot/pkg/config/kube/gateway/conversion.go}, {@code convertHTTPRoute}):
 *
 * <ul>
 *   <li>{@code retry} becomes a VirtualService retry policy: {@code attempts} (default 2; 0 turns
 *       retries off), {@code retryOn} {@code connect-failure,refused-stream,unavailable,cancelled}
 *       plus the listed {@code codes}, {@code backoff} as the base interval;
 *   <li>{@code timeouts.request} (not 0) becomes the route timeout; {@code timeouts.backendRequest}
 *       (not 0) becomes the per-try timeout when the rule has a {@code retry}, else the route
 *       timeout, in place of {@code request}.
 * </ul>
 *
 * A rule without {@code retry} keeps the retry policy a VirtualService without {@code retries} gets.
 * Durations are Gateway API durations (GEP-2257: up to four parts of 1-5 digits and {@code h},
 * {@code m}, {@code s} or {@code ms}, such as {@code 1m30s}).
 */
final class HttpRoutePolicies {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,5}(h|m|s|ms)){1,4}");
  private static final Pattern PART = Pattern.compile("([0-9]{1,5})(ms|h|m|s)");
  private static final String RETRY_ON = "connect-failure,refused-stream,unavailable,cancelled";

  /** The translated policies of one rule: timeout (or null), retries (or null). */
  record Translated(Long timeoutNanos, HttpRetry retries) {}

  private HttpRoutePolicies() {}

  static Translated bind(YamlMap rule) {
    HttpRetry retries = rule.has("retry") ? retry(rule.required("retry").asMap()) : null;
    Long timeout = null;
    if (rule.has("timeouts")) {
      YamlMap t = rule.required("timeouts").asMap().allowOnly("request", "backendRequest");
      Long request = t.has("request") ? nonZero(duration(t.required("request"))) : null;
      Long backend = t.has("backendRequest") ? nonZero(duration(t.required("backendRequest"))) : null;
      timeout = request;
      if (backend != null && retries != null) {
        retries = new HttpRetry(retries.attempts(), backend, retries.retryOn(), null, null, retries.backoffNanos());
      } else if (backend != null) {
        timeout = backend;
      }
    }
    return new Translated(timeout, retries);
  }

  private static HttpRetry retry(YamlMap r) {
    r.allowOnly("codes", "attempts", "backoff");
    int attempts = r.has("attempts") ? r.required("attempts").asInt(0, 1_000_000) : 2;
    List<String> retryOn = new ArrayList<>(List.of(RETRY_ON));
    for (YamlNode code : r.list("codes")) {
      retryOn.add(Integer.toString(code.asInt(400, 599)));
    }
    Long backoff = r.has("backoff") ? duration(r.required("backoff")) : null;
    return new HttpRetry(attempts, null, attempts == 0 ? null : String.join(",", retryOn), null, null, backoff);
  }

  private static Long nonZero(long nanos) {
    return nanos == 0 ? null : nanos;
  }

  /** A Gateway API duration in nanoseconds. */
  static long duration(YamlNode node) {
    String text = node.asNonEmptyString();
    if (!DURATION.matcher(text).matches()) {
      throw node.expected("a Gateway API duration such as 10s, 500ms or 1m30s (parts of h, m, s, ms)");
    }
    long nanos = 0;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      nanos += switch (m.group(2)) {
        case "h" -> n * 3_600_000_000_000L;
        case "m" -> n * 60_000_000_000L;
        case "s" -> n * 1_000_000_000L;
        default -> n * 1_000_000L;
      };
    }
    return nanos;
  }
}
