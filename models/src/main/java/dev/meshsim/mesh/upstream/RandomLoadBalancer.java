package dev.meshsim.mesh.upstream;

import dev.meshsim.engine.random.RandomStream;

/** Envoy's RANDOM: uniform over the healthy hosts. */
final class RandomLoadBalancer implements LoadBalancer {
  private final int hosts;
  private final RandomStream random;

  RandomLoadBalancer(int hosts, RandomStream random) {
    this.hosts = hosts;
    this.random = random;
  }

  @Override
  public int choose(int[] activeRequests) {
    return random.nextInt(hosts);
  }
}
