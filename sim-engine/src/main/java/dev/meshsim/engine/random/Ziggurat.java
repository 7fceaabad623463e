package dev.meshsim.engine.random;

/**
 * Standard normal and standard exponential variates by the ziggurat method of Marsaglia and Tsang
 * ("The Ziggurat Method for Generating Random Variables", Journal of Statistical Software 5(8),
 * 2000): 128 layers for the normal, 256 for the exponential.
 *
 * <p>Written here rather than taken from a library because normals are the models' most frequent
 * draw (every log-normal delay is one, many per simulated second) and the polar method it
 * replaces spent a {@code StrictMath.log} and a {@code StrictMath.sqrt} on every pair;
 * the ziggurat needs one 64-bit draw, one table look-up and one multiply for about 99% of its
 * variates. It follows the paper's algorithm with one change that Doornik ("An Improved Ziggurat
 * Method to Generate Normal Random Samples", 2005) showed matters: the layer index and the value
 * come from disjoint bits of one 64-bit draw (the paper's 32-bit version reused the low bits for
 * both), here the low 7 or 8 bits for the layer and the top 53 for the value.
 *
 * <p>Deterministic everywhere: the tables are computed once with {@link StrictMath}, and the draws
 * use only {@code double} arithmetic, which Java 17 evaluates strictly on every platform.
 */
final class Ziggurat {
  private Ziggurat() {}

  // --- normal: 128 layers ----------------------------------------------------------------------

  /** Right edge of the base layer, and the area of each layer (the paper's r and v for 128). */
  private static final double NORMAL_R = 3.442619855899;
  private static final double NORMAL_V = 9.91256303526217e-3;
  private static final double VALUE_SCALE = 0x1.0p52; // the signed 53-bit value spans [-2^52, 2^52)
  private static final long[] KN = new long[128];
  private static final double[] WN = new double[128];
  private static final double[] FN = new double[128];

  // --- exponential: 256 layers -----------------------------------------------------------------

  private static final double EXP_R = 7.697117470131487;
  private static final double EXP_V = 3.949659822581572e-3;
  private static final double UNSIGNED_SCALE = 0x1.0p53; // the unsigned 53-bit value spans [0, 2^53)
  private static final long[] KE = new long[256];
  private static final double[] WE = new double[256];
  private static final double[] FE = new double[256];

  static {
    double dn = NORMAL_R;
    double tn = dn;
    double q = NORMAL_V / StrictMath.exp(-0.5 * dn * dn);
    KN[0] = (long) ((dn / q) * VALUE_SCALE);
    KN[1] = 0;
    WN[0] = q / VALUE_SCALE;
    WN[127] = dn / VALUE_SCALE;
    FN[0] = 1.0;
    FN[127] = StrictMath.exp(-0.5 * dn * dn);
    for (int i = 126; i >= 1; i--) {
      dn = StrictMath.sqrt(-2 * StrictMath.log(NORMAL_V / dn + StrictMath.exp(-0.5 * dn * dn)));
      KN[i + 1] = (long) ((dn / tn) * VALUE_SCALE);
      tn = dn;
      FN[i] = StrictMath.exp(-0.5 * dn * dn);
      WN[i] = dn / VALUE_SCALE;
    }

    double de = EXP_R;
    double te = de;
    q = EXP_V / StrictMath.exp(-de);
    KE[0] = (long) ((de / q) * UNSIGNED_SCALE);
    KE[1] = 0;
    WE[0] = q / UNSIGNED_SCALE;
    WE[255] = de / UNSIGNED_SCALE;
    FE[0] = 1.0;
    FE[255] = StrictMath.exp(-de);
    for (int i = 254; i >= 1; i--) {
      de = -StrictMath.log(EXP_V / de + StrictMath.exp(-de));
      KE[i + 1] = (long) ((de / te) * UNSIGNED_SCALE);
      te = de;
      FE[i] = StrictMath.exp(-de);
      WE[i] = de / UNSIGNED_SCALE;
    }
  }

  /** A standard normal variate. */
  static double normal(RandomStream random) {
    while (true) {
      long bits = random.nextLong();
      int layer = (int) (bits & 127);
      long value = bits >> 11; // signed, 53 bits
      if (Math.abs(value) < KN[layer]) {
        return value * WN[layer]; // inside the layer's rectangle: about 98.8% of draws
      }
      double x = value * WN[layer];
      if (layer == 0) {
        return normalTail(random, value < 0);
      }
      // In the wedge between the rectangle and the curve: accept under the density.
      double y = FN[layer] + random.nextDouble() * (FN[layer - 1] - FN[layer]);
      if (y < StrictMath.exp(-0.5 * x * x)) {
        return x;
      }
    }
  }

  /** Beyond the base layer's edge r: Marsaglia's tail method. */
  private static double normalTail(RandomStream random, boolean negative) {
    double x;
    double y;
    do {
      x = -StrictMath.log(1.0 - random.nextDouble()) / NORMAL_R;
      y = -StrictMath.log(1.0 - random.nextDouble());
    } while (y + y < x * x);
    return negative ? -(NORMAL_R + x) : NORMAL_R + x;
  }

  /** A standard exponential variate (mean 1). */
  static double exponential(RandomStream random) {
    while (true) {
      long bits = random.nextLong();
      int layer = (int) (bits & 255);
      long value = bits >>> 11; // unsigned, 53 bits
      if (value < KE[layer]) {
        return value * WE[layer]; // inside the rectangle: about 98.9% of draws
      }
      if (layer == 0) {
        // Beyond r the exponential is r plus a fresh exponential (memorylessness).
        return EXP_R - StrictMath.log(1.0 - random.nextDouble());
      }
      double x = value * WE[layer];
      double y = FE[layer] + random.nextDouble() * (FE[layer - 1] - FE[layer]);
      if (y < StrictMath.exp(-x)) {
        return x;
      }
    }
  }
}
