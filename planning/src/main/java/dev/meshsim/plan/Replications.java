package dev.meshsim.plan;

import dev.meshsim.engine.random.RandomStreams;

/**
 * The seeds of replications. Replication r of every point runs with the same seed, derived from
 * (scenario seed, r) through the named-stream scheme: that is common random numbers, so the
 * difference between two points is the difference of their configurations, not of their luck.
 */
public final class Replications {
  private Replications() {}

  /** The master seed of replication {@code rep} of a scenario whose seed is {@code scenarioSeed}. */
  public static long seed(long scenarioSeed, int rep) {
    return new RandomStreams(scenarioSeed).stream("plan/replication/" + rep).nextLong();
  }
}
