package dev.meshsim.bench;

import dev.meshsim.mesh.MeshSimulation;
import dev.meshsim.result.RunResult;
import dev.meshsim.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The end-to-end workload measured inside one JVM: runs a scenario (bench-chain by default) several
 * times at a given simulated duration and prints, per run, the main thread's CPU time, simulated
 * requests per CPU second, events per request and bytes allocated per request (the JVM's per-thread
 * allocation counter). The first run warms the JIT; the figures that count are the later runs'.
 * Thread CPU time, unlike wall time, hardly moves when other processes share the cores.
 *
 * <p>It uses only {@code MeshSimulation}'s constructor, {@code run()} and {@code eventsFired()} and
 * the scenario loader, so the same class runs against an older build's jar ({@code
 * bench/side-by-side.sh --in-process}).
 *
 * <pre>
 * java -cp benchmarks/target/classes:cli/target/meshsim.jar dev.meshsim.bench.ChainSpeed [FILE] [SECONDS] [RUNS]
 * </pre>
 */
public final class ChainSpeed {
  private ChainSpeed() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args.length > 0 ? args[0] : "scenarios/bench-chain.yaml");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path file = Files.createTempFile("chain-speed", ".yaml");
    // The scenario's own top-level duration line is replaced, so older builds need no new API.
    Files.writeString(file, Files.readString(source).replaceFirst("(?m)^duration: .*$", "duration: " + seconds + "s"));
    var scenario = ScenarioLoader.load(file).scenario();
    Files.delete(file);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 1; i <= runs; i++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long bytes0 = threads.getCurrentThreadAllocatedBytes();
      long wall0 = System.nanoTime();
      MeshSimulation simulation = new MeshSimulation(scenario);
      RunResult result = simulation.run();
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
      long requests = result.total().requests();
      System.out.printf(Locale.ROOT,
          "run %d: %d requests, %d events (%.2f per request), cpu %.2f s (%.0f requests/cpu s), wall %.2f s"
              + " (%.0f requests/wall s), %.0f bytes allocated per request%n",
          i, requests, simulation.eventsFired(), (double) simulation.eventsFired() / requests, cpu, requests / cpu,
          wall, requests / wall, (double) bytes / requests);
    }
  }
}
