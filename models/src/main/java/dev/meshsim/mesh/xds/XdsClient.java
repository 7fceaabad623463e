package dev.meshsim.mesh.xds;

import dev.meshsim.mesh.routing.RouteConfiguration;
import dev.meshsim.mesh.upstream.ClusterConfig;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sidecar's xDS client: which version of clusters (CDS), endpoints (EDS), listeners (LDS) and
 * routes (RDS) the proxy has applied, and the config its router uses. The router asks only through
 * {@link #routes()} and {@link #cluster(String)}, so how and when config arrives (ADS ordering,
 * independent streams, warming, per-proxy delays) stays behind this class.
 *
 * <p>Each type is applied on its own, as Envoy's subscriptions apply them, so the router can see
 * routes of one version and clusters of another. A cluster that CDS adds is <em>warming</em> until
 * an EDS response that includes it is applied (Envoy's cluster manager, "cluster warming"); until
 * then the router does not see it. Istio sets {@code initial_fetch_timeout: 0s}, so a warming cluster
 * waits for its endpoints however long they take.
 *
 * <p>Versions only move forward: applying an older version of a type than the one in force is a
 * programming error and throws.
 */
public final class XdsClient {
  /** Version of a type never applied. */
  public static final long NONE = -1;

  /** Called after each applied update (for istiod's convergence tracking and tests). */
  @FunctionalInterface
  public interface Listener {
    void applied(XdsClient client, XdsType type, long version);
  }

  private final long[] versions = {NONE, NONE, NONE, NONE};
  private ProxyConfig clusters;
  private ProxyConfig endpoints;
  private ProxyConfig routes;
  private boolean listening;
  private final Set<String> warming = new LinkedHashSet<>();
  private Listener listener;
  /** Bumped whenever what {@link #cluster} answers may change (CDS, EDS, stop). */
  private long clusterChanges;

  /** A proxy that has applied {@code initial} as version 0 of every type (a pod running at time 0). */
  public XdsClient(ProxyConfig initial) {
    if (initial != null) {
      applyCds(0, initial);
      applyEds(0, initial);
      applyLds(0);
      applyRds(0, initial);
    }
  }

  /** A proxy that has not received any config yet (an Envoy that is starting). */
  public static XdsClient unconfigured() {
    return new XdsClient(null);
  }

  void setListener(Listener l) {
    this.listener = l;
  }

  /** The route configuration (RDS) in force; empty before the first RDS. */
  public RouteConfiguration routes() {
    return routes == null ? EMPTY_ROUTES : routes.routes();
  }

  private static final RouteConfiguration EMPTY_ROUTES = new RouteConfiguration(Map.of());

  /**
   * The cluster with this name if the proxy has it (CDS) and it is warm (its endpoints arrived by
   * EDS), else null: Envoy's router answers {@code 503 NC}. The same instance is returned for as
   * long as the cluster's endpoints and settings do not change.
   */
  public ClusterConfig cluster(String name) {
    if (clusters == null || endpoints == null || warming.contains(name) || clusters.cluster(name) == null) {
      return null;
    }
    return endpoints.cluster(name);
  }

  /**
   * A count that changes whenever {@link #cluster} may answer differently: a caller that resolved
   * clusters at one count may keep its answers while the count stays the same.
   */
  public long clusterChanges() {
    return clusterChanges;
  }

  /** The config of the CDS update in force (its clusters and their settings), or null; read-only. */
  public ProxyConfig appliedClusters() {
    return clusters;
  }

  /** The config of the EDS update in force (its clusters' endpoints), or null; read-only. */
  public ProxyConfig appliedEndpoints() {
    return endpoints;
  }

  /** Whether Envoy has its listeners (LDS applied): the app's outbound and inbound traffic is taken. */
  public boolean listening() {
    return listening;
  }

  /**
   * Whether the proxy is ready as pilot-agent's {@code /healthz/ready} sees it: every type applied
   * once and no cluster still warming (Envoy's initialization is complete).
   */
  public boolean ready() {
    for (long v : versions) {
      if (v == NONE) {
        return false;
      }
    }
    return listening && warming.isEmpty();
  }

  /** The version of {@code type} in force, or {@link #NONE}. */
  public long version(XdsType type) {
    return versions[type.ordinal()];
  }

  /** The lowest version over all four types ({@link #NONE} if one is missing). */
  public long minVersion() {
    long min = Long.MAX_VALUE;
    for (long v : versions) {
      min = Math.min(min, v);
    }
    return min;
  }

  /** Cluster names CDS added that wait for their endpoints, in the order added. */
  public List<String> warmingClusters() {
    return List.copyOf(warming);
  }

  /**
   * Applies CDS {@code version}. Returns whether a cluster started warming, i.e. the proxy now
   * needs an EDS response that covers it.
   */
  boolean applyCds(long version, ProxyConfig config) {
    advance(XdsType.CDS, version);
    clusterChanges++;
    ProxyConfig previous = clusters;
    clusters = config;
    warming.removeIf(name -> config.cluster(name) == null);
    for (String name : config.clusters().keySet()) {
      boolean known = previous != null && previous.cluster(name) != null;
      if (!known) {
        warming.add(name);
      }
    }
    notifyApplied(XdsType.CDS, version);
    return !warming.isEmpty();
  }

  /** Applies EDS {@code version}: every warming cluster it covers becomes warm. */
  void applyEds(long version, ProxyConfig config) {
    advance(XdsType.EDS, version);
    clusterChanges++;
    endpoints = config;
    warming.removeIf(name -> config.cluster(name) != null);
    notifyApplied(XdsType.EDS, version);
  }

  /** Applies LDS {@code version}: the outbound and inbound listeners exist. */
  void applyLds(long version) {
    advance(XdsType.LDS, version);
    listening = true;
    notifyApplied(XdsType.LDS, version);
  }

  /** Applies RDS {@code version}. */
  void applyRds(long version, ProxyConfig config) {
    advance(XdsType.RDS, version);
    routes = config;
    notifyApplied(XdsType.RDS, version);
  }

  /** Envoy exited: it has no config and no listener any more. */
  void stop() {
    clusterChanges++;
    listening = false;
    clusters = null;
    endpoints = null;
    routes = null;
    warming.clear();
    java.util.Arrays.fill(versions, NONE);
  }

  private void advance(XdsType type, long version) {
    long current = versions[type.ordinal()];
    if (version < current) {
      throw new IllegalStateException(type + " version would go back from " + current + " to " + version);
    }
    versions[type.ordinal()] = version;
  }

  private void notifyApplied(XdsType type, long version) {
    if (listener != null) {
      listener.applied(this, type, version);
    }
  }
}
