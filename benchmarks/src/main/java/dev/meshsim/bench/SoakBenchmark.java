package dev.meshsim.bench;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.LoadedScenario;
import dev.meshsim.scenario.ScenarioLoader;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The soak: a long, fault-heavy generated mesh ({@link SoakMesh}: kills, restarts, scaling,
 * rollouts, app errors and resets, injected aborts and delays, retries, per-try timeouts, outlier
 * ejections, tight pools, re-applied routes) run for about 10^7 requests. It checks that every
 * request ends exactly once (counted requests + unfinished = sent, with no warmup) and that memory
 * is flat: the heap still live after each garbage collection, sampled through the run, must not
 * grow from the first fifth of the run to the last (heap after each collection, from the JVM's GC
 * notifications).
 *
 * <pre>
 * mvn -o -B -q -DskipTests package -pl benchmarks -am
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.meshsim.bench.SoakBenchmark [rate/s] [seconds]
 * </pre>
 *
 * Defaults: 5000/s for 2000 s, i.e. 10^7 requests offered. Exits 1 if a check fails.
 */
public final class SoakBenchmark {
  private SoakBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path file = Files.createTempFile("soak", ".yaml");
    Files.writeString(file, SoakMesh.yaml(rate, seconds));
    LoadedScenario loaded = ScenarioLoader.load(file);
    Files.delete(file);
    MeshSimulation simulation = new MeshSimulation(loaded.scenario());
    List<Double> liveMiB = new ArrayList<>();
    listen(liveMiB);
    long start = System.nanoTime();
    RunResult result = simulation.run();
    double wall = (System.nanoTime() - start) / 1e9;
    List<Double> samples;
    synchronized (liveMiB) {
      samples = List.copyOf(liveMiB);
    }
    report(result, simulation, samples, wall, loaded.scenario().timeline().events().size());
  }

  private static void report(RunResult result, MeshSimulation simulation, List<Double> liveMiB, double wall,
      int actions) {
    long sent = simulation.requestsSent();
    long counted = result.total().requests();
    boolean conserved = counted + result.unfinished() == sent;
    int fifth = Math.max(1, liveMiB.size() / 5);
    double early = liveMiB.stream().limit(fifth).mapToDouble(Double::doubleValue).max().orElse(0);
    double late = liveMiB.stream().skip(liveMiB.size() - fifth).mapToDouble(Double::doubleValue).max().orElse(0);
    boolean flat = late <= early * 1.25 + 4;
    System.out.printf(Locale.ROOT, "soak: %d requests sent, %d counted, %d unfinished, %d timeline actions;"
        + " conservation %s%n", sent, counted, result.unfinished(), actions, conserved ? "holds" : "BROKEN");
    System.out.printf(Locale.ROOT, "soak: codes %s, flags %s%n", result.total().codes(), result.total().flags());
    java.util.Map<String, Long> upstream = new java.util.TreeMap<>();
    result.clusterStats().values().forEach(c -> c.responseFlags().forEach((f, n) -> upstream.merge(String.valueOf(f), n, Long::sum)));
    System.out.printf(Locale.ROOT, "soak: Envoy response flags at the client sidecars, all clusters: %s%n", upstream);
    System.out.printf(Locale.ROOT, "soak: wall %.1f s, %.0f simulated requests/s, %d events; live heap"
        + " after GC (max of first/last fifth of %d collections) %.1f / %.1f MiB: %s%n", wall, sent / wall,
        simulation.eventsFired(), liveMiB.size(), early, late, flat ? "flat" : "GROWING");
    if (!conserved || !flat) {
      System.exit(1);
    }
  }

  /** Records the heap in use after every garbage collection, summed over the pools. */
  private static void listen(List<Double> out) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          return;
        }
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
        long used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        synchronized (out) {
          out.add(used / (1024.0 * 1024.0));
        }
      }, null, null);
    }
  }
}
