package dev.meshsim.plan;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.mesh.OverloadException;
import dev.meshsim.result.RunResult;
import dev.meshsim.result.TrafficStats;
import dev.meshsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Samples simulated on a pool of {@code threads} threads, each simulation single-threaded and
 * independent of the others. Which samples are computed together depends on the thread count (a
 * request for n replications runs up to the next multiple of the thread count, so no core idles),
 * but each sample depends only on its point and replication index, and callers read only the
 * prefix they asked for: results are the same for any thread count.
 */
public final class SimulatedSamples implements SampleSource, AutoCloseable {
  private final Parameter parameter;
  private final String load;
  private final long scenarioSeed;
  private final int maxReps;
  private final int threads;
  private final ExecutorService pool;
  private final Map<Long, List<Sample>> cache = new TreeMap<>();
  private long simulations;

  /**
   * @param load the load whose requests are measured, or null for all loads together
   * @param scenarioSeed the seed replications derive theirs from
   * @param maxReps never compute beyond this many replications of a point
   */
  public SimulatedSamples(Parameter parameter, String load, long scenarioSeed, int maxReps, int threads) {
    this.parameter = parameter;
    this.load = load;
    this.scenarioSeed = scenarioSeed;
    this.maxReps = maxReps;
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "meshsim-plan");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  @Override
  public List<Sample> samples(long key, int count) {
    int have = cached(key).size();
    if (have < count) {
      int ahead = Math.min(maxReps, Math.max(count, roundUp(count - have) + have));
      List<long[]> pairs = new ArrayList<>();
      for (int r = have; r < ahead; r++) {
        pairs.add(new long[] {key, r});
      }
      run(pairs);
    }
    return List.copyOf(cached(key).subList(0, count));
  }

  @Override
  public void prefetch(List<Long> keys, int count) {
    List<long[]> pairs = new ArrayList<>();
    for (long key : keys) {
      for (int r = cached(key).size(); r < Math.min(count, maxReps); r++) {
        pairs.add(new long[] {key, r});
      }
    }
    run(pairs);
  }

  /** Simulations run so far (for --stats and the benchmark). */
  public long simulations() {
    return simulations;
  }

  private int roundUp(int n) {
    return (n + threads - 1) / threads * threads;
  }

  private List<Sample> cached(long key) {
    return cache.computeIfAbsent(key, k -> new ArrayList<>());
  }

  /** Runs every (key, replication) pair, in parallel, and appends the samples in order. */
  private void run(List<long[]> pairs) {
    List<Sample> results = pairs(pairs);
    for (int i = 0; i < pairs.size(); i++) {
      cached(pairs.get(i)[0]).add(results.get(i));
    }
  }

  /** The samples of the (key, replication) pairs, simulated in parallel, in the order given; not cached. */
  public List<Sample> pairs(List<long[]> pairs) {
    List<Sample> results = new ArrayList<>();
    if (pool == null) {
      pairs.forEach(p -> results.add(simulate(p[0], (int) p[1])));
    } else {
      List<Future<Sample>> futures = new ArrayList<>();
      pairs.forEach(p -> futures.add(pool.submit(() -> simulate(p[0], (int) p[1]))));
      for (Future<Sample> f : futures) {
        results.add(join(f));
      }
    }
    simulations += pairs.size();
    return results;
  }

  private Sample simulate(long key, int rep) {
    Scenario scenario = parameter.at(key).withSeed(Replications.seed(scenarioSeed, rep));
    try {
      return measure(new MeshSimulation(scenario).run(), load);
    } catch (OverloadException e) {
      // The mesh cannot serve this point's load: the point fails, and the search moves on.
      return Sample.overloaded((scenario.durationNanos() - scenario.warmupNanos()) / 1e9);
    }
  }

  /** The sample of {@code load}'s requests (all loads' if null) in {@code result}. */
  public static Sample measure(RunResult result, String load) {
    TrafficStats stats = load == null ? result.total() : result.loads().get(load);
    if (stats == null) {
      throw new PlanInputException("--load " + load + ": a point of the plan has no load of that name (did a"
          + " --set rename it?); its loads are " + String.join(", ", result.loads().keySet()) + ".");
    }
    return Sample.of(stats, result.measuredSeconds());
  }

  private static Sample join(Future<Sample> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while simulating", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
