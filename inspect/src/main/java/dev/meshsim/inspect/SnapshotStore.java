package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.snapshot.Snapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshsim.scenario.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A snapshot directory: {@value #INDEX} names the run (format, meshsim version, scenario, seed) and
 * lists the instants, each in its own {@code snapshot-N.json}. meshsim writes into a directory
 * only if it is empty or already one of its snapshot directories, and reads one only if it comes
 * from this meshsim version (and, when asked, from the same scenario).
 */
public final class SnapshotStore {
  public static final String INDEX = "meshsim-inspect.json";
  public static final String FORMAT = "meshsim-inspect/3";
  /** The meshsim release writing snapshots (the same as {@code meshsim --version}). */
  public static final String MESHSIM_VERSION = "0.1.0";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The index file: which run, which instants. */
  public record Index(Snapshot.Origin origin, List<Entry> snapshots) {
    public Index {
      snapshots = List.copyOf(snapshots);
    }
  }

  /** One instant: its time, as given and in nanoseconds, and its file. */
  public record Entry(String at, long atNanos, String file) {}

  private final Path dir;

  private SnapshotStore(Path dir) {
    this.dir = dir;
  }

  /** Prepares {@code dir} for writing: refuses a non-empty directory meshsim did not write. */
  public static SnapshotStore forWriting(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new InspectException(dir + ": exists and is not a directory");
      }
      if (Files.isDirectory(dir) && !isEmpty(dir) && !Files.exists(dir.resolve(INDEX))) {
        throw new InspectException(dir + ": not empty and not a meshsim snapshot directory; refusing to write"
            + " into it (remove it or choose another)");
      }
      Files.createDirectories(dir);
      clearOwn(dir);
      return new SnapshotStore(dir);
    } catch (IOException e) {
      throw new InspectException(dir + ": " + e.getMessage(), e);
    }
  }

  /** Removes the index and snapshots an earlier run wrote here, so none is mistaken for this run's. */
  private static void clearOwn(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(INDEX));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("snapshot-") && name.endsWith(".json")) {
          Files.delete(p);
        }
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Writes the snapshot of instant number {@code n} (from 1); returns its index entry. */
  public Entry write(int n, Snapshot snapshot) {
    String file = "snapshot-" + n + ".json";
    writeJson(dir.resolve(file), snapshot);
    return new Entry(Durations.format(snapshot.atNanos()), snapshot.atNanos(), file);
  }

  /** Writes the index last, so a directory with an index has all its snapshots. */
  public void writeIndex(Snapshot.Origin origin, List<Entry> entries) {
    writeJson(dir.resolve(INDEX), new Index(origin, entries));
  }

  private static void writeJson(Path file, Object value) {
    try {
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a snapshot directory's index, refusing one from another format or meshsim version. */
  public static Index readIndex(Path dir) {
    Path index = dir.resolve(INDEX);
    if (!Files.isRegularFile(index)) {
      throw new InspectException(dir + ": not a meshsim snapshot directory (no " + INDEX
          + "; write one with `meshsim run SCENARIO --inspect-at T --inspect-dir " + dir + "`)");
    }
    Index read = readJson(index, Index.class);
    Snapshot.Origin o = read.origin();
    if (o == null || !FORMAT.equals(o.format()) || !MESHSIM_VERSION.equals(o.meshsimVersion())) {
      throw new InspectException(index + ": written by " + (o == null ? "an unknown program" : "meshsim "
          + o.meshsimVersion() + " (" + o.format() + ")") + ", not by this meshsim " + MESHSIM_VERSION
          + " (" + FORMAT + "); take the snapshot again with this version");
    }
    return read;
  }

  /** Reads one instant's snapshot, checking it belongs to the index's run. */
  public static Snapshot read(Path dir, Index index, Entry entry) {
    Snapshot s = readJson(dir.resolve(entry.file()), Snapshot.class);
    if (!index.origin().equals(s.origin())) {
      throw new InspectException(dir.resolve(entry.file()) + ": from run " + s.origin().scenario() + " seed "
          + s.origin().seed() + ", not " + index.origin().scenario() + " seed " + index.origin().seed());
    }
    return s;
  }

  private static <T> T readJson(Path file, Class<T> type) {
    try {
      return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), type);
    } catch (JsonProcessingException e) {
      throw new InspectException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not a meshsim snapshot: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InspectException(file + ": " + e.getMessage(), e);
    }
  }

  /** The entry for {@code at} (a duration such as {@code 10.4s}), or the only one when null. */
  public static Entry select(Index index, String at, Path dir) {
    if (at == null) {
      if (index.snapshots().size() == 1) {
        return index.snapshots().get(0);
      }
      throw new InspectException(dir + ": holds " + index.snapshots().size() + " instants (" + instants(index)
          + "); choose one with --at");
    }
    long nanos;
    try {
      nanos = Durations.parseNanos(at);
    } catch (IllegalArgumentException e) {
      throw new InspectException("--at " + at + ": " + e.getMessage(), e);
    }
    for (Entry e : index.snapshots()) {
      if (e.atNanos() == nanos) {
        return e;
      }
    }
    throw new InspectException("--at " + at + ": no snapshot at that instant in " + dir + " (it has "
        + instants(index) + ")");
  }

  private static String instants(Index index) {
    List<String> all = new ArrayList<>();
    index.snapshots().forEach(e -> all.add(e.at()));
    return String.join(", ", all);
  }
}
