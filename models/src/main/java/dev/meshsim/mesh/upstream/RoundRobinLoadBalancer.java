package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;

/**
 * Envoy's equal-weight round robin: {@code hosts[rr_index++ % n]}, with the index starting at a
 * random seed per balancer (envoy {@code load_balancer_impl.cc}, {@code RoundRobinLoadBalancer}), so
 * that many clients do not all start on the first host.
 */
final class RoundRobinLoadBalancer implements LoadBalancer {
  private final int hosts;
  private long index;

  RoundRobinLoadBalancer(int hosts, RandomStream random) {
    this.hosts = hosts;
    this.index = random.nextInt(hosts);
  }

  @Override
  public int choose(int[] activeRequests) {
    return (int) (index++ % hosts);
  }
}
