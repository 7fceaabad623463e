package dev.meshsim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.RunResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * With proxies and network removed, a pod is a textbook queue: its response times must match
 * queueing theory. Tolerances are 3% relative (the bound); the runs are long enough that
 * sampling error is well inside that.
 */
class QueueingTheoryTest {

  @Test
  void oneWorkerPodIsAnMM1Queue() {
    RunResult result = Scenarios.run(Scenarios.test("mm1"));
    double lambda = 250;
    double mu = 500;
    double rate = mu - lambda; // M/M/1 response time ~ Exp(mu - lambda)
    Histogram h = result.total().latency();
    assertWithin(1 / rate, h.getMean() / 1e9, 0.03, "mean");
    assertWithin(Math.log(2) / rate, h.getValueAtPercentile(50) / 1e9, 0.03, "p50");
    assertWithin(Math.log(100) / rate, h.getValueAtPercentile(99) / 1e9, 0.03, "p99");
  }

  @Test
  void cWorkerPodIsAnMMcQueue() {
    RunResult result = Scenarios.run(Scenarios.test("mmc"));
    int c = 4;
    double lambda = 1500;
    double mu = 500;
    double expected = erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
    assertWithin(expected, result.total().latency().getMean() / 1e9, 0.03, "mean");
  }

  @Test
  void noRequestIsLostInAStableQueue() {
    RunResult result = Scenarios.run(Scenarios.test("mm1"));
    assertEquals(0, result.unfinished());
    assertEquals(result.total().requests(), result.total().codes().get(200));
  }

  /** Probability that an arrival waits in M/M/c, offered load a = lambda/mu (Erlang C). */
  static double erlangC(int c, double a) {
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double top = term * c / (c - a); // a^c / c! * c / (c - a)
    return top / (sum + top);
  }

  private static void assertWithin(double expected, double actual, double relative, String what) {
    double error = Math.abs(actual - expected) / expected;
    if (error > relative) {
      throw new AssertionError(String.format(
          "%s: expected %.4f ms within %.0f%%, got %.4f ms (%.2f%% off)",
          what, expected * 1e3, relative * 100, actual * 1e3, error * 100));
    }
  }
}
