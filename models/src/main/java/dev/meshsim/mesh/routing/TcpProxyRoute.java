package dev.meshsim.mesh.routing;

import dev.meshsim.engine.random.RandomStream;
import java.util.List;

/**
 * What Envoy's {@code tcp_proxy} network filter is configured with on one outbound filter chain
 * (envoy {@code extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto}): a {@code cluster}, or
 * {@code weighted_clusters} drawn once per downstream connection. No HTTP routes, retries,
 * timeouts or faults: the filter only moves bytes between the two connections.
 *
 * <p>{@code name} is the filter chain's as istiod names it ({@code outbound|port||fqdn}, or the
 * catch-all's cluster); {@code clusters} holds at least one.
 */
public final class TcpProxyRoute {
  /** {@link #firstBytesWaitNanos()} of a connection that never gets past its listener. */
  public static final long FOREVER = Long.MAX_VALUE;

  private final String name;
  private final List<WeightedCluster> clusters;
  private final long firstBytesWaitNanos;
  /** The weighted draw, shared with the HTTP router's. */
  private final Route draw;

  public TcpProxyRoute(String name, List<WeightedCluster> clusters) {
    this(name, clusters, 0);
  }

  /**
   * @param firstBytesWaitNanos how long a new connection waits in its listener before it is proxied:
   *     0, unless the app on the port speaks first and the listener waits for the client's bytes
   *     (protocol detection's timeout; {@link #FOREVER} without one, or before an HTTP connection
   *     manager, which waits for a request that never comes)
   */
  public TcpProxyRoute(String name, List<WeightedCluster> clusters, long firstBytesWaitNanos) {
    this.firstBytesWaitNanos = firstBytesWaitNanos;
    this.name = name;
    this.clusters = List.copyOf(clusters);
    if (this.clusters.isEmpty()) {
      throw new IllegalArgumentException("a tcp_proxy needs a cluster");
    }
    this.draw = new Route(name, List.of(), this.clusters, 0, RetryPolicy.NONE, FaultPolicy.NONE);
  }

  public String name() {
    return name;
  }

  public List<WeightedCluster> clusters() {
    return clusters;
  }

  public long firstBytesWaitNanos() {
    return firstBytesWaitNanos;
  }

  /**
   * A TLS port whose filter chains all match other SNIs: Envoy finds no filter chain for the
   * connection and closes it, flag {@code NR} ("no matching filter chain"). Its cluster is never used.
   */
  public static final TcpProxyRoute NO_FILTER_CHAIN = TcpProxyRoute.to("-");

  /** Whether this stands for "no filter chain matches" ({@link #NO_FILTER_CHAIN}). */
  public boolean noFilterChain() {
    return this == NO_FILTER_CHAIN;
  }

  /** A tcp_proxy to one cluster. */
  public static TcpProxyRoute to(String cluster) {
    return new TcpProxyRoute(cluster, List.of(new WeightedCluster(cluster, 1, null)));
  }

  /**
   * The cluster of a new connection, by weight, as the HTTP router draws one per request (the
   * same draw: {@link Route#pickCluster}); a lone cluster takes no draw.
   */
  public WeightedCluster pickCluster(RandomStream random) {
    return draw.pickCluster(random);
  }
}
