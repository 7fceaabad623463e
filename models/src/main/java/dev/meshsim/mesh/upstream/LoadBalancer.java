package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;

/**
 * Picks one host of a cluster for one request. One instance per (sidecar, cluster); Envoy keeps one
 * per worker thread, which matters only for round robin and is modelled with the sidecar's workers
 * once connection pools exist.
 */
public interface LoadBalancer {

  /** Index into the cluster's endpoints; the cluster has at least one. */
  int choose(int[] activeRequests);

  /** The balancer Envoy would build for {@code policy} over {@code hosts} endpoints. */
  static LoadBalancer create(LbPolicy policy, int hosts, RandomStream random) {
    return switch (policy) {
      case ROUND_ROBIN -> new RoundRobinLoadBalancer(hosts, random);
      case RANDOM -> new RandomLoadBalancer(hosts, random);
      case LEAST_REQUEST -> new LeastRequestLoadBalancer(hosts, random);
    };
  }
}
