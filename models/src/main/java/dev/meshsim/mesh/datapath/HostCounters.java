package dev.meshsim.mesh.datapath;

import dev.meshsim.mesh.upstream.Host;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Envoy's per-host counters ({@code rq_total}, {@code rq_success}, {@code rq_error}, {@code
 * rq_timeout}, {@code cx_total}, {@code cx_connect_fail}: {@code HostStats} in envoy {@code
 * envoy/upstream/host_description.h}), per sidecar, as its admin {@code /clusters} prints them.
 * Kept only for an inspected run. Charged as Envoy charges them: {@code rq_total} when a request is
 * attached to a connection ({@code conn_pool_base.cc}, {@code attachStreamToClient}), {@code
 * rq_success}/{@code rq_error} by the response code (5xx is an error) or a reset ({@code
 * router.cc}, {@code chargeUpstreamCode}, {@code onUpstreamReset}), {@code rq_timeout} and an error
 * on a per-try or route timeout of a sent attempt ({@code onUpstreamTimeoutAbort}); {@code
 * cx_total} when the pool opens a connection and {@code cx_connect_fail} when one closes while
 * connecting, a connect timeout included ({@code conn_pool_base.cc}; reported by the pool through
 * the cluster's stats sink, {@code MeshStats}). A host that leaves its cluster takes its counters
 * with it, as an Envoy host does.
 */
public final class HostCounters {
  /** The counters, in the order of {@link #get}'s array. */
  public enum Stat { RQ_TOTAL, RQ_SUCCESS, RQ_ERROR, RQ_TIMEOUT, CX_TOTAL, CX_CONNECT_FAIL }

  private final Map<String, Map<Host, long[]>> bySidecar = new HashMap<>();

  void count(String sidecar, Host host, Stat stat) {
    bySidecar.computeIfAbsent(sidecar, s -> new IdentityHashMap<>())
        .computeIfAbsent(host, h -> new long[Stat.values().length])[stat.ordinal()]++;
  }

  /** {@code sidecar}'s counters of {@code host}, indexed by {@link Stat#ordinal()}; zeros if none. */
  public long[] get(String sidecar, Host host) {
    long[] c = bySidecar.getOrDefault(sidecar, Map.of()).get(host);
    return c == null ? new long[Stat.values().length] : c.clone();
  }
}
