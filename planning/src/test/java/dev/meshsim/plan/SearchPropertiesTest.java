package dev.meshsim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * On any monotone, noise-free response the searches find exactly the boundary: the fewest replicas
 * whose p99 is below the limit, the highest lattice rate whose p99 is below it.
 */
class SearchPropertiesTest {
  private static final Scenario MM1 = load();

  private static Scenario load() {
    try {
      return ScenarioLoader.load(Path.of("../src/test/resources/scenarios/plan-mm1.yaml")).scenario();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Every request of point k takes exactly ms(k): every replication's p99 is ms(k). */
  private record Exact(LongToDoubleFunction ms) implements SampleSource {
    @Override
    public List<Sample> samples(long key, int count) {
      List<Sample> out = new ArrayList<>();
      for (int r = 0; r < count; r++) {
        TrafficStats stats = new TrafficStats();
        stats.record((long) (ms.applyAsDouble(key) * 1e6), 200, "-", null);
        out.add(Sample.of(stats, 1));
      }
      return out;
    }
  }

  private static Planner planner(double limitMs, SampleSource source) {
    List<SloTerm> slo = List.of(new SloTerm("p99<=" + limitMs + "ms", new Metric.Percentile(99), limitMs));
    return new Planner(new Planner.Setup("t", 1, null, slo, new StoppingRule(2, 4, 0.05)), source);
  }

  @Property(tries = 50)
  void minReplicasIsTheFirstPassingCount(@ForAll @IntRange(min = 1, max = 40) int lo,
      @ForAll @IntRange(min = 0, max = 60) int width, @ForAll @DoubleRange(min = 1, max = 500) double work,
      @ForAll @DoubleRange(min = 1, max = 50) double limit) {
    int hi = lo + width;
    LongToDoubleFunction p99 = n -> work / n; // more replicas, less latency
    PlanResult r = planner(limit, new Exact(p99)).minReplicas(Replicas.of(MM1, "server"), lo, hi);
    Long expected = null;
    for (long n = lo; n <= hi; n++) {
      if (measured(p99, n) <= limit) {
        expected = n;
        break;
      }
    }
    assertEquals(expected, r.answer());
  }

  @Property(tries = 50)
  void maxRateIsTheLastPassingLatticePoint(@ForAll @DoubleRange(min = 0.01, max = 0.5) double precision,
      @ForAll @DoubleRange(min = 0.05, max = 20) double growth, @ForAll @DoubleRange(min = 1, max = 100) double limit) {
    LoadRate rate = LoadRate.of(MM1, null, precision, null);
    LongToDoubleFunction p99 = k -> limit * Math.exp(growth * precision * (k - 3.5)); // crosses the limit near k = 3.5
    PlanResult r = planner(limit, new Exact(p99)).maxRate(rate);
    long k = rate.min();
    Long expected = null;
    for (; k <= rate.max() && measured(p99, k) <= limit; k++) {
      expected = k;
    }
    assertEquals(expected, r.answer());
  }

  /** What the 3-digit histogram reports for a single value: the equivalent value of its bucket. */
  private static double measured(LongToDoubleFunction ms, long key) {
    TrafficStats stats = new TrafficStats();
    stats.record((long) (ms.applyAsDouble(key) * 1e6), 200, "-", null);
    return stats.latency().getValueAtPercentile(99) / 1e6;
  }
}
