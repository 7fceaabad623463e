package dev.meshsim.engine.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One named source of randomness. Implements commons-math3's {@link RandomGenerator} so that its
 * distributions can draw from it; every method is defined here in terms of SplitMix64, plain
 * {@code double} arithmetic and {@link StrictMath}, so a seed gives the same numbers on every JVM and
 * machine.
 *
 * <p>Not thread-safe, by design: a stream belongs to one entity of one run.
 */
public final class RandomStream implements RandomGenerator {
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  public RandomStream(long seed) {
    setSeed(seed);
  }

  @Override
  public long nextLong() {
    state += SplitMix64.GOLDEN_GAMMA;
    return SplitMix64.mix(state);
  }

  @Override
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  /** Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject). */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  @Override
  public float nextFloat() {
    return (nextInt() >>> 8) * 0x1.0p-24f;
  }

  @Override
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      long r = nextLong();
      for (int k = 0; k < 8 && i < bytes.length; k++, r >>>= 8) {
        bytes[i++] = (byte) r;
      }
    }
  }

  /** Standard normal, by the ziggurat method ({@link Ziggurat}). */
  @Override
  public double nextGaussian() {
    return Ziggurat.normal(this);
  }

  /** Exponential with the given mean, by the ziggurat method ({@link Ziggurat}). */
  public double nextExponential(double mean) {
    return mean * Ziggurat.exponential(this);
  }

  @Override
  public void setSeed(int seed) {
    setSeed((long) seed);
  }

  @Override
  public void setSeed(int[] seed) {
    long s = 0;
    for (int v : seed) {
      s = s * 31 + v;
    }
    setSeed(s);
  }

  @Override
  public void setSeed(long seed) {
    state = seed;
  }
}
