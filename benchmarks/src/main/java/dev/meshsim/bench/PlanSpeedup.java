package dev.meshsim.bench;

import dev.meshsim.plan.Metric;
import dev.meshsim.plan.PlanResult;
import dev.meshsim.plan.Planner;
import dev.meshsim.plan.SetArgument;
import dev.meshsim.plan.SimulatedSamples;
import dev.meshsim.plan.SloParser;
import dev.meshsim.plan.SloTerm;
import dev.meshsim.plan.StoppingRule;
import dev.meshsim.plan.SweepGrid;
import dev.meshsim.plan.output.PlanJson;
import dev.meshsim.scenario.Scenario;
import dev.meshsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The speed-up of {@code meshsim plan} from 1 to N threads, inside one warmed-up JVM so that JVM
 * start-up and JIT compilation (which a 1-thread process runs on the other cores for free) do not
 * blur it. The plan is a sweep of bench-chain over four arrival rates with a fixed 4 replications a
 * point (16 simulations of 100 s): the same work at any thread count. Rounds alternate 1 and N
 * threads; each round's plan JSON must be the same bytes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.meshsim.bench.PlanSpeedup [ROUNDS] [N]</pre>
 */
public final class PlanSpeedup {
  private PlanSpeedup() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    Path file = Path.of("scenarios/bench-chain.yaml");
    Scenario base = ScenarioLoader.load(file).scenario();
    SweepGrid grid = SweepGrid.of(List.of(SetArgument.parse("load[0].arrival.poisson=1000/s,1500/s,2000/s,2500/s")),
        edits -> ScenarioLoader.load(file, edits).scenario());
    List<SloTerm> terms = List.of(SloParser.parse("p99<=200ms"), SloTerm.report(new Metric.Errors()));
    Planner.Setup setup = new Planner.Setup(base.name(), base.seed(), "users", terms, new StoppingRule(4, 4, 0.05));
    System.out.println("warm-up (1 round at " + n + " threads) ...");
    String reference = plan(setup, grid, n, new double[1]);
    List<Double> one = new ArrayList<>();
    List<Double> many = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      double[] wall = new double[1];
      check(reference, plan(setup, grid, 1, wall));
      one.add(wall[0]);
      check(reference, plan(setup, grid, n, wall));
      many.add(wall[0]);
      System.out.printf(Locale.ROOT, "round %d: 1 thread %.2f s, %d threads %.2f s%n", r, one.get(r - 1), n,
          many.get(r - 1));
    }
    double best1 = one.stream().min(Double::compare).orElseThrow();
    double bestN = many.stream().min(Double::compare).orElseThrow();
    System.out.printf(Locale.ROOT, "best: 1 thread %.2f s, %d threads %.2f s, speed-up %.2fx; outputs identical%n",
        best1, n, bestN, best1 / bestN);
  }

  private static String plan(Planner.Setup setup, SweepGrid grid, int threads, double[] wall) {
    long start = System.nanoTime();
    PlanResult result;
    try (SimulatedSamples sim = new SimulatedSamples(grid, setup.load(), setup.seed(), 4, threads)) {
      result = new Planner(setup, sim).sweep(grid);
    }
    wall[0] = (System.nanoTime() - start) / 1e9;
    return PlanJson.toJson(result);
  }

  private static void check(String reference, String json) {
    if (!reference.equals(json)) {
      throw new IllegalStateException("the plan's output differs between thread counts");
    }
  }
}
