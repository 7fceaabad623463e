package dev.meshsim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The searches on synthetic samples whose p99 is a known function of the key. */
class PlannerTest {
  private static final List<SloTerm> SLO = List.of(SloParser.parse("p99<=20ms"));
  private static final StoppingRule RULE = new StoppingRule(3, 10, 0.05);

  /** Every request of point k takes {@code ms(k)} (± 0.2% by replication), so p99 = ms(k). */
  private record Synthetic(LongToDoubleFunction ms, List<Long> asked) implements SampleSource {
    Synthetic(LongToDoubleFunction ms) {
      this(ms, new ArrayList<>());
    }

    @Override
    public List<Sample> samples(long key, int count) {
      asked.add(key);
      List<Sample> out = new ArrayList<>();
      for (int r = 0; r < count; r++) {
        TrafficStats stats = new TrafficStats();
        long nanos = (long) (ms.applyAsDouble(key) * 1e6 * (1 + 0.002 * (r % 3 - 1)));
        for (int i = 0; i < 100; i++) {
          stats.record(nanos, 200, "-", null);
        }
        out.add(Sample.of(stats, 1));
      }
      return out;
    }
  }

  private static Scenario mm1() throws Exception {
    return ScenarioLoader.load(Path.of("../src/test/resources/scenarios/plan-mm1.yaml")).scenario();
  }

  private static Planner planner(SampleSource source) {
    return new Planner(new Planner.Setup("t", 1, null, SLO, RULE), source);
  }

  @Test
  void maxRateDoublesThenBisectsToNeighbouringLatticePoints() throws Exception {
    LoadRate rate = LoadRate.of(mm1(), null, 0.10, null); // 500/s * 1.1^k
    PlanResult r = planner(new Synthetic(k -> 10 * Math.pow(1.1, k))).maxRate(rate);
    // p99 <= 20 ms while 1.1^k <= 2: k <= 7.27, so k = 7, 500 * 1.1^7 = 974.36/s.
    assertEquals(7L, r.answer());
    assertEquals(974.359, (Double) rate.value(r.answer()), 1e-3);
    assertTrue(r.points().stream().anyMatch(p -> p.key() == 8 && !p.passes()), "the bracket's failing end was tried");
    assertTrue(r.confirmation().passes());
    assertEquals(RULE.maxReps(), r.confirmation().replications());
    assertEquals(0, r.exitStatus());
  }

  @Test
  void maxRateHalvesWhenTheScenarioLoadAlreadyFails() throws Exception {
    LoadRate rate = LoadRate.of(mm1(), null, 0.10, null);
    PlanResult r = planner(new Synthetic(k -> 40 * Math.pow(1.1, k))).maxRate(rate);
    // 40 * 1.1^k <= 20 for k <= -7.27: k = -8.
    assertEquals(-8L, r.answer());
  }

  @Test
  void maxRateWithNothingPassingInRangeHasNoAnswerAndExit3() throws Exception {
    LoadRate rate = LoadRate.of(mm1(), null, 0.10, Range.parse("400..600", false));
    PlanResult r = planner(new Synthetic(k -> 100)).maxRate(rate);
    assertNull(r.answer());
    assertEquals(3, r.exitStatus());
    assertTrue(r.points().stream().allMatch(p -> p.key() >= rate.min() && p.key() <= rate.max()));
  }

  @Test
  void minReplicasBisectsTheRange() throws Exception {
    Replicas replicas = Replicas.of(mm1(), "server");
    Synthetic source = new Synthetic(n -> 99.0 / n); // p99 <= 20 from n = 5 on (19.8 ms)
    PlanResult r = planner(source).minReplicas(replicas, 1, 32);
    assertEquals(5L, r.answer());
    assertEquals(List.of(32L, 1L, 16L, 8L, 4L, 6L, 5L),
        r.points().stream().map(PointResult::key).toList(), "top, bottom, then bisection");
  }

  @Test
  void aPointContradictingMonotonicityIsReported() throws Exception {
    Replicas replicas = Replicas.of(mm1(), "server");
    // Worse at 16 than at 8: the bisection still answers, and says the assumption broke.
    PlanResult r = planner(new Synthetic(n -> n == 16 ? 19 : 100.0 / n)).minReplicas(replicas, 1, 32);
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("monotonicity")), r.notes().toString());
  }
}
