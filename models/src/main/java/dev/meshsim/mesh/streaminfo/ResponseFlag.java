package dev.meshsim.mesh.streaminfo;

/**
 * Envoy's response flags, with the short names its access log prints ({@code %RESPONSE_FLAGS%}).
 * Source: envoy {@code source/common/stream_info/utility.h} ({@code CORE_RESPONSE_FLAGS}) and
 * {@code docs/root/configuration/observability/access_log/usage.rst}.
 *
 * <p>Declared in the order of Envoy's {@code CoreResponseFlag} enum, which is the order Envoy's
 * access log prints several flags in ({@code UF,URX}, {@code UT,URX}, {@code DI,UF}).
 */
public enum ResponseFlag {
  NO_HEALTHY_UPSTREAM("UH"),
  UPSTREAM_REQUEST_TIMEOUT("UT"),
  LOCAL_RESET("LR"),
  UPSTREAM_REMOTE_RESET("UR"),
  UPSTREAM_CONNECTION_FAILURE("UF"),
  UPSTREAM_CONNECTION_TERMINATION("UC"),
  UPSTREAM_OVERFLOW("UO"),
  NO_ROUTE_FOUND("NR"),
  DELAY_INJECTED("DI"),
  FAULT_INJECTED("FI"),
  DOWNSTREAM_CONNECTION_TERMINATION("DC"),
  UPSTREAM_RETRY_LIMIT_EXCEEDED("URX"),
  NO_CLUSTER_FOUND("NC");

  private final String shortName;

  ResponseFlag(String shortName) {
    this.shortName = shortName;
  }

  /** The access-log spelling, e.g. {@code UF}. */
  public String shortName() {
    return shortName;
  }
}
