package dev.meshsim.scenario;

import dev.meshsim.istio.HttpFaultInjection;
import dev.meshsim.istio.HttpRetry;
import dev.meshsim.yaml.Suggestions;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import dev.meshsim.yaml.YamlScalar;
import java.util.List;
import java.util.Set;

/**
 * An http route's {@code retries} and {@code fault} (virtual_service.proto {@code HTTPRetry},
 * {@code HTTPFaultInjection}), checked as istiod's {@code validateHTTPRetry} and
 * {@code validateHTTPFaultInjection} check them.
 */
final class HttpPolicyBinder {

  static final List<String> RETRY_KEYS = List.of("attempts", "perTryTimeout", "retryOn", "retryRemoteLocalities",
      "retryIgnorePreviousHosts", "backoff");
  static final List<String> FAULT_KEYS = List.of("delay", "abort");
  static final List<String> DELAY_KEYS = List.of("fixedDelay", "exponentialDelay", "percentage", "percent");
  static final List<String> ABORT_KEYS = List.of("httpStatus", "grpcStatus", "http2Error", "percentage");

  /** istiod's {@code supportedRetryOnPolicies}: Envoy's x-envoy-retry-on and -grpc-on values. */
  static final List<String> RETRY_ON = List.of("5xx", "gateway-error", "reset", "reset-before-request",
      "connect-failure", "envoy-ratelimited", "retriable-4xx", "refused-stream", "retriable-status-codes",
      "retriable-headers", "http3-post-connect-failure",
      "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable");

  /** gRPC status names istiod accepts for {@code abort.grpcStatus} (pkg/util/grpc). */
  static final Set<String> GRPC_STATUS = Set.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
      "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
      "UNAUTHENTICATED");

  private final Warnings warnings;

  HttpPolicyBinder(Warnings warnings) {
    this.warnings = warnings;
  }

  /**
   * {@code retries}, or null when absent. A missing {@code attempts} is 0 (proto3), and istiod
   * rejects retry settings next to attempts 0, since they would do nothing.
   */
  HttpRetry retries(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(RETRY_KEYS);
    int attempts = m.integer("attempts", 0, 0);
    String retryOn = m.optional("retryOn").map(HttpPolicyBinder::retryOn).orElse(null);
    if (attempts == 0) {
      for (String key : List.of("perTryTimeout", "retryOn", "retryRemoteLocalities")) {
        if (m.has(key) && !(key.equals("retryOn") && retryOn == null)) {
          throw m.failAtKey(key, key + " is set but attempts is 0, which disables retries (istiod rejects it)");
        }
      }
    }
    return new HttpRetry(attempts, IstioFields.checkedDuration(m, "perTryTimeout"), retryOn,
        IstioFields.bool(m, "retryRemoteLocalities"), IstioFields.bool(m, "retryIgnorePreviousHosts"),
        IstioFields.checkedDuration(m, "backoff"));
  }

  /**
   * Comma-separated, no spaces (istiod splits on "," only): conditions or HTTP codes. Empty is
   * unset, as istiod treats it.
   */
  private static String retryOn(YamlNode node) {
    String s = node.asString();
    if (s.isEmpty()) {
      return null;
    }
    for (String token : s.split(",", -1)) {
      if (!RETRY_ON.contains(token) && !isStatusCode(token)) {
        String hint = !token.equals(token.strip()) ? " (write the list without spaces)."
            : Suggestions.didYouMean(token, RETRY_ON);
        throw node.fail(YamlScalar.quote(token) + " is not a valid retryOn policy" + (hint.isEmpty() ? "." : hint)
            + " Valid are HTTP status codes (100-599) and " + String.join(", ", RETRY_ON));
      }
    }
    return s;
  }

  private static boolean isStatusCode(String token) {
    return token.length() == 3 && token.charAt(0) >= '1' && token.charAt(0) <= '5'
        && Character.isDigit(token.charAt(1)) && Character.isDigit(token.charAt(2))
        && token.chars().allMatch(c -> c < 128);
  }

  /** {@code fault}, or null when absent or when everything in it is ignored by Istio. */
  HttpFaultInjection fault(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(FAULT_KEYS);
    if (!m.has("delay") && !m.has("abort")) {
      throw m.fail("a fault needs a delay and/or an abort (istiod rejects an empty one)");
    }
    HttpFaultInjection.Delay delay = delay(m.get("delay"));
    HttpFaultInjection.Abort abort = abort(m.get("abort"));
    return delay == null && abort == null ? null : new HttpFaultInjection(delay, abort);
  }

  /** Istio translates only fixedDelay; a delay without it is dropped (route.go TranslateFault). */
  private HttpFaultInjection.Delay delay(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(DELAY_KEYS);
    IstioFields.atMostOne(m, "fixedDelay", "exponentialDelay");
    Double percentage = IstioFields.percentage(m, "percentage");
    Integer percent = IstioFields.integer(m, "percent", 0, 100);
    if (m.has("exponentialDelay")) {
      Fields.duration(m.required("exponentialDelay"));
      warnings.add(m.keyPosition("exponentialDelay"), m.childPath("exponentialDelay"),
          "exponentialDelay is not supported by Istio; ignored");
      return null;
    }
    Long fixed = IstioFields.checkedDuration(m, "fixedDelay");
    if (fixed == null) {
      warnings.add(m, "a delay without fixedDelay does nothing in Istio; ignored");
      return null;
    }
    return new HttpFaultInjection.Delay(fixed, percentage, percent);
  }

  /** Exactly one of httpStatus (200..599) and grpcStatus; istiod rejects http2Error. */
  private HttpFaultInjection.Abort abort(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(ABORT_KEYS);
    IstioFields.atMostOne(m, "httpStatus", "grpcStatus", "http2Error");
    if (m.has("http2Error")) {
      throw m.failAtKey("http2Error", "HTTP/2 abort fault injection is not supported (istiod rejects it)");
    }
    Double percentage = IstioFields.percentage(m, "percentage");
    if (!m.has("httpStatus") && !m.has("grpcStatus")) {
      warnings.add(m, "an abort without httpStatus or grpcStatus aborts nothing (istiod warns); ignored");
      return null;
    }
    return new HttpFaultInjection.Abort(IstioFields.integer(m, "httpStatus", 200, 599), grpcStatus(m), percentage);
  }

  private static String grpcStatus(YamlMap m) {
    YamlNode node = m.get("grpcStatus");
    if (node == null) {
      return null;
    }
    String s = node.asString();
    if (!GRPC_STATUS.contains(s)) {
      throw node.fail("gRPC status " + YamlScalar.quote(s) + " is not supported; use a name such as UNAVAILABLE or"
          + " NOT_FOUND (see grpc/doc/statuscodes.md)");
    }
    return s;
  }
}
