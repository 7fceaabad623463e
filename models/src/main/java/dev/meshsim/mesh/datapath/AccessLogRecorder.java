package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.streaminfo.ResponseFlag;
import dev.meshsim.mesh.upstream.Endpoint;
import dev.meshsim.result.ProxyLogEntry;
import dev.meshsim.result.ProxyLogListener;
import java.util.function.Function;

/**
 * Makes the access-log entries of every sidecar, only when a run asks for an access log (nothing
 * here runs otherwise): the client sidecar's outbound entry when it sends the final response to
 * its app, the server sidecar's inbound entry when the answer (or its own 503) leaves for the
 * client. Addresses follow what Envoy reads from its sockets in a sidecar pod:
 *
 * <ul>
 *   <li>outbound: downstream remote = the app's ephemeral port on the pod IP, downstream local =
 *       the original destination iptables redirected to 15001 (the Service's ClusterIP and port),
 *       upstream local = the pod IP and the upstream connection's ephemeral port, upstream host =
 *       the endpoint ({@code podIP:targetPort});
 *   <li>inbound (after iptables' redirect to 15006): downstream remote = the client's upstream
 *       local address, downstream local = the pod IP and target port, upstream host = the app at
 *       the pod IP (Istio 1.10 on) or 127.0.0.1, from the local address 127.0.0.6 (Istio's
 *       {@code InboundPassthroughBindIpv4}) or 127.0.0.1; cluster {@code inbound|port||}; SNI =
 *       the client cluster's mTLS SNI {@code outbound_.port_.subset_.fqdn}.
 * </ul>
 *
 * Ephemeral ports are drawn from Linux's default {@code ip_local_port_range} (32768–60999) by a
 * hash of the seed and what identifies the connection, so the same run prints the same ports.
 */
public final class AccessLogRecorder {
  private static final int EPHEMERAL_LOW = 32768;
  private static final int EPHEMERAL_COUNT = 60999 - EPHEMERAL_LOW + 1;

  private final ProxyLogListener out;
  private final long seed;
  private final Function<String, String> clusterIp;
  private final boolean inboundToPodIp;
  private final long warmupNanos;

  /**
   * @param clusterIp a Service FQDN's ClusterIP, null for a host that is none
   * @param inboundToPodIp Istio 1.10 on: the server sidecar reaches its app at the pod IP
   */
  public AccessLogRecorder(ProxyLogListener out, long seed, Function<String, String> clusterIp,
      boolean inboundToPodIp, long warmupNanos) {
    this.out = out;
    this.seed = seed;
    this.clusterIp = clusterIp;
    this.inboundToPodIp = inboundToPodIp;
    this.warmupNanos = warmupNanos;
  }

  private boolean logs(Exchange e) {
    return e.startNanos() >= warmupNanos && !e.shadow() && out.wants(e.requestId());
  }

  /** The client sidecar of {@code client} answered its app at {@code endNanos}. */
  void outbound(Pod client, Exchange e, long endNanos) {
    if (!logs(e)) {
      return;
    }
    var sent = e.upstreamRequest().spec();
    Endpoint host = e.upstream();
    String upstreamLocal = host == null || e.upstreamConnection() < 0 ? null
        : client.ip() + ":" + upstreamPort(client, e);
    String service = clusterIp.apply(sent.host());
    String downstreamLocal = service == null ? null : service + ":" + sent.port();
    String downstreamRemote = client.ip() + ":" + ephemeral(e.requestId() ^ hash(client.name()) ^ e.proxyStartNanos());
    Exchange received = e.forwardedFrom();
    if (received != null) {
      // A gateway's Envoy: it listens on its pod's port, and the request came in on the caller's connection.
      downstreamLocal = client.ip() + ":" + sent.port();
      downstreamRemote = remoteOf(received);
    }
    long serviceTime = e.routedNanos() >= 0 ? endNanos - e.routedNanos() : -1;
    // A route to a cluster the proxy lacks leaves the stream's upstream cluster info null, so
    // %UPSTREAM_CLUSTER% is "-" (envoy source/common/http/conn_manager_impl.cc, refreshCachedRoute).
    String cluster = e.hasFlag(ResponseFlag.NO_CLUSTER_FOUND) ? null : e.clusterName();
    out.logged(new ProxyLogEntry(client.name(), false, e.proxyStartNanos(), endNanos, serviceTime,
        sent.method(), e.loggedPath(), sent.authority(), sent.headers().get("user-agent"), e.requestId(),
        e.code(), e.flags(), host == null ? null : host.address(), cluster, upstreamLocal,
        downstreamLocal, downstreamRemote, null, e.routeName(), e.isTcpProxied()));
  }

  /**
   * The server sidecar of {@code server} answered {@code e} (sent as {@code received}) with {@code
   * code}: its app's answer ({@code flags} "-"), or its own 503 with {@code UF} (the app refused
   * the connection) or {@code UC} (the app reset it). {@code client} sent it without a sidecar
   * when {@code viaSidecar} is false.
   */
  void inbound(Pod server, Pod client, Exchange e, RequestTemplate received, Endpoint host, boolean viaSidecar,
      long startNanos, long endNanos, int code, String flags) {
    if (!e.hasRequestId()) {
      // No Envoy saw it before this one: the server sidecar generates the id.
      e.setRequestId(mix(seed ^ hash(server.name()) ^ e.startNanos()));
    }
    if (!logs(e)) {
      return;
    }
    var spec = received.spec();
    int port = host.port();
    String remote = viaSidecar ? remoteOf(e) : client.ip() + ":" + ephemeral(e.requestId() ^ e.startNanos());
    String app = (inboundToPodIp ? server.ip() : "127.0.0.1") + ":" + port;
    boolean refused = flags.startsWith("UF"); // UF, or UF,URX once the inbound retries are spent
    String local = refused ? null
        : (inboundToPodIp ? "127.0.0.6" : "127.0.0.1") + ":" + ephemeral(hash(server.name()) ^ hash(remote));
    boolean answered = "-".equals(flags);
    out.logged(new ProxyLogEntry(server.name(), true, startNanos, endNanos, answered ? endNanos - startNanos : -1,
        spec.method(), e.loggedPath(), spec.authority(), spec.headers().get("user-agent"), e.requestId(),
        code, flags, app, "inbound|" + port + "||", local,
        server.ip() + ":" + port, remote, viaSidecar ? sni(e.clusterName()) : null,
        e.isTcpProxied() ? null : "default", e.isTcpProxied()));
  }

  /** Where a request that a sidecar sent upstream comes from: that sidecar's pod IP and connection's port. */
  private String remoteOf(Exchange sent) {
    return sent.client().ip() + ":" + (sent.upstreamConnection() < 0 ? ephemeral(sent.requestId())
        : upstreamPort(sent.client(), sent));
  }

  /** The client's upstream connection's local port: its pod, host, worker and connection serial. */
  private int upstreamPort(Pod client, Exchange e) {
    Endpoint host = e.upstream();
    long key = hash(client.name()) ^ hash(host == null ? "" : host.address()) ^ ((long) e.upstreamWorker() << 32)
        ^ e.upstreamConnection();
    return ephemeral(key);
  }

  /** Istio's mTLS SNI for an outbound cluster: {@code outbound_.9080_.v1_.reviews.default.svc.cluster.local}. */
  static String sni(String cluster) {
    if (cluster == null || !cluster.startsWith("outbound|")) {
      return null;
    }
    String[] p = cluster.split("\\|", -1);
    return p.length == 4 ? "outbound_." + p[1] + "_." + p[2] + "_." + p[3] : null;
  }

  private int ephemeral(long key) {
    return EPHEMERAL_LOW + (int) Long.remainderUnsigned(mix(seed ^ mix(key)), EPHEMERAL_COUNT);
  }

  private static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return mix(h);
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
