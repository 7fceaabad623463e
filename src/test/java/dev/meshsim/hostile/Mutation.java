package dev.meshsim.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hostile change to a shipped scenario, as a new user or an attacker would make it: a value
 * replaced by an extreme, a wrong type, a control character or a regex bomb; deep nesting; an
 * alias bomb; a scalar anchor; a line deleted, doubled or cut; bytes that are not UTF-8; a file it
 * names replaced by a FIFO, a directory, {@code /dev/zero} or a huge line; the output aimed at an
 * input. Deterministic in {@code seed}, so a failing case can be replayed.
 *
 * @param kind what kind of change
 * @param seed picks the line, the value and the file
 */
record Mutation(Kind kind, long seed) {

  enum Kind { VALUE, DEEP_NESTING, ALIAS_BOMB, SCALAR_ANCHOR, DELETE_LINE, DOUBLE_LINE, TRUNCATE, BAD_BYTES,
    ODD_FILE, OUTPUT_ON_INPUT, CONTROL_KEY }

  /** Values no scenario should be able to turn into a hang, an OOM, an exit 1 or a raw control character. */
  static final List<String> HOSTILE = List.of(
      "-1", "0", "2147483648", "9223372036854775808", "1e308", "-1e308", ".nan", ".inf", "-.inf", "1000000000",
      "0.0000001", "99999999999999999999999999", "0s", "1ns", "2562047h", "99999999h", "721h", "1e3s", "-5ms",
      "[]", "{}", "~", "\"\"", "true", "\"2\"", "[[[[1]]]]", "*nothing", "&a", "!!binary AAAA",
      "\"\\e[2J\\e[31mred\\u202eevil\"", "\"a\\nb: forged\"", "\"\\u0000\\u0007\\u009b\"",
      "{regex: \"(.*a){40}(x+x+)+y\"}", "{regex: '(a{1000}){1000}'}", "{regex: \"(?=x)\"}",
      "{distribution: lognormal, median: 1s, sigma: 1000}", "{distribution: exponential, mean: 2000000h}",
      "{distribution: gamma, shape: 1e-300, mean: 1s}", "{distribution: empirical, p50: 1ms, p99: 1ns}",
      "{poisson: 1000000000000/s}", "{connections: 1000000000}", "{minimumRingSize: 1000000000}",
      "\"v 2!\"", "\"Bad Name!\"", "x".repeat(5000), "1000001/s");
  private static final Pattern VALUE_LINE = Pattern.compile("^(\\s*(?:- )?[A-Za-z][A-Za-z0-9_-]*:)\\s+(\\S.*)$");

  /** Writes the mutated scenario {@code name} in {@code dir}; returns the command line to run. */
  List<String> apply(Path dir, String name) throws IOException {
    Random random = new Random(seed);
    Path scenario = dir.resolve(name);
    List<String> lines = new ArrayList<>(Files.readAllLines(scenario, StandardCharsets.UTF_8));
    List<String> args = new ArrayList<>(List.of("run", scenario.toString()));
    switch (kind) {
      case VALUE -> replaceValue(lines, random, HOSTILE.get(random.nextInt(HOSTILE.size())));
      case DEEP_NESTING -> replaceValue(lines, random, "[".repeat(1500) + "]".repeat(1500));
      case ALIAS_BOMB -> lines.addAll(0, aliasBomb());
      case SCALAR_ANCHOR -> scalarAnchor(lines);
      case DELETE_LINE -> lines.remove(random.nextInt(lines.size()));
      case DOUBLE_LINE -> {
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
      }
      case TRUNCATE -> {
        String text = String.join("\n", lines);
        lines = List.of(text.substring(0, random.nextInt(text.length())));
      }
      case CONTROL_KEY -> lines.add("\"\\e[2J\\u202e" + random.nextInt(100) + "\": 1");
      case BAD_BYTES -> {
        write(scenario, lines);
        byte[] bytes = Files.readAllBytes(scenario);
        bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        Files.write(scenario, bytes);
        return args;
      }
      case ODD_FILE -> oddFile(dir, lines, random);
      case OUTPUT_ON_INPUT -> {
        List<Path> inputs = new ArrayList<>();
        try (var files = Files.walk(dir)) {
          files.filter(Files::isRegularFile).forEach(inputs::add);
        }
        Collections.sort(inputs);
        args.addAll(List.of("--json", inputs.get(random.nextInt(inputs.size())).toString()));
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    write(scenario, lines);
    return args;
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** Replaces the value of a random {@code key: value} line (the line's comment goes too). */
  private static void replaceValue(List<String> lines, Random random, String value) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (VALUE_LINE.matcher(lines.get(i)).matches() && !lines.get(i).strip().startsWith("#")) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      lines.add("name: " + value);
      return;
    }
    int i = candidates.get(random.nextInt(candidates.size()));
    Matcher m = VALUE_LINE.matcher(lines.get(i));
    m.matches();
    lines.set(i, m.group(1) + " " + value);
  }

  /** A few lines of aliases expanding to 16^6 (about 17 million) values. */
  private static List<String> aliasBomb() {
    List<String> out = new ArrayList<>(List.of("x-0: &l0 [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]"));
    for (int i = 1; i <= 6; i++) {
      out.add("x-" + i + ": &l" + i + " [" + String.join(", ", Collections.nCopies(16, "*l" + (i - 1))) + "]");
    }
    return out;
  }

  /** {@code replicas: &r N} and the next {@code workers:} as {@code *r}; valid YAML that must keep working. */
  private static void scalarAnchor(List<String> lines) {
    boolean anchored = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!anchored && l.matches(".*\\breplicas: [0-9]+.*")) {
        lines.set(i, l.replaceFirst("\\breplicas: ([0-9]+)", "replicas: &r $1"));
        anchored = true;
      } else if (anchored && l.matches(".*\\bworkers: [0-9]+.*")) {
        lines.set(i, l.replaceFirst("\\bworkers: [0-9]+", "workers: *r"));
        return;
      }
    }
  }

  /** Points istioFiles (or a new one) at something that is not a scenario's YAML file. */
  private static void oddFile(Path dir, List<String> lines, Random random) throws IOException {
    String target = switch (random.nextInt(8)) {
      case 0 -> fifo(dir);
      case 1 -> Files.createDirectories(dir.resolve("a-directory.yaml")).getFileName().toString();
      case 2 -> Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero")).getFileName().toString();
      case 3 -> Files.writeString(dir.resolve("long.yaml"), "a: " + "x".repeat(3_000_000) + "\n").getFileName().toString();
      case 4 -> Files.write(dir.resolve("latin1.yaml"), "kind: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))
          .getFileName().toString();
      case 5 -> "../../../../../../../../etc/passwd";
      case 6 -> "missing.yaml";
      default -> Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, 27, 91, 50, 74, (byte) 0xff, 10})
          .getFileName().toString();
    };
    lines.removeIf(l -> l.startsWith("istioFiles:"));
    lines.add("istioFiles: [\"" + target + "\"]");
  }

  private static String fifo(Path dir) throws IOException {
    Path fifo = dir.resolve("pipe.yaml");
    try {
      if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
        throw new IOException("mkfifo failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return fifo.getFileName().toString();
  }
}
