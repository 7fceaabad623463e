package dev.meshsim.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link HoldBenchmark} in <em>interleaved rounds</em> and prints engine / bare ratios.
 *
 * <p>Plain JMH runs all forks of one benchmark before the next, so on a machine whose load changes
 * over minutes (a shared build box) the engine and the bare heap are measured under different
 * conditions. Here each round runs every (size, benchmark) pair once, in a fresh fork with a short
 * warm-up and measurement, and the rounds repeat: both sides see the same conditions on average,
 * and the per-round ratios show the spread.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.meshsim.bench.HoldReport [rounds] [size ...]
 * </pre>
 */
public final class HoldReport {
  private static final String[] BENCHMARKS = {"bareHeap", "engine", "engineDistinctEvents"};

  private HoldReport() {}

  public static void main(String[] args) throws RunnerException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(args[i]);
    }
    if (sizes.isEmpty()) {
      sizes = List.of("1000", "100000", "1000000");
    }
    // size -> benchmark -> per-round mean throughput (holds/s)
    Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (String size : sizes) {
        for (String benchmark : BENCHMARKS) {
          double score = run(benchmark, size);
          results
              .computeIfAbsent(size, k -> new LinkedHashMap<>())
              .computeIfAbsent(benchmark, k -> new ArrayList<>())
              .add(score);
          System.err.printf(
              Locale.ROOT, "round %d  size %s  %-22s %,.0f holds/s%n", round, size, benchmark, score);
        }
      }
    }
    print(results, rounds);
  }

  /** One fork: 3 x 1 s warm-up, 3 x 1 s measurement; the mean of the measured iterations. */
  private static double run(String benchmark, String size) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(HoldBenchmark.class.getName() + "\\." + benchmark + "$")
            .param("size", size)
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
            .build();
    double sum = 0;
    int n = 0;
    for (RunResult result : new Runner(options).run()) {
      for (var benchmarkResult : result.getBenchmarkResults()) {
        for (IterationResult iteration : benchmarkResult.getIterationResults()) {
          sum += iteration.getPrimaryResult().getScore();
          n++;
        }
      }
    }
    return sum / n;
  }

  private static void print(Map<String, Map<String, List<Double>>> results, int rounds) {
    System.out.printf(Locale.ROOT, "%nHold model, %d interleaved rounds (holds/s, mean of rounds)%n", rounds);
    System.out.printf(
        Locale.ROOT,
        "%10s %14s %14s %8s %8s %14s %8s%n",
        "pending",
        "bareHeap",
        "engine",
        "ratio",
        "min",
        "distinct",
        "ratio");
    for (var entry : results.entrySet()) {
      List<Double> bare = entry.getValue().get("bareHeap");
      List<Double> engine = entry.getValue().get("engine");
      List<Double> distinct = entry.getValue().get("engineDistinctEvents");
      double minRatio = Double.MAX_VALUE;
      for (int i = 0; i < bare.size(); i++) {
        minRatio = Math.min(minRatio, engine.get(i) / bare.get(i));
      }
      System.out.printf(
          Locale.ROOT,
          "%10s %14s %14s %8.2f %8.2f %14s %8.2f%n",
          entry.getKey(),
          millions(mean(bare)),
          millions(mean(engine)),
          mean(engine) / mean(bare),
          minRatio,
          millions(mean(distinct)),
          mean(distinct) / mean(bare));
    }
    System.out.println(
        "ratio = mean(engine) / mean(bareHeap); min = the lowest per-round ratio; distinct ="
            + " engineDistinctEvents");
  }

  private static double mean(List<Double> xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.size();
  }

  private static String millions(double x) {
    return String.format(Locale.ROOT, "%.2f M", x / 1e6);
  }
}
