package dev.meshsim.inspect;

import dev.meshsim.inspect.snapshot.InspectException;
import dev.meshsim.inspect.snapshot.Snapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshsim.scenario.Durations;
import dev.meshsim.yaml.ReadLimits;
import dev.meshsim.yaml.SourceFiles;
import dev.meshsim.yaml.YamlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

  /**
   * Prepares {@code dir} for writing: refuses a non-empty directory that is not one of meshsim's
   * snapshot directories, and any index or snapshot file in it that meshsim did not write. A
   * directory is meshsim's when its index is a regular file carrying meshsim's {@link #isOwn
   * content}; a file merely named {@value #INDEX} is not enough.
   */
  public static SnapshotStore forWriting(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new InspectException(dir + ": exists and is not a directory");
      }
      if (Files.isDirectory(dir) && !isEmpty(dir)) {
        Path index = dir.resolve(INDEX);
        if (!Files.exists(index, LinkOption.NOFOLLOW_LINKS)) {
          throw new InspectException(dir + ": not empty and not a meshsim snapshot directory; refusing to write"
              + " into it (remove it or choose another)");
        }
        for (Path p : ownFiles(dir)) {
          if (!isOwn(p)) {
            throw new InspectException(p + ": exists and was not written by meshsim; refusing to overwrite it"
                + " (remove it or choose another --inspect-dir)");
          }
        }
      }
      Files.createDirectories(dir);
      for (Path p : ownFiles(dir)) {
        Files.delete(p); // an earlier run's index and snapshots, so none is mistaken for this run's
      }
      return new SnapshotStore(dir);
    } catch (IOException e) {
      throw new InspectException(dir + ": cannot be written (" + describe(e) + ")", e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** The index and the {@code snapshot-N.json} files in {@code dir}: the names meshsim writes. */
  private static List<Path> ownFiles(Path dir) throws IOException {
    List<Path> own = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return own;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        if (isSnapshotName(p.getFileName().toString())) {
          own.add(p);
        }
      }
    }
    return own;
  }

  /** Whether {@code name} is one meshsim writes in a snapshot directory. */
  public static boolean isSnapshotName(String name) {
    return name.equals(INDEX) || name.matches("snapshot-[0-9]+\\.json");
  }

  /**
   * Whether {@code file} is a regular file meshsim wrote: its first bytes, whitespace aside, are
   * the {@code {"origin":{"format":"meshsim-inspect/} every index and snapshot starts with (the
   * records' first member). Reads at most 256 bytes, and nothing but a regular file.
   */
  static boolean isOwn(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      String head = new String(in.readNBytes(256), StandardCharsets.UTF_8).replaceAll("\\s", "");
      return head.startsWith("{\"origin\":{\"format\":\"meshsim-inspect/");
    }
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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

  /**
   * Writes through a temporary file beside {@code file}, moved into place; the temporary file is
   * removed when the write fails (a full disk leaves no {@code .snapshot-N.json…tmp} behind).
   */
  private static void writeJson(Path file, Object value) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      // Not bad input (a full disk): the command reports it as an I/O failure naming the file.
      throw new java.io.UncheckedIOException(new IOException(file + ": cannot be written (" + describe(e) + ")", e));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that is what is reported
        }
      }
    }
  }

  /** Reads a snapshot directory's index, refusing one from another format or meshsim version. */
  public static Index readIndex(Path dir) {
    Path index = dir.resolve(INDEX);
    if (!Files.exists(index)) {
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

  /**
   * Reads one instant's snapshot, checking it belongs to the index's run. The index names the file;
   * only a {@code snapshot-N.json} in the directory itself is read, so an index cannot point meshsim
   * at {@code /etc/passwd} or {@code ../x}.
   */
  public static Snapshot read(Path dir, Index index, Entry entry) {
    if (entry == null || entry.file() == null || !entry.file().matches("snapshot-[0-9]+\\.json")) {
      throw new InspectException(dir.resolve(INDEX) + ": not a meshsim snapshot index: a snapshot's \"file\" must"
          + " be a snapshot-N.json in the directory itself");
    }
    Path file = dir.resolve(entry.file());
    Snapshot s = readJson(file, Snapshot.class);
    if (s.origin() == null || !index.origin().equals(s.origin())) {
      throw new InspectException(file + ": from run " + (s.origin() == null ? "unknown" : s.origin().scenario()
          + " seed " + s.origin().seed()) + ", not " + index.origin().scenario() + " seed " + index.origin().seed());
    }
    return s;
  }

  /**
   * The text of an input file through meshsim's guarded reader: a regular file of at most 64 MiB
   * (a FIFO would block, {@code /dev/zero} never ends), valid UTF-8.
   */
  public static String readGuarded(Path file) {
    try {
      return new SourceFiles(ReadLimits.DEFAULT).readText(file);
    } catch (YamlException e) {
      throw new InspectException(e.getMessage(), e);
    }
  }

  private static <T> T readJson(Path file, Class<T> type) {
    String text = readGuarded(file);
    try {
      T value = JSON.readValue(text, type);
      if (value == null) {
        throw new InspectException(file + ": not a meshsim snapshot: the file holds no JSON object");
      }
      return value;
    } catch (JsonMappingException e) {
      // Databind's own words name Java classes; the user needs the place and the field.
      throw new InspectException(file + location(e) + ": " + fieldPath(e) + "not a meshsim snapshot: a field is"
          + " missing, null or of the wrong type", e);
    } catch (JsonProcessingException e) {
      throw new InspectException(file + location(e) + ": not a meshsim snapshot: " + e.getOriginalMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + Math.max(1, e.getLocation().getColumnNr());
  }

  /** {@code snapshots[0].file: }, from the JSON path (never the Java class names). */
  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : path + ": ";
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
