package dev.meshsim.report.accesslog;

import dev.meshsim.result.ProxyLogEntry;

/**
 * One entry as Istio's JSON encoding prints it ({@code meshConfig.accessLogEncoding: JSON}: the
 * keys of {@code EnvoyJSONLogFormatIstio} in istio {@code pilot/pkg/model/telemetry_logging.go}),
 * one object per line. As Envoy's JSON formatter types them, {@code response_code}, {@code
 * bytes_received}, {@code bytes_sent} and {@code duration} are numbers, headers are strings
 * ({@code upstream_service_time} too), and an empty value is {@code null}. Istio hands Envoy the
 * keys as a protobuf map, whose order is unspecified; meshsim sorts them.
 */
final class AccessLogJson {
  private AccessLogJson() {}

  static String format(ProxyLogEntry r, String requestId) {
    String details = AccessLogLine.details(r.flags());
    StringBuilder s = new StringBuilder(720).append('{');
    string(s, "authority", r.authority());
    s.append(",\"bytes_received\":0,\"bytes_sent\":0");
    string(s.append(','), "connection_termination_details", null);
    string(s.append(','), "downstream_local_address", r.downstreamLocalAddress());
    string(s.append(','), "downstream_remote_address", r.downstreamRemoteAddress());
    s.append(",\"duration\":").append(AccessLogLine.millis(r.endNanos() - r.startNanos()));
    string(s.append(','), "method", r.method());
    string(s.append(','), "path", r.path());
    string(s.append(','), "protocol", "HTTP/1.1");
    string(s.append(','), "request_id", requestId);
    string(s.append(','), "requested_server_name", r.requestedServerName());
    s.append(",\"response_code\":").append(r.code());
    string(s.append(','), "response_code_details", details);
    string(s.append(','), "response_flags", r.flags());
    string(s.append(','), "route_name", r.routeName());
    s.append(",\"start_time\":\"");
    AccessLogLine.startTime(r.startNanos(), s);
    s.append('"');
    string(s.append(','), "upstream_cluster", r.upstreamCluster());
    string(s.append(','), "upstream_host", r.upstreamHost());
    string(s.append(','), "upstream_local_address", r.upstreamLocalAddress());
    String serviceTime = AccessLogLine.serviceTime(r, details);
    string(s.append(','), "upstream_service_time", "-".equals(serviceTime) ? null : serviceTime);
    string(s.append(','), "upstream_transport_failure_reason", null);
    string(s.append(','), "user_agent", r.userAgent());
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
