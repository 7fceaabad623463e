package dev.meshsim.scenario;

import dev.meshsim.istio.ConsistentHashLb;
import dev.meshsim.istio.LoadBalancerSettings;
import dev.meshsim.istio.PortTrafficPolicy;
import dev.meshsim.istio.TrafficPolicy;
import dev.meshsim.yaml.Position;
import dev.meshsim.yaml.YamlMap;
import dev.meshsim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DestinationRule's {@code trafficPolicy} (top level or per subset) with its
 * {@code portLevelSettings} and load balancer; connection pool and outlier detection are in {@link
 * PoolBinder}. Field names and checks follow destination_rule.proto and istiod's validation.
 */
final class TrafficPolicyBinder {

  static final List<String> POLICY_KEYS = List.of("loadBalancer", "connectionPool", "outlierDetection",
      "portLevelSettings", "tls", "tunnel", "proxyProtocol", "retryBudget");
  static final List<String> PORT_KEYS = List.of("port", "loadBalancer", "connectionPool", "outlierDetection", "tls");
  static final List<String> LB_KEYS =
      List.of("simple", "consistentHash", "localityLbSetting", "warmupDurationSecs", "warmup");
  static final List<String> HASH_KEYS = List.of("httpHeaderName", "httpCookie", "useSourceIp",
      "httpQueryParameterName", "ringHash", "maglev", "minimumRingSize");
  /** Maglev's table size must be a prime below this (istiod, as Envoy). */
  private static final long MAGLEV_LIMIT = 5_000_011L;

  private final Warnings warnings;
  private final PoolBinder pools;

  TrafficPolicyBinder(Warnings warnings, IstioVersion version) {
    this.warnings = warnings;
    this.pools = new PoolBinder(warnings, version);
  }

  /** A {@code trafficPolicy}, or null when absent. istiod rejects an empty one. */
  TrafficPolicy bind(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(POLICY_KEYS);
    requireSome(m, "traffic policy");
    warnings.notModelled(m, "tunnel", "proxyProtocol", "retryBudget");
    return new TrafficPolicy(loadBalancer(m.get("loadBalancer")), pools.connectionPool(m.get("connectionPool")),
        pools.outlierDetection(m.get("outlierDetection")), portLevel(m.list("portLevelSettings")),
        ClientTlsBinder.bind(m.get("tls")));
  }

  /**
   * istiod: "must have at least one field". A policy with only unmodelled fields still counts: it
   * is valid Istio and was warned about.
   */
  private static void requireSome(YamlMap m, String what) {
    if (m.keys().stream().noneMatch(k -> m.has(k) && !k.equals("port"))) {
      throw m.fail(what + " must have at least one field (istiod rejects an empty one)");
    }
  }

  /** Each entry needs a port; a second entry for a port is never used (Istio takes the first). */
  private List<PortTrafficPolicy> portLevel(List<YamlNode> entries) {
    List<PortTrafficPolicy> out = new ArrayList<>();
    Map<Integer, Position> seen = new HashMap<>();
    for (YamlNode node : entries) {
      YamlMap m = node.asMap().allowOnly(PORT_KEYS);
      int port = m.required("port").asMap().allowOnly("number").required("number").asInt(1, 65535);
      requireSome(m, "port traffic policy");
      Position first = seen.putIfAbsent(port, m.position());
      if (first != null) {
        warnings.add(m.required("port"), "port " + port + " already has port-level settings (at " + first
            + "); Istio uses the first, so these are ignored");
      }
      out.add(new PortTrafficPolicy(port, loadBalancer(m.get("loadBalancer")),
          pools.connectionPool(m.get("connectionPool")), pools.outlierDetection(m.get("outlierDetection")),
          ClientTlsBinder.bind(m.get("tls"))));
    }
    return out;
  }

  /** {@code simple} and {@code consistentHash} are a proto oneof. */
  private LoadBalancerSettings loadBalancer(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(LB_KEYS);
    IstioFields.atMostOne(m, "simple", "consistentHash");
    warnings.notModelled(m, "localityLbSetting", "warmupDurationSecs", "warmup");
    LoadBalancerSettings.Simple simple = m.optional("simple")
        .map(n -> IstioFields.enumValue(n, LoadBalancerSettings.Simple.class))
        .orElse(LoadBalancerSettings.Simple.UNSPECIFIED);
    return new LoadBalancerSettings(simple, consistentHash(m.get("consistentHash")));
  }

  private ConsistentHashLb consistentHash(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly(HASH_KEYS);
    IstioFields.atMostOne(m, "httpHeaderName", "httpCookie", "useSourceIp", "httpQueryParameterName");
    IstioFields.atMostOne(m, "ringHash", "maglev", "minimumRingSize");
    if (m.has("minimumRingSize")) {
      warnings.add(m.keyPosition("minimumRingSize"), m.childPath("minimumRingSize"),
          "minimumRingSize is deprecated (istiod warns); write ringHash: {minimumRingSize: N}");
    }
    Long maglev = m.optional("maglev").map(TrafficPolicyBinder::maglevTableSize).orElse(null);
    Long ring = maglev != null ? null : ringSize(m);
    return new ConsistentHashLb(IstioFields.string(m, "httpHeaderName"), cookie(m.get("httpCookie")),
        m.bool("useSourceIp", false), IstioFields.string(m, "httpQueryParameterName"),
        maglev != null ? ConsistentHashLb.Algorithm.MAGLEV : ConsistentHashLb.Algorithm.RING_HASH, ring, maglev);
  }

  /** Envoy's bound on {@code minimum_ring_size} (cluster.proto, RingHashLbConfig). */
  static final long MAX_RING_SIZE = 8_388_608;

  /** {@code ringHash.minimumRingSize} or the legacy top-level one; 0 (proto3 unset) is null. */
  private static Long ringSize(YamlMap hash) {
    YamlNode node = hash.get("minimumRingSize");
    if (hash.has("ringHash")) {
      node = hash.required("ringHash").asMap().allowOnly("minimumRingSize").get("minimumRingSize");
    }
    // Envoy's RingHashLbConfig: minimum_ring_size lte 8388608 (8M), enforced by its proto validation.
    long size = node == null ? 0 : node.asLong(0, MAX_RING_SIZE);
    return size == 0 ? null : size;
  }

  /** istiod: tableSize must be set, below 5000011 and prime. */
  private static long maglevTableSize(YamlNode node) {
    YamlNode size = node.asMap().allowOnly("tableSize").required("tableSize");
    long v = size.asLong(1, MAGLEV_LIMIT - 1);
    if (!isPrime(v)) {
      throw size.fail("tableSize must be a prime number for maglev, got " + v);
    }
    return v;
  }

  /** As Envoy's (and istiod's copy of it): 1, 2 and 3 count as prime. */
  static boolean isPrime(long x) {
    if (x < 4) {
      return x != 0;
    }
    if (x % 2 == 0) {
      return false;
    }
    for (long f = 3; f * f <= x; f += 2) {
      if (x % f == 0) {
        return false;
      }
    }
    return true;
  }

  /** istiod requires the cookie's name; ttl may be 0 (a session cookie). */
  private static ConsistentHashLb.HttpCookie cookie(YamlNode node) {
    if (node == null) {
      return null;
    }
    YamlMap m = node.asMap().allowOnly("name", "path", "ttl");
    return new ConsistentHashLb.HttpCookie(m.string("name"), IstioFields.string(m, "path"),
        IstioFields.duration(m, "ttl"));
  }
}
