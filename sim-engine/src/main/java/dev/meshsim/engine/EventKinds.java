package dev.meshsim.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * A profiling aid, off unless the JVM runs with {@code -Dmeshsim.eventKinds=true}: counts the
 * events scheduled by the source line that scheduled them, and prints the table to stderr when the
 * JVM exits. It is how the event-per-request budget of a model is found (which hops cost an event);
 * with the flag off {@link #ON} is a constant false and the JIT removes the calls.
 */
final class EventKinds {
  static final boolean ON = Boolean.getBoolean("meshsim.eventKinds");
  private static final Map<String, long[]> SCHEDULED = new TreeMap<>();
  private static final StackWalker WALKER = StackWalker.getInstance();

  static {
    if (ON) {
      Runtime.getRuntime().addShutdownHook(new Thread(EventKinds::print));
    }
  }

  private EventKinds() {}

  /** Counts one scheduling, by the first frame outside the engine. */
  static void scheduled() {
    String site = WALKER.walk(frames -> frames
        .filter(f -> !f.getClassName().startsWith("dev.meshsim.engine."))
        .findFirst()
        .map(f -> f.getClassName().replaceFirst(".*\\.", "") + "." + f.getMethodName() + ":" + f.getLineNumber())
        .orElse("?"));
    synchronized (SCHEDULED) {
      SCHEDULED.computeIfAbsent(site, s -> new long[1])[0]++;
    }
  }

  private static void print() {
    synchronized (SCHEDULED) {
      long total = SCHEDULED.values().stream().mapToLong(c -> c[0]).sum();
      System.err.printf("event kinds: %,d scheduled%n", total);
      SCHEDULED.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
          .forEach(e -> System.err.printf("%,14d  %5.2f%%  %s%n", e.getValue()[0],
              100.0 * e.getValue()[0] / total, e.getKey()));
    }
  }
}
