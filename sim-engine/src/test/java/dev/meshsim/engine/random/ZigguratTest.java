package dev.meshsim.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat's variates against their distributions: a Kolmogorov-Smirnov test over the whole
 * range, and the frequency of the rare paths (the tail beyond the base layer's edge, and every
 * layer's wedge) against a binomial bound, since a wrong table there would move too little mass
 * for the KS statistic to see.
 */
class ZigguratTest {
  private static final int N = 400_000;

  @Test
  void normalPassesKolmogorovSmirnov() {
    assertKs(new NormalDistribution(null, 0, 1), draws(new RandomStream(20261202L), Ziggurat::normal));
  }

  @Test
  void exponentialPassesKolmogorovSmirnov() {
    assertKs(new ExponentialDistribution(null, 1), draws(new RandomStream(7L), Ziggurat::exponential));
  }

  /** {@link #N} variates of {@code variate} from {@code s}. */
  private static double[] draws(RandomStream s, java.util.function.ToDoubleFunction<RandomStream> variate) {
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = variate.applyAsDouble(s);
    }
    return x;
  }

  @Test
  void normalTailsBeyondTheBaseLayerHaveTheirMass() {
    RandomStream s = new RandomStream(3L);
    double r = 3.442619855899;
    int n = 2_000_000;
    int above = 0;
    int below = 0;
    double tailSum = 0;
    double tailSq = 0;
    for (int i = 0; i < n; i++) {
      double z = Ziggurat.normal(s);
      above += z > r ? 1 : 0;
      below += z < -r ? 1 : 0;
      if (Math.abs(z) > r) {
        tailSum += Math.abs(z);
        tailSq += z * z;
      }
    }
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    double p = 1 - normal.cumulativeProbability(r); // 2.88e-4
    assertBinomial(n, p, above);
    assertBinomial(n, p, below);
    // Within the tail, the mean of |Z| is the inverse Mills ratio phi(r) / (1 - Phi(r)).
    int k = above + below;
    double mean = tailSum / k;
    double sd = Math.sqrt(tailSq / k - mean * mean);
    assertEquals(normal.density(r) / p, mean, 4 * sd / Math.sqrt(k));
  }

  @Test
  void exponentialTailBeyondTheBaseLayerHasItsMass() {
    RandomStream s = new RandomStream(5L);
    double r = 7.697117470131487;
    int n = 2_000_000;
    int beyond = 0;
    for (int i = 0; i < n; i++) {
      beyond += Ziggurat.exponential(s) > r ? 1 : 0;
    }
    assertBinomial(n, Math.exp(-r), beyond); // 4.5e-4
  }

  /** Chi-squared over 64 equiprobable bins: the wedges are where a table error would show. */
  @Test
  void normalFillsEquiprobableBins() {
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    RandomStream s = new RandomStream(11L);
    int bins = 64;
    long[] counts = new long[bins];
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      double u = normal.cumulativeProbability(Ziggurat.normal(s));
      counts[Math.min(bins - 1, (int) (u * bins))]++;
    }
    double expected = (double) n / bins;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    double critical =
        new org.apache.commons.math3.distribution.ChiSquaredDistribution(null, bins - 1)
            .inverseCumulativeProbability(0.999);
    assertTrue(chi2 < critical, "chi2 " + chi2 + " >= " + critical);
  }

  @Test
  void streamsDrawTheirNormalsAndExponentialsFromTheZiggurat() {
    RandomStream a = new RandomStream(1L);
    RandomStream b = new RandomStream(1L);
    assertEquals(Ziggurat.normal(a), b.nextGaussian());
    assertEquals(2.5 * Ziggurat.exponential(a), b.nextExponential(2.5));
  }

  private static void assertKs(RealDistribution d, double[] x) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d, x);
    assertTrue(p > 0.001, "KS p-value " + p);
  }

  private static void assertBinomial(int n, double p, int observed) {
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    assertTrue(Math.abs(observed - mean) < 4 * sd, observed + " vs " + mean + " ± 4×" + sd);
  }
}
