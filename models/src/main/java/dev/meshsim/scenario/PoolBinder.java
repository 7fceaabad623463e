package dev.meshsim.scenario;

import dev.meshsim.istio.ConnectionPoolSettings;
import dev.meshsim.istio.OutlierDetection;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.List;

/**
 * {@code connectionPool} and {@code outlierDetection} of a traffic policy or port-level setting.
 * Unset stays null; see the records for what Istio makes of unset and of 0.
 */
final class PoolBinder {

  static final List<String> POOL_KEYS = List.of("tcp", "http");
  static final List<String> TCP_KEYS =
      List.of("maxConnections", "connectTimeout", "tcpKeepalive", "maxConnectionDuration", "idleTimeout");
  static final List<String> HTTP_KEYS = List.of("http1MaxPendingRequests", "http2MaxRequests",
      "maxRequestsPerConnection", "maxRetries", "idleTimeout", "h2UpgradePolicy", "useClientProtocol",
      "maxConcurrentStreams");
  static final List<String> OUTLIER_KEYS = List.of("consecutiveErrors", "consecutive5xxErrors",
      "consecutiveGatewayErrors", "consecutiveLocalOriginFailures", "splitExternalLocalOriginErrors", "interval",
      "baseEjectionTime", "maxEjectionPercent", "minHealthPercent");

  private final Warnings warnings;
  private final IstioVersion version;

  PoolBinder(Warnings warnings, IstioVersion version) {
    this.warnings = warnings;
    this.version = version;
  }

  /** istiod: "connection pool must have at least one field". */
  ConnectionPoolSettings connectionPool(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(POOL_KEYS);
    if (!m.has("tcp") && !m.has("http")) {
      throw m.fail("connection pool must have at least one of tcp and http (istiod rejects an empty one)");
    }
    return new ConnectionPoolSettings(tcp(m.get("tcp")), http(m.get("http")));
  }

  /** istiod skips the idle-timeout check for 0s: it disables the timeout. */
  private ConnectionPoolSettings.Tcp tcp(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(TCP_KEYS);
    warnings.notModelled(m, "tcpKeepalive");
    Long idle = IstioFields.duration(m, "idleTimeout");
    return new ConnectionPoolSettings.Tcp(IstioFields.limit(m, "maxConnections"),
        IstioFields.checkedDuration(m, "connectTimeout"), IstioFields.checkedDuration(m, "maxConnectionDuration"),
        idle == null || idle == 0 ? idle : IstioFields.checkedDuration(m, "idleTimeout"));
  }

  private ConnectionPoolSettings.Http http(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(HTTP_KEYS);
    ConnectionPoolSettings.H2UpgradePolicy h2 = m.optional("h2UpgradePolicy")
        .map(n -> IstioFields.enumValue(n, ConnectionPoolSettings.H2UpgradePolicy.class))
        .orElse(ConnectionPoolSettings.H2UpgradePolicy.DEFAULT);
    boolean clientProtocol = m.bool("useClientProtocol", false);
    if (h2 == ConnectionPoolSettings.H2UpgradePolicy.UPGRADE && clientProtocol) {
      throw m.failAtKey("useClientProtocol", "useClientProtocol must not be true when h2UpgradePolicy is UPGRADE"
          + " (istiod rejects it)");
    }
    return new ConnectionPoolSettings.Http(IstioFields.limit(m, "http1MaxPendingRequests"),
        IstioFields.limit(m, "http2MaxRequests"), IstioFields.limit(m, "maxRequestsPerConnection"),
        IstioFields.limit(m, "maxRetries"), IstioFields.checkedDuration(m, "idleTimeout"), h2, clientProtocol,
        IstioFields.limit(m, "maxConcurrentStreams"));
  }

  /** The consecutive counters are {@code UInt32Value}s: an explicit 0 is kept (it disables). */
  OutlierDetection outlierDetection(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(OUTLIER_KEYS);
    warnConsecutiveErrors(m);
    boolean split = m.bool("splitExternalLocalOriginErrors", false);
    Integer localOrigin = IstioFields.integer(m, "consecutiveLocalOriginFailures", 0, Integer.MAX_VALUE);
    if (!split && localOrigin != null && localOrigin > 0) {
      throw m.failAtKey("consecutiveLocalOriginFailures", "consecutiveLocalOriginFailures is set but"
          + " splitExternalLocalOriginErrors is not true (istiod rejects it)");
    }
    Integer maxEjection = IstioFields.integer(m, "maxEjectionPercent", 0, 100);
    return new OutlierDetection(IstioFields.integer(m, "consecutive5xxErrors", 0, Integer.MAX_VALUE),
        IstioFields.integer(m, "consecutiveGatewayErrors", 0, Integer.MAX_VALUE), localOrigin, split,
        IstioFields.checkedDuration(m, "interval"), IstioFields.checkedDuration(m, "baseEjectionTime"),
        maxEjection == null || maxEjection == 0 ? null : maxEjection, IstioFields.integer(m, "minHealthPercent", 0, 100));
  }

  /** Ignored since Istio 1.7 (commit a291ab6); before, it meant gateway errors with 5xx ejection off. */
  private void warnConsecutiveErrors(YamlMap m) {
    if (!m.has("consecutiveErrors")) {
      return;
    }
    m.required("consecutiveErrors").asInt(0);
    String message = version.atLeast(1, 7)
        ? "consecutiveErrors is deprecated and ignored by Istio since 1.7; use consecutive5xxErrors or"
            + " consecutiveGatewayErrors"
        : "consecutiveErrors is not modelled; Istio " + version + " reads N as consecutiveGatewayErrors: N with"
            + " consecutive5xxErrors: 0, so write those instead";
    warnings.add(m.keyPosition("consecutiveErrors"), m.childPath("consecutiveErrors"), message + "; ignored");
  }
}
