package dev.meshsim.hostile;

import static dev.meshsim.e2e.CliRun.meshsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.meshsim.e2e.CliRun.Outcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The bad-input contract under fuzzing: hostile mutations ({@link Mutation}) of the shipped
 * scenarios must end with exit 0 or 2 (never 1), a positioned one-paragraph message when 2, no raw
 * control character in anything printed, every input file byte-identical afterwards, within
 * {@value #CASE_SECONDS} s and {@value #HEAP_LIMIT_MIB} MiB of heap. The build runs a fixed,
 * bounded sample; {@link #longRun} (tag {@code long}) runs many more with fresh seeds:
 *
 * <pre>mvn -o -B -pl cli -am test -Dtest=HostileInputFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dmeshsim.excludedGroups=none</pre>
 */
class HostileInputFuzzTest {
  static final int CASE_SECONDS = 30;
  static final long HEAP_LIMIT_MIB = 2048;
  private static final Pattern POSITIONED = Pattern.compile("^meshsim: .+?:[1-9][0-9]*:[1-9][0-9]*: .+");
  private static final List<String> SEEDS = seeds();
  private static final Map<String, Integer> EXITS = new TreeMap<>();
  private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fuzz-case");
    t.setDaemon(true);
    return t;
  });

  @Property(tries = 36, seed = "13", shrinking = ShrinkingMode.OFF)
  void hostileScenariosKeepTheContract(@ForAll("cases") Case c) throws Exception {
    check(c);
  }

  @Property(tries = 1500, shrinking = ShrinkingMode.OFF)
  @Tag("long")
  void longRun(@ForAll("cases") Case c) throws Exception {
    check(c);
  }

  @AfterContainer
  static void summary() {
    if (!EXITS.isEmpty()) {
      System.out.println("fuzz cases by mutation and exit: " + EXITS);
    }
  }

  /** A seed scenario and what is done to it. */
  record Case(String scenario, Mutation mutation) {}

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.of(Mutation.Kind.class), Arbitraries.longs())
        .as((s, k, seed) -> new Case(s, new Mutation(k, seed)));
  }

  private static void check(Case c) throws Exception {
    Path dir = Files.createTempDirectory("meshsim-fuzz");
    try {
      copyScenarios(dir);
      List<String> args = c.mutation().apply(dir, c.scenario());
      Map<Path, String> before = hashes(dir);
      resetPeaks();
      Outcome o = runWithin(args, c);
      long heapMiB = peakHeapMiB();
      EXITS.merge(c.mutation().kind() + "->" + o.exit(), 1, Integer::sum);
      String what = c + " " + args + "\n" + o.err();
      assertTrue(o.exit() == 0 || o.exit() == 2, "exit " + o.exit() + " for " + what);
      assertEquals(-1, Printed.firstRawControl(o.printed()), "raw control character printed for " + what);
      assertEquals(before, hashes(dir), "an input file changed: " + what);
      assertTrue(heapMiB < HEAP_LIMIT_MIB, "peak heap " + heapMiB + " MiB for " + what);
      if (o.exit() == 2) {
        checkMessage(o.err(), c, what);
      }
    } finally {
      delete(dir);
    }
  }

  /** One error line, after any warnings, with file:line:column for problems inside a file. */
  private static void checkMessage(String err, Case c, String what) {
    List<String> lines = err.lines().filter(l -> !l.startsWith("meshsim: warning: ")).toList();
    assertEquals(1, lines.size(), "one paragraph: " + what);
    String line = lines.get(0);
    assertTrue(line.startsWith("meshsim: "), what);
    boolean wholeFile = line.endsWith(": the file is empty") || c.mutation().kind() == Mutation.Kind.ODD_FILE
        || c.mutation().kind() == Mutation.Kind.OUTPUT_ON_INPUT;
    assertTrue(wholeFile || POSITIONED.matcher(line).matches(), "no file:line:column in: " + what);
  }

  private static Outcome runWithin(List<String> args, Case c) throws Exception {
    Future<Outcome> run = RUNNER.submit(() -> meshsim(args.toArray(String[]::new)));
    try {
      return run.get(CASE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return fail("no answer within " + CASE_SECONDS + " s: " + c + " " + args);
    }
  }

  /** The shipped scenarios, with load turned down so that a valid mutation runs in well under a second. */
  private static void copyScenarios(Path dir) throws IOException {
    Path from = Path.of("scenarios");
    try (var files = Files.walk(from)) {
      for (Path f : files.sorted().toList()) {
        Path to = dir.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.writeString(to, quiet(Files.readString(f)));
        }
      }
    }
  }

  static String quiet(String yaml) {
    return yaml.replaceAll("poisson: [0-9.]+/s", "poisson: 10/s")
        .replaceAll("connections: [0-9]+, qps: [0-9]+", "connections: 1, qps: 10");
  }

  private static List<String> seeds() {
    try (var files = Files.list(Path.of("scenarios"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Path, String> hashes(Path dir) throws Exception {
    Map<Path, String> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Path f : files) {
      out.put(f, HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
    }
    return out;
  }

  /**
   * Starts the peaks from the live heap: a reset sets each peak to the pool's current use, which
   * after an earlier test's big run (an overloaded plan leaves a gigabyte of garbage in the old
   * generation) would be charged to the next case.
   */
  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  private static void delete(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
