package dev.meshsim.cli;

import dev.meshsim.result.RunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Wall-clock figures of a run, for {@code --stats}. Kept apart from the results, which must be the
 * same on every machine.
 */
final class RunStopwatch {
  private final long startNanos = System.nanoTime();
  private long elapsedNanos;

  void stop() {
    elapsedNanos = System.nanoTime() - startNanos;
  }

  String describe(RunResult result, long events) {
    double seconds = elapsedNanos / 1e9;
    long requests = result.total().requests();
    return String.format(Locale.ROOT,
        "meshsim: stats: wall %.3f s, %d counted requests (%.0f simulated requests/s of wall time),"
            + " %d events (%.0f events/s), peak heap %.1f MiB, live heap after GC %.1f MiB",
        seconds, requests, requests / seconds, events, events / seconds, peakHeapMiB(),
        liveHeapMiB());
  }

  /** Heap still reachable at the end of the run (the results and the mesh), after a full GC. */
  static double liveHeapMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** Sum over heap pools of each pool's peak usage: an upper bound of the heap's true peak. */
  static double peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024.0 * 1024.0);
  }
}
