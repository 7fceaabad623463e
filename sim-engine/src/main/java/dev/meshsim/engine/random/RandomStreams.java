package dev.meshsim.engine.random;

import java.nio.charset.StandardCharsets;

/**
 * The factory of a run's random streams. Each stream's seed is derived from the run's master seed
 * and the stream's <em>name</em> alone, so adding an entity (a pod, a load balancer) creates new
 * streams without shifting the draws of any existing one: two configurations compared with the same
 * seed see the same arrivals (common random numbers, as in L'Ecuyer's SSJ).
 *
 * <p>Names are hierarchical by convention, e.g. {@code "load/users/arrivals"}. Asking for the same
 * name twice gives two streams with the same sequence; callers keep the stream they asked for.
 */
public final class RandomStreams {
  private final long masterSeed;

  public RandomStreams(long masterSeed) {
    this.masterSeed = masterSeed;
  }

  public long masterSeed() {
    return masterSeed;
  }

  /** A fresh stream whose seed depends only on (master seed, name). */
  public RandomStream stream(String name) {
    return new RandomStream(seedFor(name));
  }

  /** The seed of stream {@code name}: SplitMix64's mixer applied to the seed and a 64-bit FNV-1a. */
  long seedFor(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return SplitMix64.mix(SplitMix64.mix(masterSeed) ^ h);
  }
}
