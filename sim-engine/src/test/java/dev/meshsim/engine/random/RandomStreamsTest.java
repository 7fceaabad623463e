package dev.meshsim.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draws(RandomStream s, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.nextLong();
    }
    return out;
  }

  @Property(tries = 200)
  void sameSeedAndNameGiveTheSameSequence(
      @ForAll long seed, @ForAll @AlphaChars @StringLength(max = 30) String name) {
    RandomStream a = new RandomStreams(seed).stream(name);
    RandomStream b = new RandomStreams(seed).stream(name);
    assertArrayEquals(draws(a, 50), draws(b, 50));
    assertEquals(a.nextDouble(), b.nextDouble());
    assertEquals(a.nextGaussian(), b.nextGaussian());
    assertEquals(a.nextInt(17), b.nextInt(17));
  }

  @Property(tries = 200)
  void differentNamesGiveDifferentSequences(
      @ForAll long seed,
      @ForAll @AlphaChars @StringLength(max = 20) String a,
      @ForAll @AlphaChars @StringLength(max = 20) String b) {
    if (a.equals(b)) {
      return;
    }
    RandomStreams streams = new RandomStreams(seed);
    assertFalse(Arrays.equals(draws(streams.stream(a), 4), draws(streams.stream(b), 4)));
  }

  @Test
  void differentSeedsGiveDifferentSequences() {
    assertFalse(
        Arrays.equals(
            draws(new RandomStreams(1).stream("x"), 4), draws(new RandomStreams(2).stream("x"), 4)));
  }

  @Test
  void hierarchicalNamesThatDifferOnlySlightlyAreIndependent() {
    RandomStreams streams = new RandomStreams(42);
    long[] a = draws(streams.stream("pod/a-1/service"), 8);
    long[] b = draws(streams.stream("pod/a-2/service"), 8);
    long[] c = draws(streams.stream("pod/a-1/service "), 8);
    assertFalse(Arrays.equals(a, b));
    assertFalse(Arrays.equals(a, c));
    for (int i = 0; i < 8; i++) {
      assertNotEquals(a[i], b[i]);
    }
  }

  @Test
  void addingAStreamDoesNotChangeAnotherStreamsDraws() {
    // Run 1: only "arrivals". Run 2: other streams are created and drawn from before and in between.
    long[] alone = draws(new RandomStreams(7).stream("load/arrivals"), 100);

    RandomStreams streams = new RandomStreams(7);
    RandomStream extra = streams.stream("pod/new-one/service");
    extra.nextLong();
    RandomStream arrivals = streams.stream("load/arrivals");
    RandomStream another = streams.stream("lb/picks");
    long[] interleaved = new long[100];
    for (int i = 0; i < 100; i++) {
      interleaved[i] = arrivals.nextLong();
      another.nextDouble();
      extra.nextGaussian();
    }
    assertArrayEquals(alone, interleaved);
  }

  @Test
  void theSequenceIsFixedAcrossVersions() {
    // Pinned values: a change here changes every seeded result ever published.
    RandomStream s = new RandomStream(0);
    assertEquals(0xe220a8397b1dcdafL, s.nextLong());
    assertEquals(0x6e789e6aa1b965f4L, s.nextLong());
    assertEquals(0x06c45d188009454fL, s.nextLong());
  }

  @Test
  void nextIntIsUniform() {
    // Pearson's chi-square over 37 cells with 370,000 draws; the fixed seed makes it deterministic,
    // and the threshold is the 0.999 quantile, so a correct generator passes with a wide margin.
    int bound = 37;
    int n = 370_000;
    long[] counts = new long[bound];
    RandomStream s = new RandomStreams(2024).stream("uniformity");
    for (int i = 0; i < n; i++) {
      counts[s.nextInt(bound)]++;
    }
    double expected = (double) n / bound;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    double critical = new ChiSquaredDistribution(bound - 1).inverseCumulativeProbability(0.999);
    assertTrue(chi2 < critical, "chi-square " + chi2 + " >= " + critical);
  }

  @Test
  void nextIntWithALargeNonPowerOfTwoBoundHasNoModuloBias() {
    // With bound = 3 * 2^29, plain (random32 % bound) would put 2/3 of the draws in the lower third;
    // Lemire's rejection keeps each third at 1/3.
    int bound = 3 << 29;
    int n = 300_000;
    int lowerThird = 0;
    RandomStream s = new RandomStreams(5).stream("bias");
    for (int i = 0; i < n; i++) {
      int v = s.nextInt(bound);
      assertTrue(v >= 0 && v < bound);
      if (v < (1 << 29)) {
        lowerThird++;
      }
    }
    assertEquals(1.0 / 3, (double) lowerThird / n, 0.005);
  }

  @Property(tries = 100)
  void nextIntStaysInRange(@ForAll @IntRange(min = 1) int bound, @ForAll long seed) {
    RandomStream s = new RandomStream(seed);
    for (int i = 0; i < 20; i++) {
      int v = s.nextInt(bound);
      assertTrue(v >= 0 && v < bound, v + " not in [0, " + bound + ")");
    }
  }

  @Test
  void nextIntRejectsNonPositiveBounds() {
    RandomStream s = new RandomStream(1);
    assertThrows(IllegalArgumentException.class, () -> s.nextInt(0));
    assertThrows(IllegalArgumentException.class, () -> s.nextInt(-5));
  }

  @Test
  void doublesAreInTheUnitIntervalWithTheRightMoments() {
    RandomStream s = new RandomStreams(11).stream("doubles");
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    double gauss = 0;
    double gaussSq = 0;
    for (int i = 0; i < n; i++) {
      double u = s.nextDouble();
      assertTrue(u >= 0 && u < 1);
      sum += u;
      sumSq += u * u;
      double g = s.nextGaussian();
      gauss += g;
      gaussSq += g * g;
    }
    assertEquals(0.5, sum / n, 0.005);
    assertEquals(1.0 / 12, sumSq / n - (sum / n) * (sum / n), 0.002);
    assertEquals(0, gauss / n, 0.01);
    assertEquals(1, gaussSq / n, 0.02);
  }

  @Test
  void setSeedRestartsTheSequence() {
    RandomStream s = new RandomStream(99);
    long[] first = draws(s, 10);
    s.nextGaussian(); // any state a normal draw leaves behind must go with the reseed
    s.setSeed(99L);
    assertArrayEquals(first, draws(s, 10));
    RandomStream t = new RandomStream(99);
    s.setSeed(99L);
    assertEquals(t.nextGaussian(), s.nextGaussian());
  }
}
