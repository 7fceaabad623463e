package dev.meshsim.report.accesslog;

import dev.meshsim.result.FinishedRequest;
import java.time.LocalDate;

/**
 * One request as Istio's default access-log line. What meshsim does not model prints {@code -},
 * as Envoy prints an empty value: bytes are 0 (no bodies are simulated), and the addresses Envoy
 * takes from sockets (upstream local, downstream local and remote) and the SNI are {@code -}.
 * {@code %START_TIME%} is the simulated clock from 1970-01-01T00:00:00Z.
 */
final class AccessLogLine {
  private static final long MS_PER_DAY = 86_400_000L;

  private AccessLogLine() {}

  static String format(FinishedRequest r, String requestId) {
    if (r.tcpProxied()) {
      return tcp(r);
    }
    String details = details(r);
    boolean upstreamAnswered = "via_upstream".equals(details);
    StringBuilder s = new StringBuilder(320);
    s.append('[');
    startTime(r.proxyStartNanos(), s);
    s.append("] \"")
        .append(token(r.method())).append(' ').append(token(r.path())).append(" HTTP/1.1\" ")
        .append(r.code()).append(' ').append(r.flags()).append(' ').append(details).append(" - \"-\" 0 0 ")
        .append(millis(r.proxyEndNanos() - r.proxyStartNanos())).append(' ')
        .append(upstreamAnswered && r.routedNanos() >= 0 ? Long.toString(millis(r.proxyEndNanos() - r.routedNanos()))
            : "-")
        .append(" \"-\" \"").append(quoted(r.headers().get("user-agent"))).append("\" \"").append(requestId)
        .append("\" \"").append(quoted(r.authority())).append("\" \"").append(quoted(r.upstreamHost()))
        .append("\" ").append(token(r.upstreamCluster())).append(" - - - - ").append(token(r.routeName()))
        .append('\n');
    return s.toString();
  }

  /**
   * A connection through {@code tcp_proxy}, as Envoy logs it with Istio's TEXT format: no request
   * line ({@code "- - -"}), response code 0, no code details, no request id or authority; the
   * flags, the duration (meshsim's is the one request's), the upstream host and cluster. The route
   * name is {@code -}: a TCP filter chain has no route.
   */
  private static String tcp(FinishedRequest r) {
    StringBuilder s = new StringBuilder(200);
    s.append('[');
    startTime(r.proxyStartNanos(), s);
    s.append("] \"- - -\" 0 ").append(r.flags()).append(" - - \"-\" 0 0 ")
        .append(millis(r.proxyEndNanos() - r.proxyStartNanos())).append(" - \"-\" \"-\" \"-\" \"-\" \"")
        .append(quoted(r.upstreamHost())).append("\" ").append(token(r.upstreamCluster())).append(" - - - - -\n");
    return s.toString();
  }

  /**
   * {@code %RESPONSE_CODE_DETAILS%} from the flags, with Envoy's strings ({@code
   * ResponseCodeDetailValues} in envoy {@code envoy/stream_info/stream_info.h}; resets as the router
   * writes them). A route timeout and a last per-try timeout both carry UT: both print {@code
   * response_timeout}.
   */
  static String details(FinishedRequest r) {
    String flags = "," + r.flags() + ",";
    if (flags.contains(",FI,")) {
      return "fault_filter_abort";
    } else if (flags.contains(",NR,")) {
      return "route_not_found";
    } else if (flags.contains(",NC,")) {
      return "cluster_not_found";
    } else if (flags.contains(",UH,")) {
      return "no_healthy_upstream";
    } else if (flags.contains(",UT,")) {
      return "response_timeout";
    } else if (flags.contains(",UF,")) {
      return "upstream_reset_before_response_started{connection_failure}";
    } else if (flags.contains(",UC,")) {
      return "upstream_reset_before_response_started{connection_termination}";
    } else if (flags.contains(",UO,")) {
      return "upstream_reset_before_response_started{overflow}";
    }
    return "via_upstream";
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} of the simulated clock, by hand: a formatter per line cost more
   * than the rest of the line.
   */
  static void startTime(long nanos, StringBuilder s) {
    long ms = nanos / 1_000_000;
    s.append(LocalDate.ofEpochDay(ms / MS_PER_DAY)).append('T');
    long inDay = ms % MS_PER_DAY;
    two(inDay / 3_600_000, s);
    two(inDay / 60_000 % 60, s.append(':'));
    two(inDay / 1000 % 60, s.append(':'));
    long milli = inDay % 1000;
    s.append('.').append(milli < 100 ? "0" : "").append(milli < 10 ? "0" : "").append(milli).append('Z');
  }

  private static void two(long v, StringBuilder s) {
    s.append(v < 10 ? "0" : "").append(v);
  }

  /** Envoy's %DURATION% and the service-time header are whole milliseconds, truncated. */
  private static long millis(long nanos) {
    return Math.max(0, nanos) / 1_000_000;
  }

  /** An unquoted field: {@code -} when empty; spaces and control characters cannot split the line. */
  private static String token(String s) {
    return s == null || s.isEmpty() ? "-" : clean(s).replace(' ', '_');
  }

  /** A field inside quotes: {@code -} when empty; a quote is escaped as Envoy's text formatter does not, so grep stays safe. */
  private static String quoted(String s) {
    return s == null || s.isEmpty() ? "-" : clean(s).replace("\"", "\\\"");
  }

  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
