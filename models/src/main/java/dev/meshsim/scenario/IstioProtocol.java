package dev.meshsim.scenario;

import java.util.Locale;

/**
 * The protocol Istio gives a Service port (reference §5.4): {@code appProtocol} when set, else the
 * port name's prefix before the first {@code -}; UDP ports are UDP; an unknown name means
 * auto-detection, except ports 25, 53, 3306 and 27017, which are TCP. Follows istio
 * {@code pkg/config/kube/conversion.go} {@code ConvertProtocol} and
 * {@code pkg/config/protocol/instance.go} {@code Parse}.
 */
public enum IstioProtocol {
  HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC_WEB, HTTPS, TCP, TLS, UDP, MONGO, REDIS, MYSQL, AUTO;

  /**
   * The protocol of a port written {@code name}, {@code appProtocol} (may be null), {@code protocol}.
   * A set {@code appProtocol} replaces the name altogether, as istio's {@code ConvertProtocol} does:
   * an {@code appProtocol} Istio does not know (e.g. {@code example.com/custom}) is not a fallback to
   * the name but auto-detection, without a message from istiod.
   */
  public static IstioProtocol of(String name, String appProtocol, String kubeProtocol, int port) {
    if ("UDP".equals(kubeProtocol)) {
      return UDP;
    }
    String selector = name;
    if (appProtocol != null) {
      switch (appProtocol) {
        case "kubernetes.io/h2c" -> { return HTTP2; }
        case "kubernetes.io/ws" -> { return HTTP; }
        case "kubernetes.io/wss" -> { return HTTPS; }
        default -> selector = appProtocol;
      }
    }
    IstioProtocol selected = fromName(selector);
    if (selected == AUTO && (port == 25 || port == 53 || port == 3306 || port == 27017)) {
      return TCP; // istio wellKnownPorts: never sniffed
    }
    return selected;
  }

  /**
   * A ServiceEntry port's {@code protocol} (istio {@code serviceentry/conversion.go} {@code
   * protocol.Parse}): empty is auto-detection; null for a value istiod's validation rejects
   * ("unrecognized protocol").
   */
  public static IstioProtocol ofServiceEntry(String protocol) {
    if (protocol.isEmpty()) {
      return AUTO;
    }
    IstioProtocol p = parse(protocol);
    return p == AUTO ? null : p;
  }

  /** The protocol the port name alone selects (what a {@code services:} port carries). */
  public static IstioProtocol fromName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("grpc-web")) {
      return GRPC_WEB;
    }
    int dash = lower.indexOf('-');
    return parse(dash < 0 ? lower : lower.substring(0, dash));
  }

  private static IstioProtocol parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "tcp" -> TCP;
      case "udp" -> UDP;
      case "grpc" -> GRPC;
      case "grpc-web" -> GRPC_WEB;
      case "http" -> HTTP;
      case "http_proxy" -> HTTP_PROXY;
      case "http2" -> HTTP2;
      case "https" -> HTTPS;
      case "tls" -> TLS;
      case "mongo" -> MONGO;
      case "redis" -> REDIS;
      case "mysql" -> MYSQL;
      default -> AUTO;
    };
  }

  /** HTTP-class protocols (istio {@code IsHTTP}); auto-detection finds HTTP for an HTTP client. */
  public boolean isHttp() {
    return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB || this == AUTO;
  }

  /** HTTP-class by declaration alone (istio {@code IsHTTP}), auto-detection not included. */
  public boolean isDeclaredHttp() {
    return isHttp() && this != AUTO;
  }

  /** TLS-class (istio {@code IsTLS}): the sidecar sees a TLS stream, routed by its SNI. */
  public boolean isTls() {
    return this == TLS || this == HTTPS;
  }

  /** The port-name prefix that selects this protocol, as meshsim's {@code services:} ports carry it. */
  String namePrefix() {
    return this == GRPC_WEB ? "grpc-web" : name().toLowerCase(Locale.ROOT);
  }

  /** The name as Istio spells it in messages. */
  public String display() {
    return this == GRPC_WEB ? "GRPC-Web" : this == AUTO ? "auto-detected (HTTP for HTTP clients)" : name();
  }
}
