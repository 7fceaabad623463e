package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;

/**
 * One sidecar's live state for one Envoy cluster: the shared {@link ClusterConfig} plus this
 * sidecar's load balancer and its per-host active-request gauge ({@code rq_active}), which Envoy
 * shares across the sidecar's worker threads.
 */
public final class Cluster {
  private final ClusterConfig config;
  private final LoadBalancer loadBalancer;
  private final int[] activeRequests;

  public Cluster(ClusterConfig config, RandomStream random) {
    this.config = config;
    int hosts = config.endpoints().size();
    this.activeRequests = new int[hosts];
    this.loadBalancer = hosts == 0 ? null : LoadBalancer.create(config.lbPolicy(), hosts, random);
  }

  public String name() {
    return config.name();
  }

  public ClusterConfig config() {
    return config;
  }

  /** Whether any host can take a request; Envoy answers {@code 503 UH} otherwise. */
  public boolean hasHealthyHost() {
    return loadBalancer != null;
  }

  /** Picks a host and counts the request as active on it. */
  public int pickHost() {
    int host = loadBalancer.choose(activeRequests);
    activeRequests[host]++;
    return host;
  }

  public Endpoint endpoint(int host) {
    return config.endpoints().get(host);
  }

  /** The request on {@code host} is finished. */
  public void release(int host) {
    activeRequests[host]--;
  }

  /** Active requests on {@code host} from this sidecar. */
  public int activeRequests(int host) {
    return activeRequests[host];
  }
}
