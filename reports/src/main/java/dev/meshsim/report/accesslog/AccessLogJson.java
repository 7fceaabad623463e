package dev.meshsim.report.accesslog;

import dev.meshsim.result.ProxyLogEntry;

/**
 * One entry as Istio's JSON encoding prints it ({@code meshConfig.accessLogEncoding: JSON}: the
 * keys of {@code EnvoyJSONLogFormatIstio} in istio {@code pilot/pkg/model/telemetry_logging.go}),
 * one object per line. As Envoy's JSON formatter types them, {@code response_code}, {@code
 * bytes_received}, {@code bytes_sent} and {@code duration} are numbers, headers are strings
 * ({@code upstream_service_time} too), and an empty value is {@code null}. Istio hands Envoy the
 * keys as a protobuf map, whose order is unspecified; meshsim sorts them.
 *
 * <p>A connection through {@code tcp_proxy} has no HTTP request: the same operators the TEXT line
 * prints as {@code -} ({@code %REQ(...)%}, {@code %PROTOCOL%}, {@code %RESPONSE_CODE_DETAILS%},
 * the route name) are {@code null} here, and {@code %RESPONSE_CODE%} is 0, as {@link
 * AccessLogLine}'s TCP line has it.
 */
final class AccessLogJson {
  private AccessLogJson() {}

  static String format(ProxyLogEntry r, String requestId) {
    boolean http = !r.tcpProxied();
    String details = http ? AccessLogLine.details(r.flags()) : null;
    StringBuilder s = new StringBuilder(720).append('{');
    string(s, "authority", http ? r.authority() : null);
    s.append(",\"bytes_received\":0,\"bytes_sent\":0");
    string(s.append(','), "connection_termination_details", null);
    string(s.append(','), "downstream_local_address", r.downstreamLocalAddress());
    string(s.append(','), "downstream_remote_address", r.downstreamRemoteAddress());
    s.append(",\"duration\":").append(AccessLogLine.millis(r.endNanos() - r.startNanos()));
    string(s.append(','), "method", http ? r.method() : null);
    string(s.append(','), "path", http ? r.path() : null);
    string(s.append(','), "protocol", http ? "HTTP/1.1" : null);
    string(s.append(','), "request_id", http ? requestId : null);
    string(s.append(','), "requested_server_name", r.requestedServerName());
    s.append(",\"response_code\":").append(http ? r.code() : 0);
    string(s.append(','), "response_code_details", details);
    string(s.append(','), "response_flags", r.flags());
    string(s.append(','), "route_name", http ? r.routeName() : null);
    s.append(",\"start_time\":\"");
    AccessLogLine.startTime(r.startNanos(), s);
    s.append('"');
    string(s.append(','), "upstream_cluster", r.upstreamCluster());
    string(s.append(','), "upstream_host", r.upstreamHost());
    string(s.append(','), "upstream_local_address", r.upstreamLocalAddress());
    String serviceTime = http ? AccessLogLine.serviceTime(r, details) : "-";
    string(s.append(','), "upstream_service_time", "-".equals(serviceTime) ? null : serviceTime);
    string(s.append(','), "upstream_transport_failure_reason", null);
    string(s.append(','), "user_agent", http ? r.userAgent() : null);
    string(s.append(','), "x_forwarded_for", null);
    return s.append("}\n").toString();
  }

  private static void string(StringBuilder s, String key, String value) {
    s.append('"').append(key).append("\":");
    if (value == null || value.isEmpty()) {
      s.append("null");
      return;
    }
    s.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    s.append('"');
  }
}
